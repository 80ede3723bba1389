package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendStatus;
import dev.descent.core.compute.ElementwiseContractTest;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The element-wise contract on the GPU; skips itself, with the probe's reason, where no GPU is usable. */
class CudaElementwiseContractTest extends ElementwiseContractTest {

    @BeforeAll
    static void requireUsableGpu() {
        BackendStatus status = CudaProbe.status();
        assumeTrue(status.available(), () -> "CUDA not usable here: " + status.reason());
    }

    @Override
    protected Backend newBackend() {
        return new CudaBackend(0);
    }
}
