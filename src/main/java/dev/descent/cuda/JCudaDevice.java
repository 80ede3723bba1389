package dev.descent.cuda;

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

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A GPU through JCuda 12.6, exceptions enabled: the device's primary context (shared with
 * cuBLAS), a cuBLAS handle in the default math mode (no TF32), the kernels of
 * {@code kernels.cu} as PTX compiled once per process ({@link KernelPtx}) and loaded with
 * {@code cuModuleLoadData}. Everything
 * runs on the default stream, in order.
 *
 * <p>Every call first makes the context current on the calling thread
 * ({@code cuCtxSetCurrent}): the engine thread that steps a race may differ from the thread
 * that created the device, as long as one thread at a time uses it.
 */
final class JCudaDevice implements CudaDevice {

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final cublasHandle handle = new cublasHandle();
    private final CUmodule module = new CUmodule();
    private final Map<Kernel, CUfunction> functions = new EnumMap<>(Kernel.class);
    /** One int into which kernels OR a {@code CudaKernels.BAD_*} bit on an index out of range. */
    private final CUdeviceptr badIndexFlag = new CUdeviceptr();
    private final String description;
    private final int maxBlocks;
    private final Cublas<CUdeviceptr> cublas;
    private boolean closed;

    /**
     * Opens device {@code ordinal}.
     *
     * @throws IllegalStateException when a step fails (what was acquired is released)
     */
    JCudaDevice(int ordinal) {
        JCudaDriver.setExceptionsEnabled(true);
        JCublas2.setExceptionsEnabled(true);
        JNvrtc.setExceptionsEnabled(true);
        JCudaDriver.cuInit(0);
        JCudaDriver.cuDeviceGet(device, ordinal);
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        try {
            JCudaDriver.cuCtxSetCurrent(context);
            description = CudaProbe.description(deviceName(), totalMemory());
            int[] multiprocessors = {0};
            JCudaDriver.cuDeviceGetAttribute(multiprocessors,
                    CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device);
            maxBlocks = LaunchConfig.maxBlocks(multiprocessors[0]);
            JCublas2.cublasCreate(handle);
            JCublas2.cublasSetMathMode(handle, cublasMath.CUBLAS_DEFAULT_MATH);
            cublas = new JCublasGemm(handle);
            JCudaDriver.cuModuleLoadData(module, KernelPtx.get());
            for (Kernel kernel : Kernel.values()) {
                CUfunction function = new CUfunction();
                JCudaDriver.cuModuleGetFunction(function, module, kernel.cudaName());
                functions.put(kernel, function);
            }
            JCudaDriver.cuMemAlloc(badIndexFlag, Sizeof.INT);
            JCudaDriver.cuMemsetD32(badIndexFlag, 0, 1);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("CUDA backend could not start: " + CudaProbe.startFailure(e), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public CUdeviceptr allocate(long floats) {
        makeCurrent();
        return allocateCleared(() -> {
            CUdeviceptr pointer = new CUdeviceptr();
            try {
                JCudaDriver.cuMemAlloc(pointer, floats * Sizeof.FLOAT);
            } catch (CudaException e) {
                throw new IllegalStateException("out of device memory allocating " + floats + " floats ("
                        + e.getMessage() + ")", e);
            }
            return pointer;
        }, pointer -> JCudaDriver.cuMemsetD32(pointer, 0, floats), JCudaDriver::cuMemFree);
    }

    /**
     * Allocates with {@code allocate} and clears with {@code clear}; when clearing fails the
     * allocation is freed before the failure propagates, so no device memory leaks.
     */
    static <P> P allocateCleared(Supplier<P> allocate, Consumer<P> clear, Consumer<P> free) {
        P pointer = allocate.get();
        try {
            clear.accept(pointer);
        } catch (RuntimeException e) {
            try {
                free.accept(pointer);
            } catch (RuntimeException freeFailure) {
                e.addSuppressed(freeFailure);
            }
            throw e;
        }
        return pointer;
    }

    @Override
    public void free(CUdeviceptr pointer) {
        makeCurrent();
        JCudaDriver.cuMemFree(pointer);
    }

    @Override
    public void copyToDevice(float[] src, CUdeviceptr dst, long dstOffset, int count) {
        makeCurrent();
        JCudaDriver.cuMemcpyHtoD(dst.withByteOffset(dstOffset * Sizeof.FLOAT), Pointer.to(src),
                (long) count * Sizeof.FLOAT);
    }

    @Override
    public void copyToHost(CUdeviceptr src, long srcOffset, float[] dst, int count) {
        makeCurrent();
        JCudaDriver.cuMemcpyDtoH(Pointer.to(dst), src.withByteOffset(srcOffset * Sizeof.FLOAT),
                (long) count * Sizeof.FLOAT);
    }

    @Override
    public Cublas<CUdeviceptr> cublas() {
        return (call, a, b, c) -> {
            makeCurrent();
            cublas.sgemmStridedBatched(call, a, b, c);
        };
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

    /** Reads (and clears) the bad-index flag; the copy waits for the kernels queued before it. */
    @Override
    public int takeBadIndexFlag() {
        makeCurrent();
        int[] flag = {0};
        JCudaDriver.cuMemcpyDtoH(Pointer.to(flag), badIndexFlag, Sizeof.INT);
        if (flag[0] != 0) {
            JCudaDriver.cuMemsetD32(badIndexFlag, 0, 1);
        }
        return flag[0];
    }

    /** Frees the flag, the module and the handle, and releases the context; skips what was never made. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Runnable[] steps = {
            () -> JCudaDriver.cuCtxSetCurrent(context),
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

    private void makeCurrent() {
        if (closed) {
            throw new IllegalStateException("CUDA backend used after close");
        }
        JCudaDriver.cuCtxSetCurrent(context);
    }

    private String deviceName() {
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, device);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, StandardCharsets.US_ASCII);
    }

    private long totalMemory() {
        long[] bytes = {0};
        JCudaDriver.cuDeviceTotalMem(bytes, device);
        return bytes[0];
    }
}
