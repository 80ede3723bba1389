package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel source compiles to PTX with nvcc, with the options NVRTC gets and every warning
 * an error, and exports every kernel under its C name. Skips itself where nvcc is not on the PATH.
 */
class KernelSourceCompilesTest {

    @Test
    void kernelSourceCompilesToPtxWithEveryKernelExported(@TempDir Path dir) throws Exception {
        Path nvcc = onPath("nvcc");
        assumeTrue(nvcc != null, "nvcc is not on the PATH");
        Path source = dir.resolve("kernels.cu");
        Files.writeString(source, CudaKernels.source(), StandardCharsets.UTF_8);
        Path ptx = dir.resolve("kernels.ptx");
        List<String> command = new ArrayList<>(List.of(nvcc.toString(), "--ptx"));
        command.addAll(CudaKernels.COMPILE_OPTIONS);
        command.addAll(List.of("--Werror", "all-warnings", "-o", ptx.toString(), source.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "nvcc did not finish");
        assertEquals(0, process.exitValue(), "nvcc failed:\n" + output);
        String text = Files.readString(ptx);
        for (Kernel kernel : Kernel.values()) {
            assertTrue(text.contains(".entry " + kernel.cudaName() + "("), kernel.cudaName() + " missing from the PTX");
        }
    }

    private static Path onPath(String program) throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
