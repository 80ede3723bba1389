package dev.descent.cuda;

import dev.descent.core.compute.BackendStatus;
import jcuda.CudaException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether CUDA can be used here: tries the driver ({@code cuInit}), the device count, the
 * first device's name and memory, a cuBLAS handle, an NVRTC compilation of the kernels and
 * loading that PTX into the device's context, in that order, and turns the first failure into
 * a reason a user can act on
 * ("no CUDA driver (libcuda.so.1 not found)", "no CUDA device", "libcublas.so.12 missing").
 *
 * <p>JCuda loads its native libraries in static initialisers: the first use throws
 * {@link UnsatisfiedLinkError}, every later use {@link NoClassDefFoundError}. So the real
 * probe runs once per process ({@link #status()}) and its answer is kept; never throws.
 */
public final class CudaProbe {

    /** The libraries each step needs, named in reasons when the loader's message names none. */
    enum Stage {
        DRIVER("libcuda.so.1", "nvcuda.dll"),
        DEVICE("libcuda.so.1", "nvcuda.dll"),
        CUBLAS("libcublas.so.12", "cublas64_12.dll"),
        NVRTC("libnvrtc.so.12", "nvrtc64_120_0.dll"),
        /** Loading the PTX into a context: the driver JIT-compiles it. */
        MODULE("libcuda.so.1", "nvcuda.dll"),
        /** Opening a backend after the probe ({@link JCudaDevice}). */
        START("libcuda.so.1", "nvcuda.dll");

        private final String linuxLibrary;
        private final String windowsLibrary;

        Stage(String linuxLibrary, String windowsLibrary) {
            this.linuxLibrary = linuxLibrary;
            this.windowsLibrary = windowsLibrary;
        }

        String library() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return os.contains("win") ? windowsLibrary : linuxLibrary;
        }
    }

    private static final Pattern MISSING_SHARED_OBJECT =
            Pattern.compile("([\\w.+-]+\\.so(?:\\.\\d+)*): cannot open shared object file");
    private static final double GIB = 1024.0 * 1024 * 1024;

    private CudaProbe() {
    }

    /**
     * The answer for this process, probed on first use. A holder class rather than mutable
     * state: native libraries load once per process, so the answer cannot change.
     */
    public static BackendStatus status() {
        return Holder.STATUS;
    }

    private static final class Holder {
        static final BackendStatus STATUS = probe(new JCudaProbeSteps());
    }

    /** Runs the steps in order; the first failure gives the reason. Never throws. */
    static BackendStatus probe(CudaProbeSteps steps) {
        Stage stage = Stage.DRIVER;
        try {
            steps.initDriver();
            stage = Stage.DEVICE;
            if (steps.deviceCount() < 1) {
                return BackendStatus.unavailable("no CUDA device");
            }
            String name = steps.deviceName(0);
            long bytes = steps.deviceMemoryBytes(0);
            stage = Stage.CUBLAS;
            steps.checkCublas(0);
            stage = Stage.NVRTC;
            steps.checkNvrtc();
            stage = Stage.MODULE;
            steps.checkKernelsLoad(0);
            return BackendStatus.available(description(name, bytes));
        } catch (LinkageError | RuntimeException e) {
            return BackendStatus.unavailable(reasonFor(stage, e));
        } finally {
            try {
                steps.release();
            } catch (LinkageError | RuntimeException ignored) {
                // nothing was held, or the driver is gone: the answer stands
            }
        }
    }

    /** Why a {@link JCudaDevice} could not start ("out of device memory"), for its exception. */
    static String startFailure(Throwable failure) {
        return reasonFor(Stage.START, failure);
    }

    /** "cuda (NVIDIA A10, 22.5 GiB)". */
    static String description(String deviceName, long memoryBytes) {
        return String.format(Locale.ROOT, "cuda (%s, %.1f GiB)", deviceName.trim(), memoryBytes / GIB);
    }

    /** The reason for a failure in {@code stage}. */
    static String reasonFor(Stage stage, Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof NoClassDefFoundError) {
            return "CUDA libraries failed to load earlier in this process (" + firstLine(message) + ")";
        }
        if (failure instanceof LinkageError) {
            Matcher m = MISSING_SHARED_OBJECT.matcher(message);
            String library = m.find() ? m.group(1) : stage.library();
            return library.startsWith("libcuda.so") || library.equals("nvcuda.dll")
                    ? "no CUDA driver (" + library + " not found)"
                    : library + " missing";
        }
        if (failure instanceof CudaException) {
            return reasonForCudaError(stage, firstLine(message));
        }
        if (stage == Stage.NVRTC && failure instanceof IllegalStateException) {
            return "NVRTC failed to compile the kernels (" + firstLine(message) + ")";
        }
        if (stage == Stage.START) {
            return firstLine(message);
        }
        return "CUDA probe failed: " + firstLine(failure.toString());
    }

    private static String reasonForCudaError(Stage stage, String error) {
        if (error.contains("CUDA_ERROR_NO_DEVICE")) {
            return "no CUDA device";
        }
        if (error.contains("CUDA_ERROR_OUT_OF_MEMORY") || error.contains("CUBLAS_STATUS_ALLOC_FAILED")) {
            return "out of device memory";
        }
        if (error.contains("CUDA_ERROR_INSUFFICIENT_DRIVER")) {
            return "NVIDIA driver too old for CUDA 12 (" + error + ")";
        }
        if (error.contains("CUDA_ERROR_UNSUPPORTED_PTX_VERSION")) {
            return "NVIDIA driver too old for the PTX this NVRTC writes (" + error + "): update the driver";
        }
        if (error.contains("PTX") || error.contains("JIT") || error.contains("CUDA_ERROR_NO_BINARY_FOR_GPU")) {
            return "the CUDA driver cannot load the kernels (" + error + ")";
        }
        return switch (stage) {
            case DRIVER -> "CUDA driver failed to start (" + error + ")";
            case DEVICE -> "CUDA device query failed (" + error + ")";
            case CUBLAS -> "cuBLAS failed to start (" + error + ")";
            case NVRTC -> "NVRTC failed to compile (" + error + ")";
            case MODULE -> "the CUDA driver cannot load the kernels (" + error + ")";
            case START -> error;
        };
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
