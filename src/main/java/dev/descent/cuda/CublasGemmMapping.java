package dev.descent.cuda;

import dev.descent.core.compute.Transpose;

/**
 * Maps the row-major strided-batched GEMM of {@link dev.descent.core.compute.Backend#gemmBatched}
 * onto column-major cuBLAS.
 *
 * <p>A densely packed row-major r x c matrix, read column-major with leading dimension c, is
 * its transpose. So the row-major product {@code C = op(A) op(B)} (m x n) is computed as the
 * column-major product
 * <pre>
 *   C^T = op(B)^T op(A)^T          (n x m = (n x k)(k x m))
 * </pre>
 * that is one cuBLAS call with the operands swapped and the dimensions m and n exchanged:
 * <pre>
 *   cuBLAS A := row-major B, transa := transB, lda := transB ? k : n,   strideA := bStride
 *   cuBLAS B := row-major A, transb := transA, ldb := transA ? m : k,   strideB := aStride
 *   cuBLAS C := row-major C,                   ldc := n,                strideC := cStride
 *   cuBLAS (m, n, k) := (n, m, k)
 * </pre>
 * No data is transposed. Leading dimensions are at least 1, as cuBLAS demands even when a
 * dimension is 0. Pure Java: no JCuda types, so the mapping is tested on the CPU.
 */
public final class CublasGemmMapping {

    private CublasGemmMapping() {
    }

    /**
     * The cuBLAS arguments for a row-major call (arguments as in
     * {@link dev.descent.core.compute.Backend#gemmBatched}, without the buffers).
     */
    public static CublasGemmCall map(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                                     long aOffset, long aStride, long bOffset, long bStride,
                                     float beta, long cOffset, long cStride, int batch) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("m, n and k must be >= 0, were " + m + ", " + n + ", " + k);
        }
        int lda = Math.max(1, transB.transposed() ? k : n);
        int ldb = Math.max(1, transA.transposed() ? m : k);
        int ldc = Math.max(1, n);
        return new CublasGemmCall(operation(transB), operation(transA), n, m, k, alpha,
                bOffset, lda, bStride,
                aOffset, ldb, aStride,
                beta,
                cOffset, ldc, cStride,
                batch);
    }

    /**
     * Computes the row-major GEMM through {@code cublas}: maps the arguments and passes B as
     * cuBLAS's first operand and A as its second. Nothing is called when the result is
     * empty (m, n or batch is 0); k = 0 is passed on, where cuBLAS, like BLAS, computes
     * {@code C = beta C}.
     *
     * @param c where the result is stored. Modified.
     */
    public static <P> void gemmBatched(Cublas<P> cublas, Transpose transA, Transpose transB, int m, int n, int k,
                                       float alpha, P a, long aOffset, long aStride, P b, long bOffset, long bStride,
                                       float beta, P c, long cOffset, long cStride, int batch) {
        CublasGemmCall call = map(transA, transB, m, n, k, alpha, aOffset, aStride, bOffset, bStride,
                beta, cOffset, cStride, batch);
        if (m == 0 || n == 0 || batch == 0) {
            return;
        }
        cublas.sgemmStridedBatched(call, b, a, c);
    }

    private static CublasOperation operation(Transpose t) {
        return t.transposed() ? CublasOperation.T : CublasOperation.N;
    }
}
