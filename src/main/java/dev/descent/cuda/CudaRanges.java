package dev.descent.cuda;

import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;

/**
 * Host-side range checks. The CPU backend's buffers throw on a bad index; device memory does
 * not, so every range a kernel or copy will touch is checked before the launch.
 */
final class CudaRanges {

    private CudaRanges() {
    }

    /**
     * Checks that {@code extent} floats of every net {@code p < batch} of {@code s} lie inside its buffer.
     *
     * @throws IllegalArgumentException naming the array
     */
    static void requireInside(String name, Strided s, int batch, long extent) {
        if (batch < 0 || extent < 0) {
            throw new IllegalArgumentException("batch and sizes must be >= 0, were " + batch + " and " + extent);
        }
        if (batch == 0 || extent == 0) {
            return;
        }
        long end = s.offset() + (batch - 1L) * s.stride() + extent;
        if (end > s.buffer().length()) {
            throw new IllegalArgumentException(name + " needs floats up to index " + end + " (offset " + s.offset()
                    + ", stride " + s.stride() + ", " + extent + " per net, batch " + batch
                    + ") but its buffer holds " + s.buffer().length());
        }
    }

    /** Checks that {@code [offset, offset + count)} lies inside {@code buffer}. */
    static void requireInside(String name, DeviceBuffer buffer, long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > buffer.length()) {
            throw new IllegalArgumentException(name + " range [" + offset + ", " + (offset + count)
                    + ") is outside its buffer of " + buffer.length() + " floats");
        }
    }
}
