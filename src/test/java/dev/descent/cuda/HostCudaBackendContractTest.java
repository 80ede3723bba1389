package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendContractTest;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backend contract on {@link CudaBackend}'s own logic with the device simulated on the
 * CPU ({@link HostCudaDevice}): GEMM through {@link CublasGemmMapping} into {@link FakeCublas},
 * k = 0 through the scale kernel of kernels.cu compiled with g++, buffers, range checks.
 * Skips itself where g++ is not on the PATH.
 */
class HostCudaBackendContractTest extends BackendContractTest {

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
