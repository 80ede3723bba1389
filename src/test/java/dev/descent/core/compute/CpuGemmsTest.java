package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuGemmsTest {

    @Test
    void propertyValuesParseCaseInsensitively() {
        assertEquals(CpuGemms.Kind.AUTO, CpuGemms.Kind.parse(null));
        assertEquals(CpuGemms.Kind.AUTO, CpuGemms.Kind.parse(" "));
        assertEquals(CpuGemms.Kind.JAVA, CpuGemms.Kind.parse("Java"));
        assertEquals(CpuGemms.Kind.OPENBLAS, CpuGemms.Kind.parse("openblas"));
    }

    @Test
    void unknownKindNamesThePropertyAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> CpuGemms.Kind.parse("mkl"));
        assertEquals("descent.cpu.gemm must be auto, openblas or java, was 'mkl'", e.getMessage());
    }

    @Test
    void threadCountDefaultsToProcessorsAndRejectsNonsense() {
        assertEquals(Runtime.getRuntime().availableProcessors(), CpuGemms.threads(null));
        assertEquals(3, CpuGemms.threads("3"));
        assertThrows(ConfigException.class, () -> CpuGemms.threads("0"));
        assertThrows(ConfigException.class, () -> CpuGemms.threads("two"));
    }

    @Test
    void openBlasLoadsOnThisPlatform() {
        assertNull(OpenBlasLibrary.unavailableReason());
        try (CpuGemm gemm = CpuGemms.create(CpuGemms.Kind.AUTO, 2)) {
            assertEquals("OpenBLAS 0.3.28, 2 threads", gemm.description());
        }
        assertEquals("cpu (OpenBLAS 0.3.28, 2 threads)", "cpu (" + CpuGemms.describe(CpuGemms.Kind.AUTO, 2) + ")");
    }

    @Test
    void autoFallsBackToJavaAndSaysWhyWhenOpenBlasCannotLoad() {
        String why = "UnsatisfiedLinkError: no jniopenblas_nolapack in java.library.path";
        try (CpuGemm gemm = CpuGemms.create(CpuGemms.Kind.AUTO, 1, why)) {
            assertTrue(gemm instanceof JavaBlockedGemm);
            assertEquals("pure-Java GEMM, 1 thread: OpenBLAS unavailable: " + why, gemm.description());
        }
        assertEquals("pure-Java GEMM, 2 threads: OpenBLAS unavailable: " + why,
                CpuGemms.describe(CpuGemms.Kind.AUTO, 2, why));
    }

    @Test
    void forcedOpenBlasThatCannotLoadIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CpuGemms.create(CpuGemms.Kind.OPENBLAS, 1, "missing"));
        assertEquals("OpenBLAS unavailable: missing", e.getMessage());
    }

    @Test
    void forcedJavaSaysSo() {
        try (CpuGemm gemm = CpuGemms.create(CpuGemms.Kind.JAVA, 2, null)) {
            assertEquals("pure-Java GEMM, 2 threads: forced by descent.cpu.gemm=java", gemm.description());
        }
    }

    @Test
    void backendDescriptionNamesItsGemm() {
        try (Backend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1, null))) {
            assertEquals("cpu (pure-Java GEMM, 1 thread: forced by descent.cpu.gemm=java)", backend.description());
        }
    }

    @Test
    void providerStatusNamesTheGemmOrTheBadProperty() {
        assertEquals(BackendStatus.available("cpu (OpenBLAS 0.3.28, 2 threads)"), CpuBackendProvider.status(null, "2"));
        assertEquals(BackendStatus.available("cpu (pure-Java GEMM, 1 thread: forced by descent.cpu.gemm=java)"),
                CpuBackendProvider.status("java", "1"));
        assertEquals(BackendStatus.unavailable("descent.cpu.gemm must be auto, openblas or java, was 'gpu'"),
                CpuBackendProvider.status("gpu", null));
    }

    @Test
    void aForcedOpenBlasCoreTypeIsNamedWithTheWayOut() {
        assertNull(CpuGemms.forcedKernelWarning(java.util.Map.of()));
        assertNull(CpuGemms.forcedKernelWarning(java.util.Map.of("OPENBLAS_CORETYPE", " ")));
        assertEquals("OPENBLAS_CORETYPE=Haswell makes OpenBLAS use its Haswell kernels; unset it to let OpenBLAS"
                + " choose this CPU's own", CpuGemms.forcedKernelWarning(java.util.Map.of("OPENBLAS_CORETYPE", "Haswell")));
    }
}
