package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.ElementwiseContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The element-wise contract (hand-computed cases, double-precision references) on
 * {@link CudaBackend} with kernels.cu compiled for the host ({@link HostCudaDevice}).
 * Skips itself where g++ is not on the PATH.
 */
class HostCudaElementwiseContractTest extends ElementwiseContractTest {

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
