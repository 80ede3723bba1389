package dev.descent.core.compute;

import java.nio.FloatBuffer;

/** The CPU backend. Its GEMM is a plain triple loop in double accumulation for now. */
public class CpuBackend implements Backend {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu (Java reference GEMM)";
    }

    @Override
    public DeviceBuffer allocate(long length) {
        return new CpuBuffer(length);
    }

    @Override
    public void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count) {
        FloatBuffer d = cpu(dst).data();
        for (int i = 0; i < count; i++) {
            d.put((int) dstOffset + i, src[srcOffset + i]);
        }
    }

    @Override
    public void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        FloatBuffer s = cpu(src).data();
        for (int i = 0; i < count; i++) {
            dst[dstOffset + i] = s.get((int) srcOffset + i);
        }
    }

    @Override
    public void gemmBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                            DeviceBuffer a, long aOffset, long aStride, DeviceBuffer b, long bOffset, long bStride,
                            float beta, DeviceBuffer c, long cOffset, long cStride, int batch) {
        FloatBuffer fa = cpu(a).data();
        FloatBuffer fb = cpu(b).data();
        FloatBuffer fc = cpu(c).data();
        for (int p = 0; p < batch; p++) {
            int ao = (int) (aOffset + p * aStride);
            int bo = (int) (bOffset + p * bStride);
            int co = (int) (cOffset + p * cStride);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        float av = transA.transposed() ? fa.get(ao + l * m + i) : fa.get(ao + i * k + l);
                        float bv = transB.transposed() ? fb.get(bo + j * k + l) : fb.get(bo + l * n + j);
                        sum += (double) av * bv;
                    }
                    int idx = co + i * n + j;
                    float old = beta == 0 ? 0 : beta * fc.get(idx);
                    fc.put(idx, (float) (alpha * sum) + old);
                }
            }
        }
    }

    // ---- element-wise operations: computed by CpuKernels ----

    @Override
    public void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        CpuKernels.addBias(batch, rows, cols, z, bias);
    }

    @Override
    public void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        CpuKernels.activationForward(f, param, batch, n, z, slope, a);
    }

    @Override
    public void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                                   Strided gradA, Strided gradZ) {
        CpuKernels.activationBackward(f, param, batch, n, z, slope, gradA, gradZ);
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
        CpuKernels.columnSums(batch, rows, cols, x, out);
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
        CpuKernels.multiplyMask(batch, n, x, mask, shift, out);
    }

    @Override
    public void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        CpuKernels.gatherRows(count, cols, src, indices, dst);
    }

    @Override
    public void close() {
        // buffers are freed by the garbage collector once closed or unreachable
    }

    private static CpuBuffer cpu(DeviceBuffer buffer) {
        if (buffer instanceof CpuBuffer cb) {
            return cb;
        }
        throw new IllegalArgumentException("buffer does not belong to the CPU backend: " + buffer);
    }
}
