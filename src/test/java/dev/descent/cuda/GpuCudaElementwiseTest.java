package dev.descent.cuda;

import dev.descent.core.compute.BackendStatus;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The element-wise agreement with the CPU on a real GPU (kernels compiled by NVRTC, CUDA's
 * math library, which may differ from the JDK's by an ulp more). Skips itself, with the
 * probe's reason, where no GPU is usable.
 */
class GpuCudaElementwiseTest extends CudaElementwiseAgreementTest {

    @BeforeAll
    static void requireUsableGpu() {
        BackendStatus status = CudaProbe.status();
        assumeTrue(status.available(), () -> "CUDA not usable here: " + status.reason());
    }

    @Override
    protected CudaBackend newCudaBackend() {
        return new CudaBackend(0);
    }

    @Override
    protected int transcendentalUlps() {
        return 2;
    }
}
