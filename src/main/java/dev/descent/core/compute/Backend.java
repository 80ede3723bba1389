package dev.descent.core.compute;

/**
 * The float32 compute the network engine needs: buffers, strided-batched GEMM, and the
 * element-wise operations of an MLP. All matrices are row-major and densely packed.
 *
 * <p>A backend is used by one thread at a time (the engine thread of a race).
 */
public interface Backend extends AutoCloseable {

    /** Short name: "cpu" or "cuda". */
    String name();

    /** What is in use, for the status bar and {@code --summary} ("cpu (OpenBLAS 0.3.28, 2 threads)"). */
    String description();

    /** Allocates {@code length} floats, zero-filled. */
    DeviceBuffer allocate(long length);

    /** Copies {@code count} floats from {@code src[srcOffset..]} into {@code dst[dstOffset..]}. */
    void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count);

    /** Copies {@code count} floats from {@code src[srcOffset..]} into {@code dst[dstOffset..]}. */
    void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count);

    /**
     * Strided-batched GEMM, row-major: for every {@code p} in {@code [0, batch)}
     * <pre>
     *   C_p = alpha * op(A_p) * op(B_p) + beta * C_p
     *   A_p = a[aOffset + p*aStride ...],  B_p = b[bOffset + p*bStride ...],  C_p = c[cOffset + p*cStride ...]
     * </pre>
     * where op(A_p) is m x k and op(B_p) is k x n. A stored operand is densely packed: A_p is
     * m x k (or k x m when transposed), B_p is k x n (or n x k when transposed), C_p is m x n.
     * A stride of 0 shares that operand across the batch (one minibatch for K nets).
     * When beta is 0, C is overwritten and its old contents (even NaN) are ignored.
     *
     * @param c where the result is stored. Modified. Must not overlap a or b.
     */
    void gemmBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     DeviceBuffer a, long aOffset, long aStride,
                     DeviceBuffer b, long bOffset, long bStride,
                     float beta, DeviceBuffer c, long cOffset, long cStride, int batch);

    /** Frees everything this backend allocated that is still open. */
    @Override
    void close();
}
