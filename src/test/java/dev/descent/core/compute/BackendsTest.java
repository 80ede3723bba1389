package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening a backend for a choice, with scripted providers: a GPU that probes healthy but
 * whose start fails (the driver rejects the kernels' PTX, device memory runs out) falls back
 * to the CPU under {@code auto} and is a bad input under {@code cuda}.
 */
class BackendsTest {

    private final List<Backend> opened = new ArrayList<>();

    @AfterEach
    void closeOpened() {
        opened.forEach(Backend::close);
    }

    private Backend cpuBackend() {
        Backend b = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
        opened.add(b);
        return b;
    }

    /** A provider with a fixed probe answer whose create() runs {@code create}. */
    private record Scripted(String name, int priority, BackendStatus status, Supplier<Backend> factory,
                            int[] creates) implements BackendProvider {
        Scripted(String name, int priority, BackendStatus status, Supplier<Backend> factory) {
            this(name, priority, status, factory, new int[1]);
        }

        @Override
        public BackendStatus probe() {
            return status;
        }

        @Override
        public Backend create() {
            creates[0]++;
            return factory.get();
        }
    }

    private Scripted failingGpu(RuntimeException failure) {
        return new Scripted("cuda", 100, BackendStatus.available("cuda (NVIDIA A10, 22.5 GiB)"), () -> {
            throw failure;
        });
    }

    private Scripted cpu() {
        return new Scripted("cpu", 0, BackendStatus.available("cpu (test GEMM)"), this::cpuBackend);
    }

    private static final String PTX_REJECTED =
            "CUDA backend could not start: NVIDIA driver too old for the kernels' PTX (CUDA_ERROR_UNSUPPORTED_PTX_VERSION)";

    @Test
    void autoFallsBackToTheCpuWhenTheGpuProbesHealthyButFailsToOpen() {
        Scripted gpu = failingGpu(new IllegalStateException(PTX_REJECTED));
        Backends.Opened o = Backends.open("auto", List.of(gpu, cpu()));
        assertEquals("cpu", o.backend().name());
        assertEquals("cpu", o.provider().name());
        assertEquals("cpu (test GEMM); cuda not used: " + PTX_REJECTED, o.why());
        assertEquals(1, gpu.creates()[0]);
    }

    @Test
    void autoFallsBackWhenCreateFailsToLinkANativeLibrary() {
        Scripted gpu = new Scripted("cuda", 100, BackendStatus.available("cuda (GPU, 8.0 GiB)"), () -> {
            throw new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        });
        Backends.Opened o = Backends.open(null, List.of(gpu, cpu()));
        assertEquals("cpu (test GEMM); cuda not used: Could not initialize class jcuda.driver.JCudaDriver", o.why());
    }

    @Test
    void autoNamesEveryProviderPassedOverInOrder() {
        Scripted gpu = failingGpu(new IllegalStateException("CUDA backend could not start: out of device memory\nmore"));
        Scripted other = new Scripted("other", 50, BackendStatus.unavailable("not here"), () -> {
            throw new AssertionError("create() must not be called on an unavailable provider");
        });
        Backends.Opened o = Backends.open("AUTO", List.of(gpu, other, cpu()));
        assertEquals("cpu (test GEMM); cuda not used: CUDA backend could not start: out of device memory; "
                + "other not used: not here", o.why());
        assertEquals(0, other.creates()[0]);
    }

    @Test
    void autoUsesTheGpuWhenItOpens() {
        Backend gpuBackend = cpuBackend();
        Scripted gpu = new Scripted("cuda", 100, BackendStatus.available("cuda (NVIDIA A10, 22.5 GiB)"),
                () -> gpuBackend);
        Scripted cpu = cpu();
        Backends.Opened o = Backends.open("auto", List.of(gpu, cpu));
        assertSame(gpuBackend, o.backend());
        assertEquals("cuda (NVIDIA A10, 22.5 GiB)", o.why());
        assertEquals(0, cpu.creates()[0], "the CPU is not opened when the GPU is used");
    }

    @Test
    void autoWithNothingUsableIsAnInternalFailureNamingEveryReason() {
        Scripted gpu = failingGpu(new IllegalStateException("boom"));
        Scripted cpu = new Scripted("cpu", 0, BackendStatus.unavailable("descent.cpu.gemm=openblas but OpenBLAS is unavailable"),
                this::cpuBackend);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.open("auto", List.of(gpu, cpu)));
        assertEquals("no compute backend is usable: cuda not used: boom; cpu not used: "
                + "descent.cpu.gemm=openblas but OpenBLAS is unavailable", e.getMessage());
    }

    @Test
    void askingForAGpuThatFailsToOpenIsABadInputWithTheReason() {
        Scripted gpu = failingGpu(new IllegalStateException(PTX_REJECTED));
        ConfigException e = assertThrows(ConfigException.class, () -> Backends.open("cuda", List.of(gpu, cpu())));
        assertEquals("backend 'cuda' is not usable here: " + PTX_REJECTED, e.getMessage());
    }

    @Test
    void askingForAGpuThatDoesNotProbeIsABadInputWithTheProbesReason() {
        Scripted gpu = new Scripted("cuda", 100, BackendStatus.unavailable("no CUDA device"), () -> {
            throw new AssertionError("not called");
        });
        ConfigException e = assertThrows(ConfigException.class, () -> Backends.open("cuda", List.of(gpu, cpu())));
        assertEquals("backend 'cuda' is not usable here: no CUDA device", e.getMessage());
        assertEquals(0, gpu.creates()[0]);
    }

    @Test
    void askingForTheCpuNeverTouchesTheGpu() {
        Scripted gpu = failingGpu(new IllegalStateException("boom"));
        Backends.Opened o = Backends.open("cpu", List.of(gpu, cpu()));
        assertEquals("cpu (test GEMM)", o.why());
        assertEquals(0, gpu.creates()[0]);
    }

    @Test
    void anUnknownNameIsABadInputListingTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Backends.open("tpu", List.of(failingGpu(
                new IllegalStateException("x")), cpu())));
        assertEquals("unknown backend 'tpu'; known: auto, cuda, cpu", e.getMessage());
    }

    @Test
    void attemptNeverThrowsAndKeepsTheProbesDescription() {
        Backends.Attempt failed = Backends.attempt(failingGpu(new IllegalStateException(PTX_REJECTED)));
        assertFalse(failed.opened());
        assertEquals(PTX_REJECTED, failed.reason());
        Backends.Attempt ok = Backends.attempt(cpu());
        assertTrue(ok.opened());
        opened.add(ok.backend());
        assertEquals("cpu (test GEMM)", ok.reason());
    }

    @Test
    void theRealRegistryAlwaysOpensTheCpuByName() {
        Backends.Opened o = Backends.open("cpu");
        opened.add(o.backend());
        assertEquals("cpu", o.backend().name());
        assertTrue(o.why().startsWith("cpu ("), o.why());
    }
}
