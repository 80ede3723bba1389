package dev.descent.cuda;

/**
 * The arguments of one column-major {@code cublasSgemmStridedBatched} call, for every
 * {@code p < batchCount}:
 * <pre>
 *   C_p = alpha * op(A_p) * op(B_p) + beta * C_p       op(A_p) is m x k, op(B_p) is k x n, C_p is m x n
 *   A_p = a + aOffset + p*strideA  (column-major, leading dimension lda), likewise B_p and C_p
 * </pre>
 * All offsets, leading dimensions and strides count floats, not bytes. The names are
 * cuBLAS's: {@code a} here is the first matrix operand of the cuBLAS call, which
 * {@link CublasGemmMapping} fills with the row-major caller's B.
 */
public record CublasGemmCall(CublasOperation transa, CublasOperation transb, int m, int n, int k,
                             float alpha,
                             long aOffset, int lda, long strideA,
                             long bOffset, int ldb, long strideB,
                             float beta,
                             long cOffset, int ldc, long strideC,
                             int batchCount) {

    /**
     * Checks the argument rules cuBLAS documents (it answers {@code CUBLAS_STATUS_INVALID_VALUE}
     * otherwise), so a wrong mapping fails on the CPU too.
     */
    public CublasGemmCall {
        requireNonNegative("m", m);
        requireNonNegative("n", n);
        requireNonNegative("k", k);
        requireNonNegative("batchCount", batchCount);
        requireNonNegative("aOffset", aOffset);
        requireNonNegative("bOffset", bOffset);
        requireNonNegative("cOffset", cOffset);
        requireNonNegative("strideA", strideA);
        requireNonNegative("strideB", strideB);
        requireNonNegative("strideC", strideC);
        requireLeadingDimension("lda", lda, transa == CublasOperation.N ? m : k);
        requireLeadingDimension("ldb", ldb, transb == CublasOperation.N ? k : n);
        requireLeadingDimension("ldc", ldc, m);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    private static void requireLeadingDimension(String name, int value, int rows) {
        int min = Math.max(1, rows);
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= max(1, " + rows + "), was " + value);
        }
    }
}
