package dev.descent.core.compute;

import java.nio.FloatBuffer;

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
        gemm.gemm(new GemmCall(transA, transB, m, n, k, alpha, aOffset, aStride, bOffset, bStride,
                beta, cOffset, cStride, batch), cpu(a), cpu(b), cpu(c));
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
