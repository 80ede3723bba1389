package dev.descent.cuda;

import dev.descent.core.compute.DeviceBuffer;
import jcuda.driver.CUdeviceptr;

/** Device memory of a {@link CudaBackend}: {@code length} floats at a {@link CUdeviceptr}. */
final class CudaBuffer implements DeviceBuffer {

    /** Who frees a buffer on close. */
    interface Owner {
        void free(CudaBuffer buffer);
    }

    private final Owner owner;
    private final long length;
    private CUdeviceptr pointer;

    /** @param pointer the allocation; a null device pointer for length 0 */
    CudaBuffer(Owner owner, long length, CUdeviceptr pointer) {
        this.owner = owner;
        this.length = length;
        this.pointer = pointer;
    }

    Owner owner() {
        return owner;
    }

    /** {@code buffer} as a CUDA buffer. */
    static CudaBuffer of(DeviceBuffer buffer) {
        if (buffer instanceof CudaBuffer cb) {
            return cb;
        }
        throw new IllegalArgumentException("buffer does not belong to the CUDA backend: " + buffer);
    }

    /** The device address. Throws once closed. */
    CUdeviceptr pointer() {
        if (pointer == null) {
            throw new IllegalStateException("buffer used after close");
        }
        return pointer;
    }

    boolean isOpen() {
        return pointer != null;
    }

    /** Forgets the pointer; returns it so the owner can free it (null when already closed). */
    CUdeviceptr detach() {
        CUdeviceptr p = pointer;
        pointer = null;
        return p;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() {
        owner.free(this);
    }
}
