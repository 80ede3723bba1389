package dev.descent.cuda;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.nvrtc.JNvrtc;

import java.nio.charset.StandardCharsets;

/** The probe's steps as real JCuda calls, exceptions enabled. */
final class JCudaProbeSteps implements CudaProbeSteps {

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
        CUdevice device = device(ordinal);
        CUcontext context = new CUcontext();
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        try {
            JCudaDriver.cuCtxSetCurrent(context);
            JCublas2.setExceptionsEnabled(true);
            cublasHandle handle = new cublasHandle();
            JCublas2.cublasCreate(handle);
            JCublas2.cublasDestroy(handle);
        } finally {
            JCudaDriver.cuCtxSetCurrent(new CUcontext());
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
        }
    }

    /** Compiles the real kernels, so a source this NVRTC rejects means CPU with a reason, not a failed start. */
    @Override
    public void checkNvrtc() {
        JNvrtc.setExceptionsEnabled(true);
        JCudaDevice.compile(CudaKernels.source());
    }

    private static CUdevice device(int ordinal) {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, ordinal);
        return device;
    }
}
