package dev.descent.core.compute;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads OpenBLAS through JavaCPP once per JVM and remembers whether that worked and why not.
 * Loading extracts the natives to {@code ~/.javacpp/cache} (about 0.1-0.3 s). On success
 * OpenBLAS is set to one thread for good: the CPU GEMMs parallelise in Java
 * ({@link WorkerPool}), and changing OpenBLAS's thread count per call is no option (a
 * {@code blas_set_num_threads} call measured 1-6 ms here).
 */
final class OpenBlasLibrary {

    /** OpenBLAS's version as the preset's header states it, e.g. "0.3.28" (a compile-time constant). */
    static final String VERSION = openblas.OPENBLAS_VERSION.trim().replaceFirst("^OpenBLAS\\s*", "");

    private OpenBlasLibrary() {
    }

    /** Null when OpenBLAS is usable, else why not. Loaded once, on first use. */
    static String unavailableReason() {
        return Holder.UNAVAILABLE_REASON;
    }

    private static final class Holder {
        static final String UNAVAILABLE_REASON;

        static {
            String reason = null;
            try {
                openblas.blas_set_num_threads(1);
                // a 1x1x1 product proves the native call path works
                float four;
                try (FloatPointer x = new FloatPointer(2f); FloatPointer y = new FloatPointer(1)) {
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                            1, 1, 1, 1f, x, 1, x, 1, 0f, y, 1);
                    four = y.get(0);
                }
                if (four != 4f) {
                    reason = "OpenBLAS self-test gave 2*2 = " + four;
                }
            } catch (LinkageError | RuntimeException e) {
                reason = e.getClass().getSimpleName() + ": " + firstLine(e);
            }
            UNAVAILABLE_REASON = reason;
        }

        private static String firstLine(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
