package dev.descent.cuda;

import dev.descent.core.compute.BackendStatus;
import jcuda.CudaException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The probe's reasons, with scripted native steps; the real probe is tested in CudaFallbackTest. */
class CudaProbeTest {

    /** JCuda's loader message on this kind of machine, abridged to its informative lines. */
    private static final String NO_LIBCUDA = """
            Error while loading native library "JCudaDriver-12.6.0-linux-x86_64"
            Operating system name: Linux
            ---(start of nested stack traces)---
            Stack trace from the attempt to load the library as a file:
            java.lang.UnsatisfiedLinkError: no JCudaDriver-12.6.0-linux-x86_64 in java.library.path: /usr/lib
            Stack trace from the attempt to load the library as a resource:
            java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: No such file or directory
            ---(end of nested stack traces)---
            """;

    @Test
    void missingDriverLibraryIsNoCudaDriver() {
        Scripted steps = new Scripted();
        steps.failAt = "initDriver";
        steps.failure = new UnsatisfiedLinkError(NO_LIBCUDA);
        assertEquals(BackendStatus.unavailable("no CUDA driver (libcuda.so.1 not found)"), CudaProbe.probe(steps));
        assertEquals(List.of("initDriver", "release"), steps.called);
    }

    @Test
    void missingCublasLibraryIsNamed() {
        Scripted steps = new Scripted();
        steps.failAt = "checkCublas";
        steps.failure = new UnsatisfiedLinkError(NO_LIBCUDA.replace("JCudaDriver", "JCublas2")
                .replace("libcuda.so.1", "libcublas.so.12"));
        assertEquals("libcublas.so.12 missing", CudaProbe.probe(steps).reason());
    }

    @Test
    void missingCublasLtBehindCublasIsNamed() {
        Scripted steps = new Scripted();
        steps.failAt = "checkCublas";
        steps.failure = new UnsatisfiedLinkError("/tmp/libJCublas2-12.6.0-linux-x86_64.so: "
                + "libcublasLt.so.12: cannot open shared object file: No such file or directory");
        assertEquals("libcublasLt.so.12 missing", CudaProbe.probe(steps).reason());
    }

    @Test
    void missingNvrtcLibraryIsNamed() {
        Scripted steps = new Scripted();
        steps.failAt = "checkNvrtc";
        steps.failure = new UnsatisfiedLinkError(NO_LIBCUDA.replace("JCudaDriver", "JNvrtc")
                .replace("libcuda.so.1", "libnvrtc.so.12"));
        assertEquals("libnvrtc.so.12 missing", CudaProbe.probe(steps).reason());
    }

    @Test
    void loaderMessageWithoutALibraryNameFallsBackToTheStagesLibrary() {
        Scripted steps = new Scripted();
        steps.failAt = "checkNvrtc";
        steps.failure = new UnsatisfiedLinkError("Can't find dependent libraries");
        String expected = System.getProperty("os.name").toLowerCase().contains("win")
                ? "nvrtc64_120_0.dll missing" : "libnvrtc.so.12 missing";
        assertEquals(expected, CudaProbe.probe(steps).reason());
    }

    @Test
    void classThatFailedToInitialiseEarlierIsReported() {
        Scripted steps = new Scripted();
        steps.failAt = "initDriver";
        steps.failure = new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        assertEquals("CUDA libraries failed to load earlier in this process "
                + "(Could not initialize class jcuda.driver.JCudaDriver)", CudaProbe.probe(steps).reason());
    }

    @Test
    void zeroDevicesIsNoCudaDevice() {
        Scripted steps = new Scripted();
        steps.devices = 0;
        assertEquals(BackendStatus.unavailable("no CUDA device"), CudaProbe.probe(steps));
        assertEquals(List.of("initDriver", "deviceCount", "release"), steps.called);
    }

    @Test
    void driverErrorNoDeviceIsNoCudaDevice() {
        Scripted steps = new Scripted();
        steps.failAt = "initDriver";
        steps.failure = new CudaException("CUDA_ERROR_NO_DEVICE");
        assertEquals("no CUDA device", CudaProbe.probe(steps).reason());
    }

    @Test
    void cublasAllocationFailureIsOutOfDeviceMemory() {
        Scripted steps = new Scripted();
        steps.failAt = "checkCublas";
        steps.failure = new CudaException("CUBLAS_STATUS_ALLOC_FAILED");
        assertEquals("out of device memory", CudaProbe.probe(steps).reason());
    }

    @Test
    void oldDriverIsReportedWithTheError() {
        Scripted steps = new Scripted();
        steps.failAt = "initDriver";
        steps.failure = new CudaException("CUDA_ERROR_INSUFFICIENT_DRIVER");
        assertEquals("NVIDIA driver too old for CUDA 12 (CUDA_ERROR_INSUFFICIENT_DRIVER)",
                CudaProbe.probe(steps).reason());
    }

    @Test
    void otherCudaErrorsNameTheStage() {
        Scripted steps = new Scripted();
        steps.failAt = "checkNvrtc";
        steps.failure = new CudaException("NVRTC_ERROR_BUILTIN_OPERATION_FAILURE");
        assertEquals("NVRTC failed to compile (NVRTC_ERROR_BUILTIN_OPERATION_FAILURE)",
                CudaProbe.probe(steps).reason());
        steps.failAt = "deviceName";
        steps.failure = new CudaException("CUDA_ERROR_UNKNOWN");
        assertEquals("CUDA device query failed (CUDA_ERROR_UNKNOWN)", CudaProbe.probe(steps).reason());
    }

    @Test
    void kernelsThatDoNotCompileAreAReason() {
        Scripted steps = new Scripted();
        steps.failAt = "checkNvrtc";
        steps.failure = new IllegalStateException("kernels.cu does not compile: NVRTC_ERROR_COMPILATION\nkernels.cu(3): error");
        assertEquals("NVRTC failed to compile the kernels (kernels.cu does not compile: NVRTC_ERROR_COMPILATION)",
                CudaProbe.probe(steps).reason());
    }

    @Test
    void unexpectedRuntimeFailureDoesNotEscape() {
        Scripted steps = new Scripted();
        steps.failAt = "checkCublas";
        steps.failure = new IllegalStateException("boom");
        BackendStatus status = CudaProbe.probe(steps);
        assertFalse(status.available());
        assertEquals("CUDA probe failed: java.lang.IllegalStateException: boom", status.reason());
    }

    @Test
    void healthyDeviceIsDescribedByNameAndMemory() {
        Scripted steps = new Scripted();
        assertEquals(BackendStatus.available("cuda (NVIDIA A10, 22.5 GiB)"), CudaProbe.probe(steps));
        assertEquals(List.of("initDriver", "deviceCount", "deviceName", "deviceMemoryBytes", "checkCublas",
                "checkNvrtc", "checkKernelsLoad", "release"), steps.called);
    }

    @Test
    void aDriverOlderThanTheNvrtcPtxIsFoundByTheProbe() {
        Scripted steps = new Scripted();
        steps.failAt = "checkKernelsLoad";
        steps.failure = new CudaException("CUDA_ERROR_UNSUPPORTED_PTX_VERSION");
        assertEquals(BackendStatus.unavailable("NVIDIA driver too old for the PTX this NVRTC writes "
                + "(CUDA_ERROR_UNSUPPORTED_PTX_VERSION): update the driver"), CudaProbe.probe(steps));
        assertEquals("release", steps.called.get(steps.called.size() - 1), "the context is released after a failure");
    }

    @Test
    void otherModuleLoadErrorsSayTheDriverCannotLoadTheKernels() {
        Scripted steps = new Scripted();
        steps.failAt = "checkKernelsLoad";
        steps.failure = new CudaException("CUDA_ERROR_NO_BINARY_FOR_GPU");
        assertEquals("the CUDA driver cannot load the kernels (CUDA_ERROR_NO_BINARY_FOR_GPU)",
                CudaProbe.probe(steps).reason());
        steps.failure = new CudaException("CUDA_ERROR_NOT_FOUND");
        assertEquals("the CUDA driver cannot load the kernels (CUDA_ERROR_NOT_FOUND)", CudaProbe.probe(steps).reason());
        steps.failure = new CudaException("CUDA_ERROR_OUT_OF_MEMORY");
        assertEquals("out of device memory", CudaProbe.probe(steps).reason());
    }

    @Test
    void aFailingReleaseDoesNotChangeTheAnswer() {
        Scripted steps = new Scripted();
        steps.failAt = "release";
        steps.failure = new CudaException("CUDA_ERROR_DEINITIALIZED");
        assertEquals(BackendStatus.available("cuda (NVIDIA A10, 22.5 GiB)"), CudaProbe.probe(steps));
    }

    @Test
    void startFailuresAreWordedForTheUser() {
        assertEquals("out of device memory", CudaProbe.startFailure(new CudaException("CUDA_ERROR_OUT_OF_MEMORY")));
        assertEquals("NVIDIA driver too old for the PTX this NVRTC writes (CUDA_ERROR_UNSUPPORTED_PTX_VERSION): "
                + "update the driver", CudaProbe.startFailure(new CudaException("CUDA_ERROR_UNSUPPORTED_PTX_VERSION")));
        assertEquals("CUDA_ERROR_LAUNCH_FAILED", CudaProbe.startFailure(new CudaException("CUDA_ERROR_LAUNCH_FAILED")));
        assertEquals("out of device memory allocating 4 floats (CUDA_ERROR_OUT_OF_MEMORY)", CudaProbe.startFailure(
                new IllegalStateException("out of device memory allocating 4 floats (CUDA_ERROR_OUT_OF_MEMORY)\nat")));
    }

    @Test
    void memoryIsShownInGibibytesWithOneDecimal() {
        assertEquals("cuda (Tesla T4, 14.6 GiB)", CudaProbe.description(" Tesla T4 ", 15_655_829_504L));
        assertEquals("cuda (GPU, 8.0 GiB)", CudaProbe.description("GPU", 8L << 30));
    }

    /** Steps that succeed as an NVIDIA A10 would, except one that throws. */
    private static final class Scripted implements CudaProbeSteps {
        final List<String> called = new ArrayList<>();
        String failAt = "";
        Throwable failure;
        int devices = 1;

        private void step(String name) {
            called.add(name);
            if (name.equals(failAt)) {
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
        }

        @Override
        public void initDriver() {
            step("initDriver");
        }

        @Override
        public int deviceCount() {
            step("deviceCount");
            return devices;
        }

        @Override
        public String deviceName(int ordinal) {
            step("deviceName");
            return "NVIDIA A10";
        }

        @Override
        public long deviceMemoryBytes(int ordinal) {
            step("deviceMemoryBytes");
            return 24_159_191_040L;
        }

        @Override
        public void checkCublas(int ordinal) {
            step("checkCublas");
        }

        @Override
        public void checkNvrtc() {
            step("checkNvrtc");
        }

        @Override
        public void checkKernelsLoad(int ordinal) {
            step("checkKernelsLoad");
        }

        @Override
        public void release() {
            step("release");
        }
    }
}
