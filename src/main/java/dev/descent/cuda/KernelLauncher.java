package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUdeviceptr;

/** Launches the kernels of {@code kernels.cu}; on the GPU, {@link JCudaDevice}. */
interface KernelLauncher {

    /** Launches {@code kernel} over {@code items} work items (nothing for 0) with {@code args}. */
    void launch(Kernel kernel, long items, KernelArgs args);

    /** The device int into which kernels OR a {@code CudaKernels.BAD_*} bit on an index out of range. */
    CUdeviceptr badIndexFlag();

    /** Waits for the kernels queued so far, reads the bad-index flag and clears it: the bits set since the last read. */
    int takeBadIndexFlag();
}
