package dev.descent.core.compute;

/**
 * A float32 array owned by a {@link Backend}: off-heap memory for the CPU backend, device
 * memory for CUDA. Only the backend that allocated it may use it. Closing frees it.
 */
public interface DeviceBuffer extends AutoCloseable {

    /** Number of floats. */
    long length();

    @Override
    void close();
}
