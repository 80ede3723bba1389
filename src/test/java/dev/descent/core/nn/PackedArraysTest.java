package dev.descent.core.nn;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import dev.descent.core.compute.DeviceBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link PackedArrays}: staged uploads go out in one copy, device writes come back in one. */
class PackedArraysTest {

    private final CpuBackend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
    private final DeviceBuffer memory = backend.allocate(7);
    private final PackedArrays packed = new PackedArrays(backend, memory);

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void stagedWritesReachTheDeviceOnlyAtFlush() {
        DeviceBuffer a = packed.next(3);
        DeviceBuffer b = packed.next(4);
        packed.requireFull();
        packed.upload(new float[]{9, 1, 2}, 1, a, 1, 2);
        packed.upload(new float[]{5}, 0, b, 3, 1);
        float[] device = new float[7];
        backend.download(memory, 0, device, 0, 7);
        assertArrayEquals(new float[7], device, "nothing sent before flush");
        packed.flush();
        backend.download(memory, 0, device, 0, 7);
        assertArrayEquals(new float[]{0, 1, 2, 0, 0, 0, 5}, device);
    }

    @Test
    void readsAfterADeviceWriteFetchTheWholeOnce() {
        DeviceBuffer a = packed.next(3);
        DeviceBuffer b = packed.next(4);
        backend.upload(new float[]{1, 2, 3, 4, 5, 6, 7}, 0, memory, 0, 7);
        float[] out = new float[2];
        packed.download(b, 1, out, 0, 2);
        assertArrayEquals(new float[]{0, 0}, out, "without deviceWrote the host copy is current");
        packed.deviceWrote();
        packed.download(b, 1, out, 0, 2);
        assertArrayEquals(new float[]{5, 6}, out);
        backend.upload(new float[]{8}, 0, memory, 0, 1);
        packed.download(a, 0, out, 0, 2);
        assertArrayEquals(new float[]{1, 2}, out, "one fetch per device write");
    }

    @Test
    void sizesThatDoNotAddUpAndForeignRangesAreErrors() {
        DeviceBuffer a = packed.next(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, packed::requireFull);
        assertEquals("packed arrays use 3 of 7 floats", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> packed.upload(new float[4], 0, a, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> packed.upload(new float[1], 0, memory, 0, 1));
    }
}
