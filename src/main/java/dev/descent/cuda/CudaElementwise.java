package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import dev.descent.cuda.CudaKernels.Kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The element-wise operations of {@link dev.descent.core.compute.Backend} as launches of the
 * kernels of {@code kernels.cu}: checks every array against its buffer on the host (device
 * memory does not throw on a bad index), then builds the kernel's argument list. Separate
 * from {@link CudaBackend} so the argument lists are tested against the kernel signatures
 * without a GPU.
 */
final class CudaElementwise {

    private final KernelLauncher launcher;
    private final CudaBuffer.Owner owner;
    /**
     * The message for each bad-index bit a kernel launched since the last
     * {@link #checkIndices()} may have set; reading the flag waits for the GPU, so it is read
     * once, at the next download, rather than after every launch.
     */
    private final Map<Integer, String> pendingIndexChecks = new TreeMap<>();

    /** @param owner the backend whose buffers these operations accept */
    CudaElementwise(KernelLauncher launcher, CudaBuffer.Owner owner) {
        this.launcher = launcher;
        this.owner = owner;
    }

    /** {@code C_p = beta C_p} over {@code batch} arrays of {@code size} floats (a GEMM with k = 0). */
    void scale(int batch, long size, float beta, Strided c) {
        output("C", c, batch, size);
        launcher.launch(Kernel.SCALE_BATCHED, batch * size, new KernelArgs().i(batch).l(size).f(beta).strided(c));
    }

    void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        long per = (long) rows * cols;
        output("z", z, batch, per);
        check("bias", bias, batch, cols);
        launcher.launch(Kernel.ADD_BIAS, batch * per, new KernelArgs().i(batch).i(rows).i(cols)
                .strided(z).strided(bias));
    }

    void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        check("z", z, batch, n);
        checkSlope(f, slope, batch, n);
        output("a", a, batch, n);
        launcher.launch(Kernel.ACTIVATION_FORWARD, (long) batch * n, new KernelArgs()
                .i(CudaKernels.activationCode(f)).f(param).i(batch).i(n)
                .strided(z).optional(slopeOrNull(f, slope)).strided(a));
    }

    void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                            Strided gradA, Strided gradZ) {
        check("z", z, batch, n);
        checkSlope(f, slope, batch, n);
        check("gradA", gradA, batch, n);
        output("gradZ", gradZ, batch, n);
        launcher.launch(Kernel.ACTIVATION_BACKWARD, (long) batch * n, new KernelArgs()
                .i(CudaKernels.activationCode(f)).f(param).i(batch).i(n)
                .strided(z).optional(slopeOrNull(f, slope)).strided(gradA).strided(gradZ));
    }

    void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out) {
        check("z", z, batch, n);
        check("gradA", gradA, batch, n);
        output("out", out, batch, 1);
        launcher.launch(Kernel.PRELU_SLOPE_GRADIENT, batch, new KernelArgs().i(batch).i(n)
                .strided(z).strided(gradA).strided(out));
    }

    void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target,
                             Strided loss, Strided grad, float scale) {
        long per = (long) rows * classes;
        check("logits", logits, batch, per);
        check("target", target, batch, rows);
        output("loss", loss, batch, rows);
        output("grad", grad, batch, per);
        launcher.launch(Kernel.SOFTMAX_CROSS_ENTROPY, (long) batch * rows, new KernelArgs().i(batch).i(rows).i(classes)
                .strided(logits).strided(target).strided(loss).strided(grad).f(scale).pointer(launcher.badIndexFlag()));
        pendingIndexChecks.put(CudaKernels.BAD_TARGET_CLASS, "target class must be in [0, " + classes + ")");
    }

    void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                            float scale) {
        lossKernel(Kernel.BINARY_CROSS_ENTROPY, batch, n, logits, target, loss, grad, scale);
    }

    void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                      float scale) {
        lossKernel(Kernel.SQUARED_ERROR, batch, n, prediction, target, loss, grad, scale);
    }

    private void lossKernel(Kernel kernel, int batch, int n, Strided x, Strided target, Strided loss, Strided grad,
                            float scale) {
        check("prediction", x, batch, n);
        check("target", target, batch, n);
        output("loss", loss, batch, n);
        output("grad", grad, batch, n);
        launcher.launch(kernel, (long) batch * n, new KernelArgs().i(batch).i(n)
                .strided(x).strided(target).strided(loss).strided(grad).f(scale));
    }

    void columnSums(int batch, int rows, int cols, Strided x, Strided out) {
        check("x", x, batch, (long) rows * cols);
        output("out", out, batch, cols);
        launcher.launch(Kernel.COLUMN_SUMS, (long) batch * cols, new KernelArgs().i(batch).i(rows).i(cols)
                .strided(x).strided(out));
    }

    void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var) {
        check("x", x, batch, (long) rows * cols);
        output("mean", mean, batch, cols);
        output("var", var, batch, cols);
        launcher.launch(Kernel.BATCH_NORM_STATISTICS, (long) batch * cols, new KernelArgs().i(batch).i(rows).i(cols)
                .strided(x).strided(mean).strided(var));
    }

    void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                          Strided gamma, Strided beta, Strided xhat, Strided y) {
        long per = (long) rows * cols;
        check("x", x, batch, per);
        check("mean", mean, batch, cols);
        check("var", var, batch, cols);
        check("gamma", gamma, batch, cols);
        check("beta", beta, batch, cols);
        if (xhat != null) {
            output("xhat", xhat, batch, per);
        }
        output("y", y, batch, per);
        launcher.launch(Kernel.BATCH_NORM_FORWARD, batch * per, new KernelArgs().i(batch).i(rows).i(cols)
                .strided(x).strided(mean).strided(var).f(eps).strided(gamma).strided(beta)
                .optional(xhat).strided(y));
    }

    void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                           Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta) {
        long per = (long) rows * cols;
        check("gradY", gradY, batch, per);
        check("xhat", xhat, batch, per);
        check("var", var, batch, cols);
        check("gamma", gamma, batch, cols);
        output("gradX", gradX, batch, per);
        output("gradGamma", gradGamma, batch, cols);
        output("gradBeta", gradBeta, batch, cols);
        launcher.launch(Kernel.BATCH_NORM_BACKWARD, (long) batch * cols, new KernelArgs().i(batch).i(rows).i(cols)
                .strided(gradY).strided(xhat).strided(var).f(eps).strided(gamma)
                .strided(gradX).strided(gradGamma).strided(gradBeta));
    }

    void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out) {
        check("x", x, batch, n);
        check("mask", mask, batch, n);
        if (shift != null) {
            check("shift", shift, batch, n);
        }
        output("out", out, batch, n);
        launcher.launch(Kernel.MULTIPLY_MASK, (long) batch * n, new KernelArgs().i(batch).i(n)
                .strided(x).strided(mask).optional(shift).strided(out));
    }

    void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        if (count < 0 || cols < 0) {
            throw new IllegalArgumentException("count and cols must be >= 0, were " + count + " and " + cols);
        }
        CudaBuffer s = own(src);
        CudaBuffer idx = own(indices);
        CudaBuffer d = own(dst);
        CudaRanges.requireInside("indices", idx, 0, count);
        CudaRanges.requireInside("dst", d, 0, (long) count * cols);
        long srcRows = src.length() / Math.max(cols, 1);
        launcher.launch(Kernel.GATHER_ROWS, (long) count * cols, new KernelArgs().i(count).i(cols)
                .buffer(s).l(srcRows).buffer(idx).buffer(d)
                .pointer(launcher.badIndexFlag()));
        pendingIndexChecks.put(CudaKernels.BAD_ROW_INDEX, "row index must be in [0, " + srcRows + ")");
    }

    /**
     * Reads the bad-index flag when a kernel that sets it ran since the last read (one small
     * copy that waits for the queued kernels), clears it, and reports what it found.
     *
     * @throws IllegalArgumentException naming each index that was out of range
     */
    void checkIndices() {
        if (pendingIndexChecks.isEmpty()) {
            return;
        }
        int bits = launcher.takeBadIndexFlag();
        List<String> problems = new ArrayList<>();
        pendingIndexChecks.forEach((bit, message) -> {
            if ((bits & bit) != 0) {
                problems.add(message);
            }
        });
        pendingIndexChecks.clear();
        if (bits != 0) {
            throw new IllegalArgumentException(problems.isEmpty()
                    ? "an index was out of range (flag " + bits + ")" : String.join("; ", problems));
        }
    }

    private void check(String name, Strided s, int batch, long extent) {
        own(s.buffer());
        CudaRanges.requireInside(name, s, batch, extent);
    }

    /** As {@link #check}, for an array the kernel writes: the nets' arrays must not overlap. */
    private void output(String name, Strided s, int batch, long extent) {
        check(name, s, batch, extent);
        s.requireSeparate(name, batch, extent);
    }

    private void checkSlope(Activation f, Strided slope, int batch, int n) {
        if (f == Activation.PRELU) {
            if (slope == null) {
                throw new IllegalArgumentException("PRELU needs a slope buffer");
            }
            check("slope", slope, batch, 1);
        } else if (f == Activation.RRELU && slope != null) {
            check("slope", slope, batch, n);
        }
    }

    private static Strided slopeOrNull(Activation f, Strided slope) {
        return f.usesSlopes() ? slope : null;
    }

    /** {@code buffer} as an open CUDA buffer of this backend. */
    CudaBuffer own(DeviceBuffer buffer) {
        CudaBuffer b = CudaBuffer.of(buffer);
        if (b.owner() != owner) {
            throw new IllegalArgumentException("buffer belongs to another CUDA backend: " + buffer);
        }
        b.pointer();
        return b;
    }
}
