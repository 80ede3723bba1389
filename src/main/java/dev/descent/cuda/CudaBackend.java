package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.GemmCall;
import dev.descent.core.compute.Strided;
import dev.descent.core.compute.Transpose;
import jcuda.driver.CUdeviceptr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * The CUDA backend: GEMM through {@code cublasSgemmStridedBatched} with the row-major mapping
 * of {@link CublasGemmMapping}; the element-wise operations as the kernels of
 * {@code kernels.cu} (compiled once with NVRTC when the backend is created, launched with
 * {@link LaunchConfig}); semantics as written on {@link Backend}. Parameters and activations
 * stay in device buffers; only {@link #upload} and {@link #download} cross the bus. An index
 * out of range in {@link #gatherRows} or {@link #softmaxCrossEntropy} is found on the device
 * and reported by the next {@link #download} (one flag read per download that follows such a
 * launch, not one per launch).
 *
 * <p>This class is the backend's logic (buffer ownership, range checks, GEMM dispatch,
 * freeing everything on close); the native calls are behind {@link CudaDevice}, which on a
 * GPU is {@link JCudaDevice}: primary context made current on the calling thread at every
 * call, JCuda exceptions enabled, default math mode. As every backend, used by one thread at
 * a time (the engine thread of a race).
 */
public final class CudaBackend implements Backend, CudaBuffer.Owner {

    private final CudaDevice device;
    private final CudaElementwise elementwise;
    private final Set<CudaBuffer> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    /**
     * Opens GPU {@code ordinal}: retains its primary context, creates the cuBLAS handle,
     * compiles the kernels. Call only after {@link CudaProbe#status()} said available.
     *
     * @throws IllegalStateException when a step fails (what was acquired is released)
     */
    public CudaBackend(int ordinal) {
        this(new JCudaDevice(ordinal));
    }

    /** A backend on {@code device}; the backend closes it. */
    CudaBackend(CudaDevice device) {
        this.device = device;
        this.elementwise = new CudaElementwise(device, this);
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String description() {
        return device.description();
    }

    // ---- buffers ----

    @Override
    public DeviceBuffer allocate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("buffer length must be >= 0, was " + length);
        }
        requireOpen();
        CUdeviceptr pointer = length == 0 ? new CUdeviceptr() : device.allocate(length);
        CudaBuffer buffer = new CudaBuffer(this, length, pointer);
        open.add(buffer);
        return buffer;
    }

    /** Frees one buffer (called by {@link CudaBuffer#close()}); a second close does nothing. */
    @Override
    public void free(CudaBuffer buffer) {
        CUdeviceptr pointer = buffer.detach();
        if (pointer == null || closed) {
            return;
        }
        open.remove(buffer);
        if (buffer.length() > 0) {
            device.free(pointer);
        }
    }

    @Override
    public void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count) {
        Objects.checkFromIndexSize(srcOffset, count, src.length);
        CudaBuffer d = elementwise.own(dst);
        CudaRanges.requireInside("upload destination", d, dstOffset, count);
        if (count == 0) {
            return;
        }
        float[] chunk = srcOffset == 0 ? src : java.util.Arrays.copyOfRange(src, srcOffset, srcOffset + count);
        device.copyToDevice(chunk, d.pointer(), d.base() + dstOffset, count);
    }

    @Override
    public void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(dstOffset, count, dst.length);
        CudaBuffer s = elementwise.own(src);
        CudaRanges.requireInside("download source", s, srcOffset, count);
        elementwise.checkIndices();
        if (count == 0) {
            return;
        }
        float[] chunk = dstOffset == 0 ? dst : new float[count];
        device.copyToHost(s.pointer(), s.base() + srcOffset, chunk, count);
        if (chunk != dst) {
            System.arraycopy(chunk, 0, dst, dstOffset, count);
        }
    }

    // ---- GEMM ----

    @Override
    public void gemmBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                            DeviceBuffer a, long aOffset, long aStride, DeviceBuffer b, long bOffset, long bStride,
                            float beta, DeviceBuffer c, long cOffset, long cStride, int batch) {
        GemmCall call = new GemmCall(transA, transB, m, n, k, alpha, aOffset, aStride, bOffset, bStride,
                beta, cOffset, cStride, batch);
        CudaBuffer da = elementwise.own(a);
        CudaBuffer db = elementwise.own(b);
        CudaBuffer dc = elementwise.own(c);
        call.requireFits(da, db, dc);
        if (call.isEmpty()) {
            return;
        }
        if (k == 0) {
            // C = beta C by a kernel, rather than trusting every cuBLAS version with k = 0
            elementwise.scale(batch, call.cSize(), beta, new Strided(dc, cOffset, cStride));
            return;
        }
        CublasGemmMapping.gemmBatched(device.cublas(), transA, transB, m, n, k, alpha,
                da.pointer(), da.base() + aOffset, aStride, db.pointer(), db.base() + bOffset, bStride,
                beta, dc.pointer(), dc.base() + cOffset, cStride, batch);
    }

    // ---- element-wise operations: CudaElementwise checks and builds the launches ----

    @Override
    public void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        elementwise.addBias(batch, rows, cols, z, bias);
    }

    @Override
    public void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        elementwise.activationForward(f, param, batch, n, z, slope, a);
    }

    @Override
    public void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                                   Strided gradA, Strided gradZ) {
        elementwise.activationBackward(f, param, batch, n, z, slope, gradA, gradZ);
    }

    @Override
    public void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out) {
        elementwise.preluSlopeGradient(batch, n, z, gradA, out);
    }

    @Override
    public void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target,
                                    Strided loss, Strided grad, float scale) {
        elementwise.softmaxCrossEntropy(batch, rows, classes, logits, target, loss, grad, scale);
    }

    @Override
    public void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                                   float scale) {
        elementwise.binaryCrossEntropy(batch, n, logits, target, loss, grad, scale);
    }

    @Override
    public void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                             float scale) {
        elementwise.squaredError(batch, n, prediction, target, loss, grad, scale);
    }

    @Override
    public void columnSums(int batch, int rows, int cols, Strided x, Strided out) {
        elementwise.columnSums(batch, rows, cols, x, out);
    }

    @Override
    public void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var) {
        elementwise.batchNormStatistics(batch, rows, cols, x, mean, var);
    }

    @Override
    public void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                                 Strided gamma, Strided beta, Strided xhat, Strided y) {
        elementwise.batchNormForward(batch, rows, cols, x, mean, var, eps, gamma, beta, xhat, y);
    }

    @Override
    public void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                                  Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta) {
        elementwise.batchNormBackward(batch, rows, cols, gradY, xhat, var, eps, gamma, gradX, gradGamma, gradBeta);
    }

    @Override
    public void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out) {
        elementwise.multiplyMask(batch, n, x, mask, shift, out);
    }

    @Override
    public void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        elementwise.gatherRows(count, cols, src, indices, dst);
    }

    // ---- lifetime ----

    /** Frees every buffer still open, then the device's own resources. A second close does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            for (CudaBuffer buffer : new ArrayList<>(open)) {
                CUdeviceptr pointer = buffer.detach();
                if (pointer != null && buffer.length() > 0) {
                    device.free(pointer);
                }
            }
        } finally {
            open.clear();
            closed = true;
            device.close();
        }
    }

    /** Buffers allocated and not yet closed. */
    int openBuffers() {
        return open.size();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("CUDA backend used after close");
        }
    }
}
