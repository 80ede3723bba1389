package dev.descent.cuda;

/**
 * The native steps of {@link CudaProbe}, each one or two JCuda calls, behind an interface so
 * that the probe's reasons are tested without a GPU. Any step may throw a
 * {@link LinkageError} (a missing native library) or a {@code jcuda.CudaException}.
 */
interface CudaProbeSteps {

    /** Loads the driver library and calls {@code cuInit(0)}. */
    void initDriver();

    /** {@code cuDeviceGetCount}. */
    int deviceCount();

    /** {@code cuDeviceGetName} of device {@code ordinal}. */
    String deviceName(int ordinal);

    /** {@code cuDeviceTotalMem} of device {@code ordinal}, in bytes. */
    long deviceMemoryBytes(int ordinal);

    /** Creates and destroys a cuBLAS handle on device {@code ordinal}'s primary context. */
    void checkCublas(int ordinal);

    /** Compiles kernels.cu with NVRTC to PTX (kept for the backends that follow: {@link KernelPtx}). */
    void checkNvrtc();

    /**
     * Loads the PTX into device {@code ordinal}'s primary context ({@code cuModuleLoadData}),
     * finds every kernel and unloads it: the driver JIT-compiles the PTX here, so a driver
     * older than the PTX (CUDA_ERROR_UNSUPPORTED_PTX_VERSION) is found by the probe, not at start.
     */
    void checkKernelsLoad(int ordinal);

    /** Releases what the steps hold (the primary context); called once, after the last step, even after a failure. */
    void release();
}
