package dev.descent.core.compute;

/**
 * The textbook triple loop in double precision on host arrays: the independent reference the
 * contract tests compare every backend with. {@code C_p = alpha op(A_p) op(B_p) + beta C_p},
 * C_p ignored when beta is 0.
 */
final class ReferenceGemm {

    private ReferenceGemm() {
    }

    /** Returns the new C (a copy of {@code c} with every C_p replaced). */
    static double[] gemm(GemmCall call, float[] a, float[] b, float[] c) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        int m = call.m();
        int n = call.n();
        int k = call.k();
        for (int p = 0; p < call.batch(); p++) {
            int ao = (int) (call.aOffset() + p * call.aStride());
            int bo = (int) (call.bOffset() + p * call.bStride());
            int co = (int) (call.cOffset() + p * call.cStride());
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        double av = call.transA().transposed() ? a[ao + l * m + i] : a[ao + i * k + l];
                        double bv = call.transB().transposed() ? b[bo + j * k + l] : b[bo + l * n + j];
                        sum += av * bv;
                    }
                    double old = call.beta() == 0 ? 0 : (double) call.beta() * c[co + i * n + j];
                    out[co + i * n + j] = (double) call.alpha() * sum + old;
                }
            }
        }
        return out;
    }

    /** Frobenius norm of the {@code rows x cols} matrix stored densely at {@code offset}. */
    static double frobenius(float[] x, long offset, long size) {
        double sum = 0;
        for (long i = 0; i < size; i++) {
            double v = x[(int) (offset + i)];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
