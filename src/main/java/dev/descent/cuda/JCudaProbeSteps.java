package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;

import java.nio.charset.StandardCharsets;

/**
 * The probe's steps as real JCuda calls, exceptions enabled. The primary context is retained
 * once, by the first step that needs it, and released by {@link #release()}, so the probe
 * creates it once.
 */
final class JCudaProbeSteps implements CudaProbeSteps {

    /** The device whose primary context is retained, and that context; null before the first step needing it. */
    private CUdevice retained;
    private CUcontext context;

    @Override
    public void initDriver() {
        JCudaDriver.setExceptionsEnabled(true);
        JCudaDriver.cuInit(0);
    }

    @Override
    public int deviceCount() {
        int[] count = {0};
        JCudaDriver.cuDeviceGetCount(count);
        return count[0];
    }

    @Override
    public String deviceName(int ordinal) {
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, device(ordinal));
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, StandardCharsets.US_ASCII);
    }

    @Override
    public long deviceMemoryBytes(int ordinal) {
        long[] bytes = {0};
        JCudaDriver.cuDeviceTotalMem(bytes, device(ordinal));
        return bytes[0];
    }

    @Override
    public void checkCublas(int ordinal) {
        makeContextCurrent(ordinal);
        JCublas2.setExceptionsEnabled(true);
        cublasHandle handle = new cublasHandle();
        JCublas2.cublasCreate(handle);
        JCublas2.cublasDestroy(handle);
    }

    /** Compiles the real kernels, so a source this NVRTC rejects means CPU with a reason, not a failed start. */
    @Override
    public void checkNvrtc() {
        KernelPtx.get();
    }

    @Override
    public void checkKernelsLoad(int ordinal) {
        makeContextCurrent(ordinal);
        CUmodule module = new CUmodule();
        JCudaDriver.cuModuleLoadData(module, KernelPtx.get());
        try {
            for (Kernel kernel : Kernel.values()) {
                JCudaDriver.cuModuleGetFunction(new CUfunction(), module, kernel.cudaName());
            }
        } finally {
            JCudaDriver.cuModuleUnload(module);
        }
    }

    @Override
    public void release() {
        if (retained == null) {
            return;
        }
        CUdevice device = retained;
        retained = null;
        context = null;
        try {
            JCudaDriver.cuCtxSetCurrent(new CUcontext());
        } finally {
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
        }
    }

    private void makeContextCurrent(int ordinal) {
        if (context == null) {
            CUdevice device = device(ordinal);
            CUcontext primary = new CUcontext();
            JCudaDriver.cuDevicePrimaryCtxRetain(primary, device);
            retained = device;
            context = primary;
        }
        JCudaDriver.cuCtxSetCurrent(context);
    }

    private static CUdevice device(int ordinal) {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, ordinal);
        return device;
    }
}
