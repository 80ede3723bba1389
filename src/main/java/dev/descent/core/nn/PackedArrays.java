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
        if (deviceNewer) {
            backend.download(memory, 0, host, 0, host.length);
            deviceNewer = false;
        }
        System.arraycopy(host, at(src, srcOffset, count), dst, dstOffset, count);
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
