package dev.descent.core.compute;

import java.util.function.IntConsumer;

/**
 * The float32 compute the network engine needs: buffers, strided-batched GEMM, and the
 * element-wise operations of an MLP. All matrices are row-major and densely packed.
 *
 * <p>A backend is used by one thread at a time (the engine thread of a race).
 */
public interface Backend extends AutoCloseable {

    /**
     * Runs {@code body} for every index in {@code [0, count)} on the host threads this backend
     * owns, the caller's included: in any order, possibly at the same time, and returns when
     * all are done (rethrowing the first exception a body threw). It is for large host-side
     * work a caller does net by net between two passes (an epoch's activation statistics, say),
     * which would otherwise leave the backend's threads idle. Of this backend, {@code body}
     * may call only {@link #download}, which every backend that overrides this method must
     * allow from several bodies at once (each then copies its own net's data on its own
     * thread). The default runs the indices in order on the caller.
     */
    default void forEachOnHost(int count, IntConsumer body) {
        for (int i = 0; i < count; i++) {
            body.accept(i);
        }
    }

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

    // ---- element-wise operations of the MLP (all over `batch` nets; see Strided) ----
    // Every op below reads and writes float32; sums and exponentials are accumulated in
    // float as written unless a line says otherwise. Output arrays may equal an input array
    // only where the Javadoc says so. Matrices are row-major, rows x cols, densely packed.

    /**
     * Bias add: {@code z_p[i][j] += bias_p[j]} for i < rows, j < cols.
     *
     * @param z    rows x cols per net. Modified.
     * @param bias cols per net (stride 0 shares one bias). Not modified.
     */
    void addBias(int batch, int rows, int cols, Strided z, Strided bias);

    /**
     * Activation forward: {@code a_p[i] = f(z_p[i])} for i < n, with f as in {@link Activation}.
     * PRELU reads {@code slope_p[0]}; RRELU reads {@code slope_p[i]} when {@code slope} is
     * non-null and {@code param} otherwise; the other functions ignore {@code slope} (may be null).
     *
     * @param param alpha of LEAKY_RELU and ELU, the inference slope of RRELU; ignored otherwise
     * @param a     n per net. Modified. May be the same array as z.
     */
    void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a);

    /**
     * Activation backward: {@code gradZ_p[i] = gradA_p[i] * f'(z_p[i])} for i < n, with f' as
     * in {@link Activation} (slopes and param as in {@link #activationForward}).
     *
     * @param z     the pre-activations of the forward pass. Not modified.
     * @param gradZ n per net. Modified. May be the same array as gradA (not as z).
     */
    void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                            Strided gradA, Strided gradZ);

    /**
     * PReLU slope gradient: {@code out_p[0] = sum_{i<n} gradA_p[i] * min(z_p[i], 0)},
     * the derivative of the loss with respect to net p's single alpha.
     *
     * @param out one float per net. Modified (overwritten).
     */
    void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out);

    /**
     * Softmax cross-entropy from logits with the log-sum-exp shift, per row i < rows:
     * <pre>
     *   m = max_j z[i][j];   lse = m + log(sum_j exp(z[i][j] - m))
     *   loss[i] = lse - z[i][t_i]                      t_i = (int) target[i], in [0, classes)
     *   grad[i][j] = scale * (exp(z[i][j] - lse) - [j == t_i])
     * </pre>
     * @param logits rows x classes per net. Not modified.
     * @param target rows class indices stored as floats (exact below 2^24), usually shared (stride 0)
     * @param loss   rows per net. Modified.
     * @param grad   rows x classes per net. Modified. May be the same array as logits.
     * @param scale  the gradient factor, 1/rows for a mean loss
     * @throws IllegalArgumentException for a target outside [0, classes): at this call or, on a
     *         backend that checks on its device, at the latest at the next {@link #download}
     */
    void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target,
                             Strided loss, Strided grad, float scale);

    /**
     * Binary cross-entropy from logits, element-wise for i < n, in the stable form:
     * <pre>
     *   loss[i] = max(z,0) - z*y + log(1 + exp(-|z|))       (z = logits[i], y = target[i] in [0, 1])
     *   grad[i] = scale * (sigmoid(z) - y)
     * </pre>
     * @param loss n per net. Modified.
     * @param grad n per net. Modified. May be the same array as logits.
     */
    void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                            float scale);

    /**
     * Squared error, element-wise for i < n: {@code loss[i] = (x - y)^2},
     * {@code grad[i] = scale * 2 (x - y)} with x = prediction[i], y = target[i].
     *
     * @param loss n per net. Modified.
     * @param grad n per net. Modified. May be the same array as prediction.
     */
    void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                      float scale);

    /**
     * Column sums (bias gradients): {@code out_p[j] = sum_{i<rows} x_p[i][j]} for j < cols.
     *
     * @param out cols per net. Modified (overwritten).
     */
    void columnSums(int batch, int rows, int cols, Strided x, Strided out);

    /**
     * Batch-norm statistics per column j < cols, over the rows (biased variance, as the
     * training forward pass of torch's BatchNorm1d uses):
     * {@code mean_p[j] = (1/rows) sum_i x_p[i][j]},
     * {@code var_p[j] = (1/rows) sum_i (x_p[i][j] - mean_p[j])^2} (two passes).
     *
     * @param mean cols per net. Modified.
     * @param var  cols per net. Modified.
     */
    void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var);

    /**
     * Batch-norm forward with given statistics (batch statistics in training, running ones at
     * inference): {@code xhat = (x - mean_j) / sqrt(var_j + eps)}, {@code y = gamma_j xhat + beta_j}.
     *
     * @param xhat rows x cols per net. Modified. May be null when not needed (inference).
     * @param y    rows x cols per net. Modified. May be the same array as x.
     */
    void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                          Strided gamma, Strided beta, Strided xhat, Strided y);

    /**
     * Batch-norm backward through batch statistics (Ioffe and Szegedy 2015), per column j:
     * <pre>
     *   gradBeta_j  = sum_i gy[i][j]
     *   gradGamma_j = sum_i gy[i][j] xhat[i][j]
     *   gx[i][j]    = gamma_j / (rows sqrt(var_j + eps)) * (rows gy[i][j] - gradBeta_j - xhat[i][j] gradGamma_j)
     * </pre>
     * @param gradX     rows x cols per net. Modified. May be the same array as gradY.
     * @param gradGamma cols per net. Modified (overwritten).
     * @param gradBeta  cols per net. Modified (overwritten).
     */
    void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                           Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta);

    /**
     * Multiply by a host-supplied mask and add an optional shift, element-wise for i < n:
     * {@code out[i] = x[i] * mask[i] + (shift == null ? 0 : shift[i])}. Inverted dropout
     * passes mask = keep / (1 - p); alpha dropout mask = a keep and shift = a alpha' (1 - keep) + b;
     * their backward passes use the mask alone.
     *
     * @param out n per net. Modified. May be the same array as x.
     */
    void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out);

    /**
     * Row gather (a minibatch): {@code dst[r][j] = src[(int) indices[r]][j]} for r < count,
     * j < cols. Indices are floats, exact below 2^24; each must lie in [0, rows of src).
     *
     * @param dst count x cols. Modified. Must not overlap src.
     * @throws IllegalArgumentException for an index outside [0, rows of src): at this call or,
     *         on a backend that checks on its device, at the latest at the next {@link #download}
     */
    void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst);

    /** Frees everything this backend allocated that is still open. */
    @Override
    void close();
}
