package dev.descent.cuda;

import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import dev.descent.core.compute.Transpose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CudaBackend}'s buffer ownership and lifetime, on a host-simulated device. */
class CudaBackendLifecycleTest {

    private final HostCudaDevice device = HostCudaDevice.withoutKernels();
    private final CudaBackend backend = new CudaBackend(device);

    @Test
    void closeFreesEveryOpenBufferAndTheDevice() {
        backend.allocate(10);
        DeviceBuffer closedEarly = backend.allocate(5);
        backend.allocate(0);
        closedEarly.close();
        assertEquals(1, device.liveAllocations(), "a zero-length buffer takes no device memory");
        assertEquals(2, backend.openBuffers());
        backend.close();
        assertEquals(0, device.liveAllocations());
        assertEquals(0, backend.openBuffers());
        assertTrue(device.isClosed());
    }

    @Test
    void closingTwiceAndClosingBuffersAfterTheBackendAreHarmless() {
        DeviceBuffer buffer = backend.allocate(4);
        backend.close();
        backend.close();
        buffer.close();
        buffer.close();
        assertEquals(0, device.liveAllocations());
    }

    @Test
    void aSliceTakesNoDeviceMemoryAndItsCloseFreesNothing() {
        DeviceBuffer buffer = backend.allocate(10);
        DeviceBuffer slice = buffer.slice(2, 5);
        assertEquals(1, device.liveAllocations());
        assertEquals(1, backend.openBuffers());
        slice.close();
        assertEquals(1, device.liveAllocations());
        backend.upload(new float[]{1, 2}, 0, slice, 3, 2);
        float[] back = new float[10];
        backend.download(buffer, 0, back, 0, 10);
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 1, 2, 0, 0, 0}, back);
        buffer.close();
        assertEquals(0, device.liveAllocations());
        assertThrows(IllegalStateException.class, () -> backend.upload(new float[1], 0, slice, 0, 1));
    }

    @Test
    void useAfterCloseIsAnError() {
        DeviceBuffer buffer = backend.allocate(4);
        backend.close();
        assertEquals("CUDA backend used after close",
                assertThrows(IllegalStateException.class, () -> backend.allocate(1)).getMessage());
        assertEquals("buffer used after close",
                assertThrows(IllegalStateException.class, () -> backend.download(buffer, 0, new float[4], 0, 4)).getMessage());
    }

    @Test
    void aBufferOfAnotherBackendIsRejected() {
        try (CudaBackend other = new CudaBackend(HostCudaDevice.withoutKernels())) {
            DeviceBuffer foreign = other.allocate(4);
            assertThrows(IllegalArgumentException.class, () -> backend.upload(new float[4], 0, foreign, 0, 4));
        }
    }

    @Test
    void uploadAndDownloadWithHostOffsetsCopyOnlyTheirRange() {
        DeviceBuffer buffer = backend.allocate(6);
        backend.upload(new float[]{9, 1, 2, 3, 9}, 1, buffer, 2, 3);
        float[] back = {7, 7, 7, 7, 7, 7, 7};
        backend.download(buffer, 1, back, 2, 4);
        assertArrayEquals(new float[]{7, 7, 0, 1, 2, 3, 7}, back);
        assertThrows(IllegalArgumentException.class, () -> backend.upload(new float[3], 0, buffer, 4, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> backend.download(buffer, 0, new float[3], 1, 3));
    }

    @Test
    void gemmGoesThroughTheMappingWithSwappedOperands() {
        // A = [1 2 3; 4 5 6] (2x3), B = [7 8; 9 10; 11 12] (3x2): A B = [58 64; 139 154]
        DeviceBuffer a = backend.allocate(6);
        DeviceBuffer b = backend.allocate(6);
        DeviceBuffer c = backend.allocate(4);
        backend.upload(new float[]{1, 2, 3, 4, 5, 6}, 0, a, 0, 6);
        backend.upload(new float[]{7, 8, 9, 10, 11, 12}, 0, b, 0, 6);
        backend.gemmBatched(Transpose.NO, Transpose.NO, 2, 2, 3, 1f, a, 0, 0, b, 0, 0, 0f, c, 0, 0, 1);
        float[] out = new float[4];
        backend.download(c, 0, out, 0, 4);
        assertArrayEquals(new float[]{58, 64, 139, 154}, out);
    }

    @Test
    void nameAndDescriptionComeFromTheDevice() {
        assertEquals("cuda", backend.name());
        assertEquals("cuda (host simulation)", backend.description());
        assertFalse(device.isClosed());
    }

    @Test
    void elementwiseRangeErrorsComeBeforeAnyLaunch() {
        DeviceBuffer x = backend.allocate(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.columnSums(2, 1, 3, Strided.of(x, 3), Strided.of(x, 3)));
        assertTrue(e.getMessage().startsWith("x needs floats up to index 6"), e.getMessage());
        assertEquals(0, device.launches());
    }
}
