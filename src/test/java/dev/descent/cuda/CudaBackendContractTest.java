package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendContractTest;

/** The backend contract on the GPU; skips itself, with the probe's reason, where no GPU is usable. */
@RequiresUsableGpu
class CudaBackendContractTest extends BackendContractTest {

    @Override
    protected Backend newBackend() {
        return new CudaBackend(0);
    }
}
