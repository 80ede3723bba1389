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

    /** Compiles kernels.cu with NVRTC to PTX. */
    void checkNvrtc();
}
