package dev.descent.cuda;

/**
 * The one cuBLAS routine the backend uses, behind an interface so that the argument mapping
 * can be tested on the CPU against a plain-Java column-major SGEMM.
 *
 * @param <P> what a device array is: a {@code CUdeviceptr} on the GPU, a float array in tests
 */
public interface Cublas<P> {

    /**
     * Column-major strided-batched SGEMM as {@code cublasSgemmStridedBatched} defines it
     * (see {@link CublasGemmCall}); when beta is 0, C is not read.
     *
     * @param a the first matrix operand, starting {@code call.aOffset()} floats in. Not modified.
     * @param b the second matrix operand, starting {@code call.bOffset()} floats in. Not modified.
     * @param c where the result is stored, starting {@code call.cOffset()} floats in. Modified.
     */
    void sgemmStridedBatched(CublasGemmCall call, P a, P b, P c);
}
