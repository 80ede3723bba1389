package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backend contract on {@link CudaBackend}'s own logic with the device simulated on the
 * CPU ({@link HostCudaDevice}): GEMM through {@link CublasGemmMapping} into {@link FakeCublas},
 * k = 0 through the scale kernel of kernels.cu compiled with g++, buffers, range checks.
 * Skips itself where g++ is not on the PATH.
 */
class HostCudaBackendContractTest extends BackendContractTest {

    @TempDir
    static Path dir;
    private static HostCudaDevice compiled;

    @BeforeAll
    static void compileHarness() throws Exception {
        compiled = HostCudaDevice.compile(dir, 3);
        assumeTrue(compiled != null, "g++ is not on the PATH");
    }

    @Override
    protected Backend newBackend() {
        return new CudaBackend(compiled.another());
    }
}
