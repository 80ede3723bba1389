package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.ElementwiseContractTest;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The element-wise contract (hand-computed cases, double-precision references) on
 * {@link CudaBackend} with kernels.cu compiled for the host ({@link HostCudaDevice}).
 * Skips itself where g++ is not on the PATH.
 */
class HostCudaElementwiseContractTest extends ElementwiseContractTest {

    private static final int MAX_BLOCKS = 3;

    @BeforeAll
    static void requireGxx() {
        assumeTrue(HostCudaDevice.create(MAX_BLOCKS) != null, "g++ is not on the PATH");
    }

    @Override
    protected Backend newBackend() {
        return new CudaBackend(HostCudaDevice.create(MAX_BLOCKS));
    }
}
