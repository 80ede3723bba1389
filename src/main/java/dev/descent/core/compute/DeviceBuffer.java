package dev.descent.core.compute;

/**
 * A float32 array owned by a {@link Backend}: off-heap memory for the CPU backend, device
 * memory for CUDA. Only the backend that allocated it may use it. Closing frees it.
 *
 * <p>A {@linkplain #slice slice} is a view of part of a buffer: the same floats, usable
 * wherever a buffer is. Slices let arrays that are used apart (each layer's weights) live in
 * one allocation, so that all of them cross the bus in one copy.
 */
public interface DeviceBuffer extends AutoCloseable {

    /** Number of floats. */
    long length();

    /**
     * A view of floats {@code [offset, offset + length)} of this buffer. Writing through either
     * changes both. Closing a view does nothing; a view is unusable once the buffer it was cut
     * from is closed.
     *
     * @throws IllegalArgumentException when the range is not inside this buffer
     */
    DeviceBuffer slice(long offset, long length);

    /** The allocation this buffer's floats live in: itself, or for a slice the buffer it was cut from. */
    default DeviceBuffer memory() {
        return this;
    }

    /** Where this buffer's float 0 lies in {@link #memory()}. */
    default long memoryOffset() {
        return 0;
    }

    @Override
    void close();

    /**
     * Checks a slice's range against the length of the buffer it is cut from.
     *
     * @throws IllegalArgumentException when {@code [offset, offset + length)} is not inside {@code [0, bufferLength)}
     */
    static void requireSliceInside(long offset, long length, long bufferLength) {
        if (offset < 0 || length < 0 || offset > bufferLength - length) {
            throw new IllegalArgumentException("slice [" + offset + ", " + (offset + length)
                    + ") is outside its buffer of " + bufferLength + " floats");
        }
    }
}
