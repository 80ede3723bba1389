package dev.descent.cuda;

/**
 * The element-wise agreement with the CPU on a real GPU (kernels compiled by NVRTC, CUDA's
 * math library, which may differ from the JDK's by an ulp more). Skips itself, with the
 * probe's reason, where no GPU is usable.
 */
@RequiresUsableGpu
class GpuCudaElementwiseTest extends CudaElementwiseAgreementTest {

    @Override
    protected CudaBackend newCudaBackend() {
        return new CudaBackend(0);
    }

    @Override
    protected int transcendentalUlps() {
        return 2;
    }
}
