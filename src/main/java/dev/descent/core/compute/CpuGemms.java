package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;

import java.util.Locale;

/**
 * Chooses the CPU GEMM: OpenBLAS when its natives load, else the pure-Java kernel. The
 * system property {@value #PROPERTY} ({@code java} or {@code openblas}) forces one;
 * {@value #THREADS_PROPERTY} sets the number of threads (default: available processors).
 */
public final class CpuGemms {

    /** System property forcing the kernel: "java" or "openblas". */
    public static final String PROPERTY = "descent.cpu.gemm";
    /** System property with the number of GEMM threads, the caller included. */
    public static final String THREADS_PROPERTY = "descent.cpu.threads";

    /** Which kernel. */
    public enum Kind {
        /** OpenBLAS if it loads, else pure Java. */
        AUTO,
        OPENBLAS,
        JAVA;

        /**
         * @param value null or blank for auto, else "auto", "openblas" or "java"
         * @throws ConfigException for anything else
         */
        public static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "openblas" -> OPENBLAS;
                case "java" -> JAVA;
                default -> throw new ConfigException(PROPERTY + " must be auto, openblas or java, was '" + value + "'");
            };
        }
    }

    private static final String FORCED = "forced by " + PROPERTY + "=java";

    private CpuGemms() {
    }

    /** The kind the system property asks for. */
    public static Kind requested() {
        return Kind.parse(System.getProperty(PROPERTY));
    }

    /** GEMM threads from {@value #THREADS_PROPERTY}, else the available processors. */
    public static int threads() {
        return threads(System.getProperty(THREADS_PROPERTY));
    }

    /** Parses a thread count; null or blank means the available processors. */
    static int threads(String value) {
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= 256) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(THREADS_PROPERTY + " must be an integer in [1, 256], was '" + value + "'");
    }

    /**
     * A warning when the environment makes OpenBLAS use other kernels than it would pick for
     * this CPU ({@code OPENBLAS_CORETYPE}: on the AVX-512 build machine, which sets it to
     * Haswell, the AVX2 kernels gave 0.5-0.9x the GFLOP/s of numpy's own choice), else null.
     *
     * @param env the environment, as {@link System#getenv()}
     */
    public static String forcedKernelWarning(java.util.Map<String, String> env) {
        String core = env.get("OPENBLAS_CORETYPE");
        if (core == null || core.isBlank()) {
            return null;
        }
        return "OPENBLAS_CORETYPE=" + core.trim() + " makes OpenBLAS use its " + core.trim()
                + " kernels; unset it to let OpenBLAS choose this CPU's own";
    }

    /** Null when {@code kind} can be created here, else why not. */
    public static String unavailableReason(Kind kind) {
        return kind == Kind.OPENBLAS ? OpenBlasLibrary.unavailableReason() : null;
    }

    /**
     * What {@link #create} would use, without starting threads: "OpenBLAS 0.3.28, 2 threads"
     * or "pure-Java GEMM, 2 threads: OpenBLAS unavailable: ...".
     */
    public static String describe(Kind kind, int threads) {
        return describe(kind, threads, OpenBlasLibrary.unavailableReason());
    }

    /** As {@link #describe(Kind, int)} with {@code openBlasProblem} (null: OpenBLAS loads). */
    static String describe(Kind kind, int threads, String openBlasProblem) {
        String plural = threads == 1 ? " thread" : " threads";
        return switch (kind) {
            case OPENBLAS -> openBlasProblem == null
                    ? "OpenBLAS " + OpenBlasLibrary.VERSION + ", " + threads + plural
                    : "OpenBLAS unavailable: " + openBlasProblem;
            case JAVA -> "pure-Java GEMM, " + threads + plural + ": " + FORCED;
            case AUTO -> openBlasProblem == null
                    ? describe(Kind.OPENBLAS, threads, null)
                    : "pure-Java GEMM, " + threads + plural + ": OpenBLAS unavailable: " + openBlasProblem;
        };
    }

    /**
     * A new GEMM with its own threads; close it to stop them.
     *
     * @throws IllegalStateException when OpenBLAS is asked for and cannot load
     */
    public static CpuGemm create(Kind kind, int threads) {
        return create(kind, threads, OpenBlasLibrary.unavailableReason());
    }

    /** As {@link #create(Kind, int)} with {@code reason} why OpenBLAS cannot be used (null: it can). */
    static CpuGemm create(Kind kind, int threads, String reason) {
        WorkerPool pool = new WorkerPool(threads);
        return switch (kind) {
            case OPENBLAS -> {
                if (reason != null) {
                    pool.close();
                    throw new IllegalStateException("OpenBLAS unavailable: " + reason);
                }
                yield new OpenBlasGemm(pool);
            }
            case JAVA -> new JavaBlockedGemm(pool, FORCED);
            case AUTO -> reason == null ? new OpenBlasGemm(pool) : new JavaBlockedGemm(pool, "OpenBLAS unavailable: " + reason);
        };
    }
}
