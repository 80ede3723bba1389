package dev.descent.cuda;

import jcuda.driver.CUdeviceptr;

/**
 * The native side of {@link CudaBackend}: device memory, copies, cuBLAS and kernel launches.
 * {@link JCudaDevice} is the GPU; tests put a host implementation behind the same backend
 * logic. Pointers are {@link CUdeviceptr} handles; offsets and counts are in floats.
 */
interface CudaDevice extends KernelLauncher {

    /** "cuda (NVIDIA A10, 22.5 GiB)". */
    String description();

    /** {@code floats} zero-filled floats (at least 1). */
    CUdeviceptr allocate(long floats);

    void free(CUdeviceptr pointer);

    /** Copies {@code src[0..count)} to {@code dst[dstOffset..]}. */
    void copyToDevice(float[] src, CUdeviceptr dst, long dstOffset, int count);

    /** Copies {@code src[srcOffset..]} to {@code dst[0..count)}, after all work queued before. */
    void copyToHost(CUdeviceptr src, long srcOffset, float[] dst, int count);

    /** The GEMM routine. */
    Cublas<CUdeviceptr> cublas();

    /** Frees what the device itself holds (module, handle, flag) and releases the context. */
    void close();
}
