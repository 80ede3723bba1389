package dev.descent.cuda;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The element-wise agreement with the CPU, kernels.cu compiled for the host with g++ (ASan,
 * UBSan) and run thread by thread on a grid capped at 2 blocks, so threads loop. Skips itself
 * where g++ is not on the PATH.
 */
class HostCudaElementwiseTest extends CudaElementwiseAgreementTest {

    @TempDir
    static Path dir;
    private static HostCudaDevice compiled;

    @BeforeAll
    static void compileHarness() throws Exception {
        compiled = HostCudaDevice.compile(dir, 2);
        assumeTrue(compiled != null, "g++ is not on the PATH");
    }

    @Override
    protected CudaBackend newCudaBackend() {
        return new CudaBackend(compiled.another());
    }
}
