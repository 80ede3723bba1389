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

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() {
        data = null;
    }
}
