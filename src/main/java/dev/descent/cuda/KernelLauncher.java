package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUdeviceptr;

/** Launches the kernels of {@code kernels.cu}; on the GPU, {@link CudaBackend}. */
interface KernelLauncher {

    /** Launches {@code kernel} over {@code items} work items (nothing for 0) with {@code args}. */
    void launch(Kernel kernel, long items, KernelArgs args);

    /** The device int that kernels set to 1 on an index out of range. */
    CUdeviceptr badIndexFlag();

    /**
     * Waits for the kernels, reads the bad-index flag and clears it.
     *
     * @throws IllegalArgumentException with {@code message} when it was set
     */
    void throwIfBadIndex(String message);
}
