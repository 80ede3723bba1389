package dev.descent.core.compute;

import java.nio.FloatBuffer;
import java.util.function.IntConsumer;

/**
 * The CPU backend: off-heap float32 buffers, GEMM by a {@link CpuGemm} (OpenBLAS, or the
 * pure-Java kernel when OpenBLAS cannot load; see {@link CpuGemms}).
 */
public class CpuBackend implements Backend {

    private final CpuGemm gemm;

    /** A backend with the GEMM {@link CpuGemms} chooses from the system properties. */
    public CpuBackend() {
        this(CpuGemms.create(CpuGemms.requested(), CpuGemms.threads()));
    }

    /** A backend using {@code gemm}; the backend closes it. */
    public CpuBackend(CpuGemm gemm) {
        this.gemm = gemm;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu (" + gemm.description() + ")";
    }

    /** On the GEMM's threads: the caller and the helpers that wait between GEMMs anyway. */
    @Override
    public void forEachOnHost(int count, IntConsumer body) {
        gemm.forEachOnHost(count, body);
    }

    @Override
    public DeviceBuffer allocate(long length) {
        return new CpuBuffer(length);
    }

    @Override
    public void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count) {
        cpu(dst).data().put((int) dstOffset, src, srcOffset, count);
    }

    /** An absolute bulk read, which leaves the buffer's position alone: safe from several host threads at once. */
    @Override
    public void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        cpu(src).data().get((int) srcOffset, dst, dstOffset, count);
    }

    @Override
    public void gemmBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                            DeviceBuffer a, long aOffset, long aStride, DeviceBuffer b, long bOffset, long bStride,
                            float beta, DeviceBuffer c, long cOffset, long cStride, int batch) {
        gemm.gemm(new GemmCall(transA, transB, m, n, k, alpha, aOffset, aStride, bOffset, bStride,
                beta, cOffset, cStride, batch), cpu(a), cpu(b), cpu(c));
    }

    // ---- element-wise operations: computed by CpuKernels ----

    /**
     * Whether an element-wise call over {@code batch} nets of {@code perNet} floats each is
     * large enough to split by net over the GEMM's threads (an inference pass over a data set,
     * a decision-boundary grid); a training minibatch is not, as waking a helper costs about
     * as much as it would save.
     */
    private static boolean byNet(int batch, long perNet) {
        return batch > 1 && batch * perNet >= PARALLEL_FLOATS;
    }

    /** Element-wise calls over at least this many floats are split by net. */
    static final long PARALLEL_FLOATS = 1 << 16;

    /** Net {@code p}'s array of {@code s} as a batch of one (null stays null). */
    private static Strided net(Strided s, int p) {
        return s == null ? null : new Strided(s.buffer(), s.index(p, 0), s.stride());
    }

    @Override
    public void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        if (byNet(batch, (long) rows * cols)) {
            z.requireSeparate("z", batch, (long) rows * cols);
            gemm.forEachOnHost(batch, p -> CpuKernels.addBias(1, rows, cols, net(z, p), net(bias, p)));
        } else {
            CpuKernels.addBias(batch, rows, cols, z, bias);
        }
    }

    @Override
    public void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        if (byNet(batch, n)) {
            a.requireSeparate("a", batch, n);
            gemm.forEachOnHost(batch, p -> CpuKernels.activationForward(f, param, 1, n, net(z, p), net(slope, p),
                    net(a, p)));
        } else {
            CpuKernels.activationForward(f, param, batch, n, z, slope, a);
        }
    }

    @Override
    public void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                                   Strided gradA, Strided gradZ) {
        if (byNet(batch, n)) {
            gradZ.requireSeparate("gradZ", batch, n);
            gemm.forEachOnHost(batch, p -> CpuKernels.activationBackward(f, param, 1, n, net(z, p), net(slope, p),
                    net(gradA, p), net(gradZ, p)));
        } else {
            CpuKernels.activationBackward(f, param, batch, n, z, slope, gradA, gradZ);
        }
    }

    @Override
    public void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out) {
        CpuKernels.preluSlopeGradient(batch, n, z, gradA, out);
    }

    @Override
    public void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target,
                                    Strided loss, Strided grad, float scale) {
        CpuKernels.softmaxCrossEntropy(batch, rows, classes, logits, target, loss, grad, scale);
    }

    @Override
    public void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                                   float scale) {
        CpuKernels.binaryCrossEntropy(batch, n, logits, target, loss, grad, scale);
    }

    @Override
    public void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                             float scale) {
        CpuKernels.squaredError(batch, n, prediction, target, loss, grad, scale);
    }

    @Override
    public void columnSums(int batch, int rows, int cols, Strided x, Strided out) {
        if (byNet(batch, (long) rows * cols)) {
            out.requireSeparate("out", batch, cols);
            gemm.forEachOnHost(batch, p -> CpuKernels.columnSums(1, rows, cols, net(x, p), net(out, p)));
        } else {
            CpuKernels.columnSums(batch, rows, cols, x, out);
        }
    }

    @Override
    public void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var) {
        CpuKernels.batchNormStatistics(batch, rows, cols, x, mean, var);
    }

    @Override
    public void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                                 Strided gamma, Strided beta, Strided xhat, Strided y) {
        CpuKernels.batchNormForward(batch, rows, cols, x, mean, var, eps, gamma, beta, xhat, y);
    }

    @Override
    public void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                                  Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta) {
        CpuKernels.batchNormBackward(batch, rows, cols, gradY, xhat, var, eps, gamma, gradX, gradGamma, gradBeta);
    }

    @Override
    public void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out) {
        if (byNet(batch, n)) {
            out.requireSeparate("out", batch, n);
            gemm.forEachOnHost(batch, p -> CpuKernels.multiplyMask(1, n, net(x, p), net(mask, p), net(shift, p),
                    net(out, p)));
        } else {
            CpuKernels.multiplyMask(batch, n, x, mask, shift, out);
        }
    }

    @Override
    public void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        CpuKernels.gatherRows(count, cols, src, indices, dst);
    }

    @Override
    public void close() {
        // buffers are freed by the garbage collector once closed or unreachable
        gemm.close();
    }

    private static CpuBuffer cpu(DeviceBuffer buffer) {
        if (buffer instanceof CpuBuffer cb) {
            return cb;
        }
        throw new IllegalArgumentException("buffer does not belong to the CPU backend: " + buffer);
    }
}
