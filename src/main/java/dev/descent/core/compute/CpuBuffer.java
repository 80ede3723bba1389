package dev.descent.core.compute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A CPU backend buffer: off-heap float32 memory seen as a direct {@link FloatBuffer}
 * (absolute get/put), so native BLAS reads it without copying.
 */
public class CpuBuffer implements DeviceBuffer {
    private final long length;
    private FloatBuffer data;
    /** The native address of {@code data}, found once by a native GEMM; 0 until then. */
    private long nativeAddress;

    public CpuBuffer(long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer length must be in [0, 2^31), was " + length);
        }
        this.length = length;
        this.data = ByteBuffer.allocateDirect((int) length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The floats; absolute indexing only. Throws once closed. */
    public FloatBuffer data() {
        if (data == null) {
            throw new IllegalStateException("buffer used after close");
        }
        return data;
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
    public void close() {
        data = null;
    }
}
