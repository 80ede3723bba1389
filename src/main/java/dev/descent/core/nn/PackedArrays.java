package dev.descent.core.nn;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Arrays that cross the bus together: consecutive slices of one backend buffer, mirrored
 * by one host array, so that what the K nets' layers hold moves in one copy per direction.
 * Host writes are staged and sent by {@link #flush()} (before the pass that reads them);
 * after the device writes ({@link #deviceWrote()}), the first read downloads everything
 * once. The floats are the same as with per-array copies, so results are bit for bit equal.
 */
final class PackedArrays {
    private final Backend backend;
    private final DeviceBuffer memory;
    private final float[] host;
    private final Map<DeviceBuffer, Integer> base = new IdentityHashMap<>();
    private int used;
    private boolean hostNewer;
    private boolean deviceNewer;

    PackedArrays(Backend backend, DeviceBuffer memory) {
        this.backend = backend;
        this.memory = memory;
        this.host = new float[Math.toIntExact(memory.length())];
    }

    /** The next {@code length} floats, as a buffer of their own. */
    DeviceBuffer next(long length) {
        DeviceBuffer slice = memory.slice(used, length);
        base.put(slice, used);
        used += Math.toIntExact(length);
        return slice;
    }

    /** Every float handed out: the sizes computed up front match the arrays made. */
    void requireFull() {
        if (used != host.length) {
            throw new IllegalStateException("packed arrays use " + used + " of " + host.length + " floats");
        }
    }

    /** As {@link Backend#upload} into one of the slices; staged until {@link #flush()}. */
    void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count) {
        System.arraycopy(src, srcOffset, host, at(dst, dstOffset, count), count);
        hostNewer = true;
    }

    /** Sends the staged writes: one copy of the whole. */
    void flush() {
        if (hostNewer) {
            backend.upload(host, 0, memory, 0, host.length);
            hostNewer = false;
        }
    }

    /** The device has written these arrays; the next {@link #download} fetches them. */
    void deviceWrote() {
        deviceNewer = true;
    }

    /** As {@link Backend#download} from one of the slices; the first read after the device wrote copies the whole. */
    void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        fetch();
        System.arraycopy(host, at(src, srcOffset, count), dst, dstOffset, count);
    }

    /**
     * As {@link #download} into doubles; returns the sum of the squares of the values, in the
     * order of {@link MlpBatch#sumOfSquares} (so the same bits as summing {@code dst} afterwards,
     * without a second pass over it).
     */
    double downloadWithSquares(DeviceBuffer src, long srcOffset, double[] dst, int dstOffset, int count) {
        fetch();
        int at = at(src, srcOffset, count);
        float[] h = host;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double v0 = h[at + i];
            double v1 = h[at + i + 1];
            double v2 = h[at + i + 2];
            double v3 = h[at + i + 3];
            dst[dstOffset + i] = v0;
            dst[dstOffset + i + 1] = v1;
            dst[dstOffset + i + 2] = v2;
            dst[dstOffset + i + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; i < count; i++) {
            double v = h[at + i];
            dst[dstOffset + i] = v;
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private void fetch() {
        if (deviceNewer) {
            backend.download(memory, 0, host, 0, host.length);
            deviceNewer = false;
        }
    }

    private int at(DeviceBuffer slice, long offset, int count) {
        Integer start = base.get(slice);
        if (start == null || offset < 0 || offset + count > slice.length()) {
            throw new IllegalArgumentException("range [" + offset + ", " + (offset + count)
                    + ") is not inside one of these packed arrays");
        }
        return Math.toIntExact(start + offset);
    }
}
