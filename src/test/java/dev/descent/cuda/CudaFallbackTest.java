package dev.descent.cuda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.DescentCli;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendProvider;
import dev.descent.core.compute.BackendStatus;
import dev.descent.core.compute.Backends;
import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real probe and the fallback on a machine without a usable GPU (this project's machines):
 * through {@link Backends#choose} and through the command line. Skips itself on a machine
 * where CUDA works.
 */
class CudaFallbackTest {

    private static final String TRAIN = "train --data xor --samples 64 --layers 4 --epochs 1 --batch 16 --racer";

    private BackendStatus cuda;

    @BeforeEach
    void requireNoUsableGpu() {
        cuda = CudaProbe.status();
        assumeFalse(cuda.available(), "CUDA is usable here: " + cuda.reason());
    }

    @Test
    void cudaProviderIsRegisteredAndPreferredOverTheCpu() {
        List<BackendProvider> providers = Backends.providers();
        assertEquals(List.of("cuda", "cpu"), providers.stream().map(BackendProvider::name).toList());
        assertFalse(providers.get(0).probe().available());
    }

    @Test
    void withoutTheDriverLibraryTheReasonNamesIt() {
        assumeTrue(!libcudaOnTheLoaderPath(), "libcuda.so.1 is present; the probe failed later");
        assertEquals("no CUDA driver (libcuda.so.1 not found)", cuda.reason());
    }

    @Test
    void probeAnswersTheSameEveryTime() {
        assertEquals(cuda, CudaProbe.status());
        assertEquals(cuda, new CudaBackendProvider().probe());
    }

    @Test
    void autoPicksTheCpuAndSaysWhyCudaWasPassedOver() {
        Backends.Opened opened = Backends.open("auto");
        try (Backend backend = opened.backend()) {
            assertEquals("cpu", backend.name());
            assertEquals("cpu", opened.provider().name());
            assertTrue(opened.why().startsWith("cpu ("), opened.why());
            assertTrue(opened.why().endsWith("; cuda not used: " + cuda.reason()), opened.why());
        }
    }

    @Test
    void askingForCudaIsABadInputNamingTheReason() {
        ConfigException e = assertThrows(ConfigException.class, () -> Backends.open("cuda"));
        assertEquals("backend 'cuda' is not usable here: " + cuda.reason(), e.getMessage());
    }

    @Test
    void creatingTheUnusableBackendFailsWithTheReasonNotALinkageError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CudaBackendProvider().create());
        assertEquals("CUDA backend is not usable here: " + cuda.reason(), e.getMessage());
    }

    @Test
    void trainWithBackendCudaExitsTwoWithOneErrorLine() {
        Run r = run(TRAIN, "sgd lr=0.5", "--backend", "cuda");
        assertEquals(2, r.code);
        assertEquals("error: backend 'cuda' is not usable here: " + cuda.reason(), r.err.strip());
        assertEquals("", r.out);
    }

    @Test
    void trainWithBackendAutoRunsOnTheCpuAndReportsWhy() throws Exception {
        Run r = run(TRAIN, "sgd lr=0.5", "--backend", "auto");
        assertEquals(0, r.code, r.err);
        JsonNode summary = new ObjectMapper().readTree(r.out);
        String backend = summary.get("backend").asText();
        assertTrue(backend.startsWith("cpu ("), backend);
        assertTrue(backend.endsWith("cuda not used: " + cuda.reason()), backend);
    }

    @Test
    void benchJsonNamesCudaAsSkippedWithTheReason() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, DescentCli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--json", "--shape", "4x4x4",
                "--runs", "1", "--min-run-ms", "0", "--warmup-ms", "0"), err.toString());
        JsonNode skipped = new ObjectMapper().readTree(out.toString()).get("skipped");
        assertEquals(1, skipped.size(), skipped.toString());
        assertEquals("cuda", skipped.get(0).get("backend").asText());
        assertEquals(cuda.reason(), skipped.get(0).get("reason").asText());
    }

    @Test
    void listShowsCudaNotUsableWithTheReasonAndTheCpuInUse() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, DescentCli.run(new PrintWriter(out), new PrintWriter(err), "list"), err.toString());
        String text = out.toString();
        int section = text.indexOf("Compute backends");
        assertTrue(section >= 0, text);
        List<String> lines = text.substring(section).lines().toList();
        assertEquals("  cuda             not usable: " + cuda.reason(), lines.get(1));
        assertTrue(lines.get(2).startsWith("  cpu              cpu ("), lines.get(2));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String words, String racer, String... more) {
        List<String> args = new ArrayList<>(List.of(words.split(" ")));
        args.add(racer);
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DescentCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString());
    }

    private static boolean libcudaOnTheLoaderPath() {
        List<String> dirs = new ArrayList<>(List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib/wsl/lib"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.exists(Path.of(d, "libcuda.so.1")));
    }
}
