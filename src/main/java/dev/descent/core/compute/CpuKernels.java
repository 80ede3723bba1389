package dev.descent.core.compute;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The element-wise operations of {@link Backend} on {@link CpuBuffer} memory, as plain loops.
 * Their semantics are written on the {@link Backend} methods; this class only computes them.
 */
final class CpuKernels {

    private CpuKernels() {
    }

    /**
     * Work arrays of the calling thread, grown on demand and reused: a training step runs these
     * kernels a dozen times, and fresh arrays would cost their zeroing every time. Each kernel
     * fills the part it reads before reading it.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private final float[][] floats = {new float[0], new float[0], new float[0], new float[0]};
        private int[] ints = new int[0];

        /** At least {@code n} floats in slot 0, 1, 2 or 3. */
        float[] floats(int slot, int n) {
            if (floats[slot].length < n) {
                floats[slot] = new float[n];
            }
            return floats[slot];
        }

        int[] ints(int n) {
            if (ints.length < n) {
                ints = new int[n];
            }
            return ints;
        }
    }

    static FloatBuffer fb(Strided s) {
        return s == null ? null : data(s.buffer());
    }

    static FloatBuffer data(DeviceBuffer buffer) {
        if (buffer instanceof CpuBuffer cb) {
            return cb.data();
        }
        throw new IllegalArgumentException("buffer does not belong to the CPU backend: " + buffer);
    }

    /** The raw float bits of a strided CPU buffer, as ints. */
    static IntBuffer bits(Strided s) {
        if (s.buffer() instanceof CpuBuffer cb) {
            return cb.bits();
        }
        throw new IllegalArgumentException("buffer does not belong to the CPU backend: " + s.buffer());
    }

    private static int at(Strided s, int p, int i) {
        return (int) (s.offset() + p * s.stride() + i);
    }

    static void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        z.requireSeparate("z", batch, (long) rows * cols);
        FloatBuffer fz = fb(z);
        FloatBuffer fbias = fb(bias);
        int n = rows * cols;
        Scratch scratch = SCRATCH.get();
        float[] zs = scratch.floats(0, n);
        // the bias repeated on every row: one flat loop over n, which the JIT vectorizes
        // (a loop over the columns of each row is too short for it when cols is small)
        float[] bs = scratch.floats(1, n);
        for (int p = 0; p < batch; p++) {
            int zo = at(z, p, 0);
            fz.get(zo, zs, 0, n);
            if (rows > 0) {
                fbias.get(at(bias, p, 0), bs, 0, cols);
                for (int filled = cols; filled < n; filled *= 2) {
                    System.arraycopy(bs, 0, bs, filled, Math.min(filled, n - filled));
                }
            }
            for (int i = 0; i < n; i++) {
                zs[i] += bs[i];
            }
            fz.put(zo, zs, 0, n);
        }
    }

    static void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        a.requireSeparate("a", batch, n);
        if (f == Activation.RELU) {
            reluForward(batch, n, z, a);
            return;
        }
        FloatBuffer fz = fb(z);
        FloatBuffer fa = fb(a);
        FloatBuffer fs = fb(slope);
        Scratch scratch = SCRATCH.get();
        float[] zs = scratch.floats(0, n);
        float[] ss = f == Activation.RRELU && fs != null ? scratch.floats(1, n) : null;
        for (int p = 0; p < batch; p++) {
            fz.get(at(z, p, 0), zs, 0, n);
            float s = f == Activation.PRELU ? fs.get(at(slope, p, 0)) : param;
            if (ss != null) {
                fs.get(at(slope, p, 0), ss, 0, n);
            }
            for (int i = 0; i < n; i++) {
                zs[i] = forward(f, param, ss != null ? ss[i] : s, zs[i]);
            }
            fa.put(at(a, p, 0), zs, 0, n);
        }
    }

    /**
     * a = z > 0 ? z : +0, on the raw bits: z AND {@link #positiveMaskBits}(z), an integer loop
     * without branches that the JIT vectorizes (float compares and selects it does not).
     */
    private static void reluForward(int batch, int n, Strided z, Strided a) {
        IntBuffer iz = bits(z);
        IntBuffer ia = bits(a);
        int[] zs = SCRATCH.get().ints(n);
        for (int p = 0; p < batch; p++) {
            iz.get(at(z, p, 0), zs, 0, n);
            for (int i = 0; i < n; i++) {
                zs[i] &= positiveMaskBits(zs[i]);
            }
            ia.put(at(a, p, 0), zs, 0, n);
        }
    }

    /**
     * gradZ = gradA * (z > 0 ? 1 : 0), as a float product (so -0 and NaN for masked negative
     * and non-finite gradients, as the other backends compute it). The factors 1f and 0f are
     * made from z's bits in an integer loop ({@link #positiveMaskBits} AND the bits of 1f),
     * written into gradZ's memory and read back as floats; the product is then a plain float
     * loop. Both loops vectorize; every read comes before the first write, so gradZ may be gradA.
     */
    private static void reluBackward(int batch, int n, Strided z, Strided gradA, Strided gradZ) {
        IntBuffer iz = bits(z);
        IntBuffer igz = bits(gradZ);
        FloatBuffer fga = fb(gradA);
        FloatBuffer fgz = fb(gradZ);
        Scratch scratch = SCRATCH.get();
        int[] zs = scratch.ints(n);
        float[] gs = scratch.floats(0, n);
        float[] factors = scratch.floats(1, n);
        for (int p = 0; p < batch; p++) {
            int out = at(gradZ, p, 0);
            fga.get(at(gradA, p, 0), gs, 0, n);
            iz.get(at(z, p, 0), zs, 0, n);
            for (int i = 0; i < n; i++) {
                zs[i] = positiveMaskBits(zs[i]) & 0x3F800000;
            }
            igz.put(out, zs, 0, n);
            fgz.get(out, factors, 0, n);
            for (int i = 0; i < n; i++) {
                gs[i] *= factors[i];
            }
            fgz.put(out, gs, 0, n);
        }
    }

    static void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                                   Strided gradA, Strided gradZ) {
        gradZ.requireSeparate("gradZ", batch, n);
        if (f == Activation.RELU) {
            reluBackward(batch, n, z, gradA, gradZ);
            return;
        }
        FloatBuffer fz = fb(z);
        FloatBuffer fs = fb(slope);
        FloatBuffer fga = fb(gradA);
        FloatBuffer fgz = fb(gradZ);
        Scratch scratch = SCRATCH.get();
        float[] zs = scratch.floats(0, n);
        float[] gs = scratch.floats(1, n);
        float[] ss = f == Activation.RRELU && fs != null ? scratch.floats(2, n) : null;
        for (int p = 0; p < batch; p++) {
            fz.get(at(z, p, 0), zs, 0, n);
            fga.get(at(gradA, p, 0), gs, 0, n);
            float s = f == Activation.PRELU ? fs.get(at(slope, p, 0)) : param;
            if (ss != null) {
                fs.get(at(slope, p, 0), ss, 0, n);
            }
            for (int i = 0; i < n; i++) {
                gs[i] *= derivative(f, param, ss != null ? ss[i] : s, zs[i]);
            }
            fgz.put(at(gradZ, p, 0), gs, 0, n);
        }
    }

    /**
     * All ones when {@code z > 0}, else 0 (for -0, negatives and NaN), computed without a
     * branch: z > 0 exactly when its bits b, as a signed int, lie in [1, 0x7F800000] (+inf
     * included), that is when u = b - 1 lies in [0, 0x7F800000).
     */
    static int positiveMask(float z) {
        return positiveMaskBits(Float.floatToRawIntBits(z));
    }

    /** {@link #positiveMask} of the float whose raw bits are {@code bits}. */
    static int positiveMaskBits(int bits) {
        int u = bits - 1;
        return ~(u >> 31) & ((u - 0x7F800000) >> 31);
    }

    /** f(z); {@code s} is the slope of PRELU and RRELU. */
    static float forward(Activation f, float param, float s, float z) {
        switch (f) {
            case IDENTITY: return z;
            case BINARY_STEP: return z >= 0 ? 1f : 0f;
            case SIGMOID: return sigmoid(z);
            case TANH: return (float) Math.tanh(z);
            case ARCTAN: return (float) Math.atan(z);
            case SOFTSIGN: return z / (1 + Math.abs(z));
            case RELU: return z > 0 ? z : 0f;
            case LEAKY_RELU: return z > 0 ? z : param * z;
            case PRELU: case RRELU: return z > 0 ? z : s * z;
            case ELU: return z > 0 ? z : (float) (param * Math.expm1(z));
            case SELU: return (float) (Activation.SELU_SCALE * (z > 0 ? z : Activation.SELU_ALPHA * Math.expm1(z)));
            case SOFTPLUS: return z > 20 ? z : (float) Math.log1p(Math.exp(z));
            case HARDTANH: return Math.max(-1f, Math.min(1f, z));
            case GELU: return (float) (0.5 * z * (1 + Erf.erf(z / Math.sqrt(2))));
            case SILU: return z * sigmoid(z);
            default: throw new IllegalArgumentException("unknown activation " + f);
        }
    }

    /** f'(z) as used by the backward pass. */
    static float derivative(Activation f, float param, float s, float z) {
        switch (f) {
            case IDENTITY: return 1f;
            case BINARY_STEP: return 0f;
            case SIGMOID: {
                float y = sigmoid(z);
                return y * (1 - y);
            }
            case TANH: {
                float y = (float) Math.tanh(z);
                return 1 - y * y;
            }
            case ARCTAN: return 1 / (1 + z * z);
            case SOFTSIGN: {
                float d = 1 + Math.abs(z);
                return 1 / (d * d);
            }
            case RELU: return z > 0 ? 1f : 0f;
            case LEAKY_RELU: return z > 0 ? 1f : param;
            case PRELU: case RRELU: return z > 0 ? 1f : s;
            case ELU: return z > 0 ? 1f : (float) (param * Math.exp(z));
            case SELU: return (float) (Activation.SELU_SCALE * (z > 0 ? 1 : Activation.SELU_ALPHA * Math.exp(z)));
            case SOFTPLUS: return z > 20 ? 1f : sigmoid(z);
            case HARDTANH: return z > -1 && z < 1 ? 1f : 0f;
            case GELU: {
                double cdf = 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
                double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
                return (float) (cdf + z * pdf);
            }
            case SILU: {
                float sg = sigmoid(z);
                return sg * (1 + z * (1 - sg));
            }
            default: throw new IllegalArgumentException("unknown activation " + f);
        }
    }

    static float sigmoid(float z) {
        return z >= 0 ? (float) (1 / (1 + Math.exp(-z))) : (float) (Math.exp(z) / (1 + Math.exp(z)));
    }

    static void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out) {
        out.requireSeparate("out", batch, 1);
        FloatBuffer fz = fb(z);
        FloatBuffer fga = fb(gradA);
        FloatBuffer fo = fb(out);
        for (int p = 0; p < batch; p++) {
            int zo = at(z, p, 0);
            int go = at(gradA, p, 0);
            float sum = 0;
            for (int i = 0; i < n; i++) {
                float zi = fz.get(zo + i);
                if (zi < 0) {
                    sum += fga.get(go + i) * zi;
                }
            }
            fo.put(at(out, p, 0), sum);
        }
    }

    /**
     * Net by net on heap copies, in passes over all rows (row maxima, every exponential, row
     * sums and logarithms, every probability) rather than row by row: a row's exponentials
     * wait for its maximum and its probabilities for its logarithm, so row by row the
     * exponentials ran at their latency (for 8 nets of 32 rows and 3 classes, 18 us through the
     * buffers, 14 on heap copies row by row, 11 in passes). Each value is computed by the same
     * float operations in the same order as row by row.
     */
    static void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target,
                                    Strided loss, Strided grad, float scale) {
        loss.requireSeparate("loss", batch, rows);
        grad.requireSeparate("grad", batch, (long) rows * classes);
        FloatBuffer fz = fb(logits);
        FloatBuffer ft = fb(target);
        FloatBuffer fl = fb(loss);
        FloatBuffer fg = fb(grad);
        int n = rows * classes;
        Scratch scratch = SCRATCH.get();
        float[] zs = scratch.floats(0, n);
        float[] gs = scratch.floats(1, n);
        // per element, its row's maximum and then its row's log-sum-exp
        float[] rowValue = scratch.floats(2, n);
        float[] ls = scratch.floats(3, rows);
        int[] classOf = scratch.ints(rows);
        for (int p = 0; p < batch; p++) {
            if (p == 0 || target.stride() != 0) {
                ft.get(at(target, p, 0), ls, 0, rows);
                for (int i = 0; i < rows; i++) {
                    int t = (int) ls[i];
                    if (t < 0 || t >= classes) {
                        throw new IllegalArgumentException("target class must be in [0, " + classes + "), was " + t);
                    }
                    classOf[i] = t;
                }
            }
            fz.get(at(logits, p, 0), zs, 0, n);
            for (int i = 0, zo = 0; i < rows; i++, zo += classes) {
                float m = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    m = Math.max(m, zs[zo + j]);
                }
                for (int j = 0; j < classes; j++) {
                    rowValue[zo + j] = m;
                }
            }
            for (int k = 0; k < n; k++) {
                gs[k] = (float) Math.exp(zs[k] - rowValue[k]);
            }
            for (int i = 0, zo = 0; i < rows; i++, zo += classes) {
                float sum = 0;
                for (int j = 0; j < classes; j++) {
                    sum += gs[zo + j];
                }
                float lse = rowValue[zo] + (float) Math.log(sum);
                ls[i] = lse - zs[zo + classOf[i]];
                for (int j = 0; j < classes; j++) {
                    rowValue[zo + j] = lse;
                }
            }
            for (int k = 0; k < n; k++) {
                gs[k] = (float) Math.exp(zs[k] - rowValue[k]);
            }
            for (int i = 0, zo = 0; i < rows; i++, zo += classes) {
                gs[zo + classOf[i]] -= 1f;
            }
            for (int k = 0; k < n; k++) {
                gs[k] *= scale;
            }
            fl.put(at(loss, p, 0), ls, 0, rows);
            fg.put(at(grad, p, 0), gs, 0, n);
        }
    }

    static void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                                   float scale) {
        loss.requireSeparate("loss", batch, n);
        grad.requireSeparate("grad", batch, n);
        FloatBuffer fz = fb(logits);
        FloatBuffer ft = fb(target);
        FloatBuffer fl = fb(loss);
        FloatBuffer fg = fb(grad);
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < n; i++) {
                float z = fz.get(at(logits, p, i));
                float y = ft.get(at(target, p, i));
                fl.put(at(loss, p, i), Math.max(z, 0) - z * y + (float) Math.log1p(Math.exp(-Math.abs(z))));
                fg.put(at(grad, p, i), scale * (sigmoid(z) - y));
            }
        }
    }

    static void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                             float scale) {
        loss.requireSeparate("loss", batch, n);
        grad.requireSeparate("grad", batch, n);
        FloatBuffer fx = fb(prediction);
        FloatBuffer ft = fb(target);
        FloatBuffer fl = fb(loss);
        FloatBuffer fg = fb(grad);
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < n; i++) {
                float d = fx.get(at(prediction, p, i)) - ft.get(at(target, p, i));
                fl.put(at(loss, p, i), d * d);
                fg.put(at(grad, p, i), scale * 2 * d);
            }
        }
    }

    static void columnSums(int batch, int rows, int cols, Strided x, Strided out) {
        out.requireSeparate("out", batch, cols);
        FloatBuffer fx = fb(x);
        FloatBuffer fo = fb(out);
        Scratch scratch = SCRATCH.get();
        float[] xs = scratch.floats(0, rows * cols);
        float[] sums = scratch.floats(1, cols);
        for (int p = 0; p < batch; p++) {
            fx.get(at(x, p, 0), xs, 0, rows * cols);
            java.util.Arrays.fill(sums, 0, cols, 0f);
            // four rows per pass over the columns, added in row order: the same sums, bit for
            // bit, as one row at a time, with a quarter of the loads and stores of the sums
            int i = 0;
            for (; i + 3 < rows; i += 4) {
                int r0 = i * cols;
                int r1 = r0 + cols;
                int r2 = r1 + cols;
                int r3 = r2 + cols;
                for (int j = 0; j < cols; j++) {
                    float sum = sums[j];
                    sum += xs[r0 + j];
                    sum += xs[r1 + j];
                    sum += xs[r2 + j];
                    sum += xs[r3 + j];
                    sums[j] = sum;
                }
            }
            for (; i < rows; i++) {
                int row = i * cols;
                for (int j = 0; j < cols; j++) {
                    sums[j] += xs[row + j];
                }
            }
            fo.put(at(out, p, 0), sums, 0, cols);
        }
    }

    static void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var) {
        mean.requireSeparate("mean", batch, cols);
        var.requireSeparate("var", batch, cols);
        FloatBuffer fx = fb(x);
        FloatBuffer fm = fb(mean);
        FloatBuffer fv = fb(var);
        for (int p = 0; p < batch; p++) {
            int xo = at(x, p, 0);
            for (int j = 0; j < cols; j++) {
                float sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += fx.get(xo + i * cols + j);
                }
                float mu = sum / rows;
                float sq = 0;
                for (int i = 0; i < rows; i++) {
                    float d = fx.get(xo + i * cols + j) - mu;
                    sq += d * d;
                }
                fm.put(at(mean, p, j), mu);
                fv.put(at(var, p, j), sq / rows);
            }
        }
    }

    static void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                                 Strided gamma, Strided beta, Strided xhat, Strided y) {
        if (xhat != null) {
            xhat.requireSeparate("xhat", batch, (long) rows * cols);
        }
        y.requireSeparate("y", batch, (long) rows * cols);
        FloatBuffer fx = fb(x);
        FloatBuffer fm = fb(mean);
        FloatBuffer fv = fb(var);
        FloatBuffer fgm = fb(gamma);
        FloatBuffer fbt = fb(beta);
        FloatBuffer fh = fb(xhat);
        FloatBuffer fy = fb(y);
        for (int p = 0; p < batch; p++) {
            for (int j = 0; j < cols; j++) {
                float mu = fm.get(at(mean, p, j));
                float inv = (float) (1 / Math.sqrt(fv.get(at(var, p, j)) + eps));
                float g = fgm.get(at(gamma, p, j));
                float b = fbt.get(at(beta, p, j));
                for (int i = 0; i < rows; i++) {
                    float h = (fx.get(at(x, p, i * cols + j)) - mu) * inv;
                    if (fh != null) {
                        fh.put(at(xhat, p, i * cols + j), h);
                    }
                    fy.put(at(y, p, i * cols + j), g * h + b);
                }
            }
        }
    }

    static void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                                  Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta) {
        gradX.requireSeparate("gradX", batch, (long) rows * cols);
        gradGamma.requireSeparate("gradGamma", batch, cols);
        gradBeta.requireSeparate("gradBeta", batch, cols);
        FloatBuffer fgy = fb(gradY);
        FloatBuffer fh = fb(xhat);
        FloatBuffer fv = fb(var);
        FloatBuffer fgm = fb(gamma);
        FloatBuffer fgx = fb(gradX);
        FloatBuffer fgg = fb(gradGamma);
        FloatBuffer fgb = fb(gradBeta);
        for (int p = 0; p < batch; p++) {
            for (int j = 0; j < cols; j++) {
                float sumGy = 0;
                float sumGyH = 0;
                for (int i = 0; i < rows; i++) {
                    float gy = fgy.get(at(gradY, p, i * cols + j));
                    sumGy += gy;
                    sumGyH += gy * fh.get(at(xhat, p, i * cols + j));
                }
                fgb.put(at(gradBeta, p, j), sumGy);
                fgg.put(at(gradGamma, p, j), sumGyH);
                float k = (float) (fgm.get(at(gamma, p, j)) / (rows * Math.sqrt(fv.get(at(var, p, j)) + eps)));
                for (int i = 0; i < rows; i++) {
                    int gi = at(gradY, p, i * cols + j);
                    float h = fh.get(at(xhat, p, i * cols + j));
                    fgx.put(at(gradX, p, i * cols + j), k * (rows * fgy.get(gi) - sumGy - h * sumGyH));
                }
            }
        }
    }

    static void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out) {
        out.requireSeparate("out", batch, n);
        FloatBuffer fx = fb(x);
        FloatBuffer fm = fb(mask);
        FloatBuffer fs = fb(shift);
        FloatBuffer fo = fb(out);
        Scratch scratch = SCRATCH.get();
        float[] xs = scratch.floats(0, n);
        float[] ms = scratch.floats(1, n);
        float[] ss = fs == null ? null : scratch.floats(2, n);
        for (int p = 0; p < batch; p++) {
            fx.get(at(x, p, 0), xs, 0, n);
            fm.get(at(mask, p, 0), ms, 0, n);
            if (ss != null) {
                fs.get(at(shift, p, 0), ss, 0, n);
            }
            for (int i = 0; i < n; i++) {
                xs[i] = xs[i] * ms[i] + (ss == null ? 0f : ss[i]);
            }
            fo.put(at(out, p, 0), xs, 0, n);
        }
    }

    static void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        FloatBuffer fsrc = data(src);
        FloatBuffer fi = data(indices);
        FloatBuffer fd = data(dst);
        long srcRows = src.length() / Math.max(cols, 1);
        for (int r = 0; r < count; r++) {
            int row = (int) fi.get(r);
            if (row < 0 || row >= srcRows) {
                throw new IllegalArgumentException("row index must be in [0, " + srcRows + "), was " + row);
            }
            for (int j = 0; j < cols; j++) {
                fd.put(r * cols + j, fsrc.get(row * cols + j));
            }
        }
    }
}
