package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real fallback: a JVM whose JavaCPP looks for the natives of a platform we never ship (ppc64le) cannot
 * load OpenBLAS, so the CPU backend uses the pure-Java GEMM, says why, and still computes.
 */
class OpenBlasFallbackTest {

    /** Run in the child JVM: prints the provider's status, the backend's description and a 2x2 product. */
    public static void main(String[] args) {
        System.out.println(new CpuBackendProvider().probe());
        try (Backend backend = new CpuBackendProvider().create();
             DeviceBuffer a = backend.allocate(4); DeviceBuffer b = backend.allocate(4); DeviceBuffer c = backend.allocate(4)) {
            backend.upload(new float[]{1, 2, 3, 4}, 0, a, 0, 4);
            backend.upload(new float[]{5, 6, 7, 8}, 0, b, 0, 4);
            backend.gemmBatched(Transpose.NO, Transpose.NO, 2, 2, 2, 1f, a, 0, 0, b, 0, 0, 0f, c, 0, 0, 1);
            float[] out = new float[4];
            backend.download(c, 0, out, 0, 4);
            System.out.println(backend.description());
            System.out.println(java.util.Arrays.toString(out));
        }
    }

    @Test
    void missingNativesFallBackToJavaAndSayWhy() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.bytedeco.javacpp.platform=linux-ppc64le", "-Ddescent.cpu.threads=2",
                OpenBlasFallbackTest.class.getName()))
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        String unavailable = "pure-Java GEMM, 2 threads: OpenBLAS unavailable: UnsatisfiedLinkError: ";
        assertTrue(lines.get(0).startsWith("BackendStatus[available=true, reason=cpu (" + unavailable), output);
        assertTrue(lines.get(1).startsWith("cpu (" + unavailable), output);
        assertEquals("[19.0, 22.0, 43.0, 50.0]", lines.get(2), output);
    }
}
