package dev.descent.core.compute;

/**
 * One array per net of a batch of K nets inside one buffer: net {@code p}'s array starts at
 * {@code offset + p * stride}. A stride of 0 shares one array across the batch (the same
 * minibatch, dropout mask or target column for every net).
 *
 * @param buffer where the arrays live
 * @param offset the first element of net 0, in floats, {@code >= 0}
 * @param stride the distance between consecutive nets' arrays, in floats, {@code >= 0}
 */
public record Strided(DeviceBuffer buffer, long offset, long stride) {

    public Strided {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must not be null");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (stride < 0) {
            throw new IllegalArgumentException("stride must be >= 0, was " + stride);
        }
    }

    /** Packed arrays of {@code stride} floats per net, starting at 0. */
    public static Strided of(DeviceBuffer buffer, long stride) {
        return new Strided(buffer, 0, stride);
    }

    /** One array at offset 0 shared by every net (stride 0). */
    public static Strided shared(DeviceBuffer buffer) {
        return new Strided(buffer, 0, 0);
    }

    /**
     * Checks that this array, written by {@code batch} nets with {@code extent} floats each,
     * gives every net its own floats: with more than one net the stride must be at least the
     * extent. A smaller stride (stride 0 above all) would have several nets write the same
     * floats: one after the other on the CPU, racing on a GPU. Every backend checks each
     * output of an element-wise operation with this before computing.
     *
     * @throws IllegalArgumentException naming the array
     */
    public void requireSeparate(String name, int batch, long extent) {
        if (batch > 1 && extent > 0 && stride < extent) {
            throw new IllegalArgumentException(name + " is written by " + batch + " nets with " + extent
                    + " floats each, so its stride must be >= " + extent + " for the nets not to overlap, was "
                    + stride);
        }
    }

    /** Index of element {@code i} of net {@code p}. */
    public long index(int p, long i) {
        return offset + p * stride + i;
    }
}
