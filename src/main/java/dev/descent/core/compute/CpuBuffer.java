package dev.descent.core.compute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A CPU backend buffer: off-heap float32 memory seen as a direct {@link FloatBuffer}
 * (absolute get/put), so native BLAS reads it without copying. A slice sees part of its
 * allocation's memory through {@link FloatBuffer#slice(int, int)}. The same memory is also
 * seen as ints ({@link #bits()}): the kernels that only test signs and mask bits (ReLU) work
 * on the raw float bits there, in integer loops the JIT vectorizes.
 */
public class CpuBuffer implements DeviceBuffer {
    private final long length;
    /** The allocation a slice is cut from; null for an allocation. */
    private final CpuBuffer allocation;
    private final long offset;
    private FloatBuffer data;
    private IntBuffer bits;
    /** The native address of {@code data}, found once by a native GEMM; 0 until then. */
    private long nativeAddress;

    public CpuBuffer(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer length must be in [0, 2^31), was " + length);
        }
        this.length = length;
        this.allocation = null;
        this.offset = 0;
        ByteBuffer bytes = ByteBuffer.allocateDirect((int) length * Float.BYTES).order(ByteOrder.nativeOrder());
        this.data = bytes.asFloatBuffer();
        this.bits = bytes.asIntBuffer();
    }

    private CpuBuffer(CpuBuffer allocation, long offset, long length) {
        this.length = length;
        this.allocation = allocation;
        this.offset = offset;
        this.data = allocation.data().slice((int) offset, (int) length);
        this.bits = allocation.bits().slice((int) offset, (int) length);
    }

    /** The floats; absolute indexing only. Throws once closed (for a slice: once its allocation is closed). */
    public FloatBuffer data() {
        if (data == null || (allocation != null && allocation.data == null)) {
            throw new IllegalStateException("buffer used after close");
        }
        return data;
    }

    /** The same memory as {@link #data()}, each float's raw bits as an int. Throws once closed. */
    public IntBuffer bits() {
        data();
        return bits;
    }

    /** The cached native address of the floats (0 if not yet known). Throws once closed. */
    long nativeAddress() {
        data();
        return nativeAddress;
    }

    void nativeAddress(long address) {
        this.nativeAddress = address;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public DeviceBuffer slice(long from, long count) {
        DeviceBuffer.requireSliceInside(from, count, length);
        data();
        return allocation == null ? new CpuBuffer(this, from, count) : new CpuBuffer(allocation, offset + from, count);
    }

    @Override
    public DeviceBuffer memory() {
        return allocation == null ? this : allocation;
    }

    @Override
    public long memoryOffset() {
        return offset;
    }

    /** Frees an allocation; a slice's close does nothing (its memory is its allocation's). */
    @Override
    public void close() {
        if (allocation == null) {
            data = null;
            bits = null;
        }
    }
}
