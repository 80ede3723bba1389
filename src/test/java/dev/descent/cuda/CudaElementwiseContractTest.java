package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.ElementwiseContractTest;

/** The element-wise contract on the GPU; skips itself, with the probe's reason, where no GPU is usable. */
@RequiresUsableGpu
class CudaElementwiseContractTest extends ElementwiseContractTest {

    @Override
    protected Backend newBackend() {
        return new CudaBackend(0);
    }
}
