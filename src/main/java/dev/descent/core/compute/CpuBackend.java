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
