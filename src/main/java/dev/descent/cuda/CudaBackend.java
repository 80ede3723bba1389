package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.GemmCall;
import dev.descent.core.compute.Strided;
import dev.descent.core.compute.Transpose;
import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasMath;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CUDA backend (JCuda 12.6): GEMM through {@code cublasSgemmStridedBatched} with the
 * row-major mapping of {@link CublasGemmMapping}; the element-wise operations as the kernels of
 * {@code kernels.cu}, compiled once with NVRTC when the backend is created and launched with
 * {@link LaunchConfig}. Semantics are those written on {@link Backend}.
 *
 * <p>Threads: the backend uses the device's primary context. Every call first makes that
 * context current on the calling thread ({@code cuCtxSetCurrent}), so the engine thread that
 * steps a race may differ from the thread that created the backend; but, as for every
 * backend, one thread at a time. cuBLAS and the kernels run on the default stream, in order;
 * {@link #download} waits for them. Exceptions are enabled in JCuda: a failing call throws
 * {@link CudaException} instead of returning a code. Default math mode (no TF32).
 * {@link #close()} frees all device memory, the module and the cuBLAS handle.
 */
public final class CudaBackend implements Backend, KernelLauncher, CudaBuffer.Owner {

    private final String description;
    private final CUdevice device;
    private final CUcontext context = new CUcontext();
    private final cublasHandle handle = new cublasHandle();
    private final CUmodule module = new CUmodule();
    private final Map<Kernel, CUfunction> functions = new EnumMap<>(Kernel.class);
    private final Cublas<CUdeviceptr> cublas;
    private final int maxBlocks;
    private final Set<CudaBuffer> open = Collections.newSetFromMap(new IdentityHashMap<>());
    /** One int on the device that kernels set to 1 on a bad index (softmax targets, gathered rows). */
    private final CUdeviceptr badIndexFlag = new CUdeviceptr();
    private final CudaElementwise elementwise = new CudaElementwise(this, this);
    private boolean closed;

    /**
     * Opens device {@code ordinal}: retains its primary context, creates the cuBLAS handle,
     * compiles the kernels. Call only after {@link CudaProbe#status()} said available.
     *
     * @throws IllegalStateException when any step fails (what was acquired is released)
     */
    public CudaBackend(int ordinal) {
        JCudaDriver.setExceptionsEnabled(true);
        JCublas2.setExceptionsEnabled(true);
        JNvrtc.setExceptionsEnabled(true);
        device = new CUdevice();
        JCudaDriver.cuInit(0);
        JCudaDriver.cuDeviceGet(device, ordinal);
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        try {
            JCudaDriver.cuCtxSetCurrent(context);
            description = CudaProbe.description(deviceName(device), totalMemory(device));
            int[] multiprocessors = {0};
            JCudaDriver.cuDeviceGetAttribute(multiprocessors,
                    CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device);
            maxBlocks = LaunchConfig.maxBlocks(multiprocessors[0]);
            JCublas2.cublasCreate(handle);
            JCublas2.cublasSetMathMode(handle, cublasMath.CUBLAS_DEFAULT_MATH);
            cublas = new JCublasGemm(handle);
            JCudaDriver.cuModuleLoadData(module, compile(CudaKernels.source()));
            for (Kernel kernel : Kernel.values()) {
                CUfunction function = new CUfunction();
                JCudaDriver.cuModuleGetFunction(function, module, kernel.cudaName());
                functions.put(kernel, function);
            }
            JCudaDriver.cuMemAlloc(badIndexFlag, Sizeof.INT);
            JCudaDriver.cuMemsetD32(badIndexFlag, 0, 1);
        } catch (RuntimeException e) {
            releaseQuietly();
            throw new IllegalStateException("CUDA backend could not start: " + e.getMessage(), e);
        }
    }

    /** Compiles the kernel source to PTX with NVRTC; a compilation error carries NVRTC's log. */
    static String compile(String source) {
        nvrtcProgram program = new nvrtcProgram();
        JNvrtc.nvrtcCreateProgram(program, source, "kernels.cu", 0, null, null);
        try {
            try {
                JNvrtc.nvrtcCompileProgram(program, CudaKernels.COMPILE_OPTIONS.size(),
                        CudaKernels.COMPILE_OPTIONS.toArray(new String[0]));
            } catch (CudaException e) {
                String[] log = new String[1];
                JNvrtc.nvrtcGetProgramLog(program, log);
                throw new IllegalStateException("kernels.cu does not compile: " + e.getMessage() + "\n" + log[0], e);
            }
            String[] ptx = new String[1];
            JNvrtc.nvrtcGetPTX(program, ptx);
            return ptx[0];
        } finally {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String description() {
        return description;
    }

    // ---- buffers ----

    @Override
    public DeviceBuffer allocate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("buffer length must be >= 0, was " + length);
        }
        makeCurrent();
        CUdeviceptr pointer = new CUdeviceptr();
        if (length > 0) {
            try {
                JCudaDriver.cuMemAlloc(pointer, length * Sizeof.FLOAT);
            } catch (CudaException e) {
                throw new IllegalStateException("out of device memory allocating " + length + " floats ("
                        + e.getMessage() + ")", e);
            }
            JCudaDriver.cuMemsetD32(pointer, 0, length);
        }
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
            makeCurrent();
            JCudaDriver.cuMemFree(pointer);
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
        makeCurrent();
        float[] chunk = srcOffset == 0 ? src : Arrays.copyOfRange(src, srcOffset, srcOffset + count);
        JCudaDriver.cuMemcpyHtoD(d.pointer().withByteOffset(dstOffset * Sizeof.FLOAT), Pointer.to(chunk),
                (long) count * Sizeof.FLOAT);
    }

    @Override
    public void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(dstOffset, count, dst.length);
        CudaBuffer s = elementwise.own(src);
        CudaRanges.requireInside("download source", s, srcOffset, count);
        if (count == 0) {
            return;
        }
        makeCurrent();
        float[] chunk = dstOffset == 0 ? dst : new float[count];
        JCudaDriver.cuMemcpyDtoH(Pointer.to(chunk), s.pointer().withByteOffset(srcOffset * Sizeof.FLOAT),
                (long) count * Sizeof.FLOAT);
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
        makeCurrent();
        if (k == 0) {
            // C = beta C, done here rather than trusting every cuBLAS version with k = 0
            elementwise.scale(batch, call.cSize(), beta, new Strided(dc, cOffset, cStride));
            return;
        }
        CublasGemmMapping.gemmBatched(cublas, transA, transB, m, n, k, alpha,
                da.pointer(), aOffset, aStride, db.pointer(), bOffset, bStride,
                beta, dc.pointer(), cOffset, cStride, batch);
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

    @Override
    public void close() {
        if (closed) {
            return;
        }
        makeCurrent();
        for (CudaBuffer buffer : new ArrayList<>(open)) {
            CUdeviceptr pointer = buffer.detach();
            if (pointer != null && buffer.length() > 0) {
                JCudaDriver.cuMemFree(pointer);
            }
        }
        open.clear();
        closed = true;
        releaseQuietly();
    }

    /** Frees the flag, the module and the handle, and releases the context; ignores what was never made. */
    private void releaseQuietly() {
        closed = true;
        Runnable[] steps = {
            () -> JCudaDriver.cuMemFree(badIndexFlag),
            () -> JCudaDriver.cuModuleUnload(module),
            () -> JCublas2.cublasDestroy(handle),
            () -> JCudaDriver.cuCtxSetCurrent(new CUcontext()),
            () -> JCudaDriver.cuDevicePrimaryCtxRelease(device),
        };
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException ignored) {
                // a step whose object was never created fails; the others still run
            }
        }
    }

    /** Live buffers, for tests of {@link #close()}. */
    int openBuffers() {
        return open.size();
    }

    // ---- helpers ----

    private void makeCurrent() {
        if (closed) {
            throw new IllegalStateException("CUDA backend used after close");
        }
        JCudaDriver.cuCtxSetCurrent(context);
    }

    @Override
    public void launch(Kernel kernel, long items, KernelArgs args) {
        LaunchConfig config = LaunchConfig.forItems(items, maxBlocks);
        if (config.isEmpty()) {
            return;
        }
        makeCurrent();
        JCudaDriver.cuLaunchKernel(functions.get(kernel),
                config.gridBlocks(), 1, 1, config.threadsPerBlock(), 1, 1,
                0, null, args.toKernelParams(), null);
    }

    @Override
    public CUdeviceptr badIndexFlag() {
        return badIndexFlag;
    }

    /** Reads (and clears) the device's bad-index flag; the copy waits for the kernels before it. */
    @Override
    public void throwIfBadIndex(String message) {
        makeCurrent();
        int[] flag = {0};
        JCudaDriver.cuMemcpyDtoH(Pointer.to(flag), badIndexFlag, Sizeof.INT);
        if (flag[0] != 0) {
            JCudaDriver.cuMemsetD32(badIndexFlag, 0, 1);
            throw new IllegalArgumentException(message);
        }
    }

    private static String deviceName(CUdevice device) {
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, device);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static long totalMemory(CUdevice device) {
        long[] bytes = {0};
        JCudaDriver.cuDeviceTotalMem(bytes, device);
        return bytes[0];
    }
}
