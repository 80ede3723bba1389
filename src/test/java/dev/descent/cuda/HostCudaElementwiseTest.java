package dev.descent.cuda;

import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The element-wise agreement with the CPU, kernels.cu compiled for the host with g++ (ASan,
 * UBSan) and run thread by thread on a grid capped at 2 blocks, so threads loop. Skips itself
 * where g++ is not on the PATH.
 */
class HostCudaElementwiseTest extends CudaElementwiseAgreementTest {

    private static final int MAX_BLOCKS = 2;

    @BeforeAll
    static void requireGxx() {
        assumeTrue(HostCudaDevice.create(MAX_BLOCKS) != null, "g++ is not on the PATH");
    }

    @Override
    protected CudaBackend newCudaBackend() {
        return new CudaBackend(HostCudaDevice.create(MAX_BLOCKS));
    }
}
