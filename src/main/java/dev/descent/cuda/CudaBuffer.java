package dev.descent.cuda;

import dev.descent.core.compute.DeviceBuffer;
import jcuda.driver.CUdeviceptr;

/**
 * Device memory of a {@link CudaBackend}: {@code length} floats at a {@link CUdeviceptr}. A
 * slice shares its allocation's pointer and adds {@link #base()} to every offset it is used
 * with (kernels, copies and cuBLAS take offsets, never pointers into the middle of an allocation).
 */
final class CudaBuffer implements DeviceBuffer {

    /** Who frees a buffer on close. */
    interface Owner {
        void free(CudaBuffer buffer);
    }

    private final Owner owner;
    private final long length;
    /** The allocation a slice is cut from; null for an allocation. */
    private final CudaBuffer allocation;
    private final long base;
    private CUdeviceptr pointer;

    /** @param pointer the allocation; a null device pointer for length 0 */
    CudaBuffer(Owner owner, long length, CUdeviceptr pointer) {
        this.owner = owner;
        this.length = length;
        this.allocation = null;
        this.base = 0;
        this.pointer = pointer;
    }

    private CudaBuffer(CudaBuffer allocation, long base, long length) {
        this.owner = allocation.owner;
        this.length = length;
        this.allocation = allocation;
        this.base = base;
        this.pointer = null;
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

    /** The device address of the allocation (add {@link #base()} for a slice). Throws once closed. */
    CUdeviceptr pointer() {
        CUdeviceptr p = allocation == null ? pointer : allocation.pointer;
        if (p == null) {
            throw new IllegalStateException("buffer used after close");
        }
        return p;
    }

    /** Where this buffer's float 0 lies in its allocation: 0 for an allocation. */
    long base() {
        return base;
    }

    boolean isOpen() {
        return (allocation == null ? pointer : allocation.pointer) != null;
    }

    /** Forgets an allocation's pointer; returns it so the owner can free it (null when already closed, or for a slice). */
    CUdeviceptr detach() {
        if (allocation != null) {
            return null;
        }
        CUdeviceptr p = pointer;
        pointer = null;
        return p;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public DeviceBuffer slice(long offset, long count) {
        DeviceBuffer.requireSliceInside(offset, count, length);
        pointer();
        return allocation == null ? new CudaBuffer(this, offset, count) : new CudaBuffer(allocation, base + offset, count);
    }

    @Override
    public DeviceBuffer memory() {
        return allocation == null ? this : allocation;
    }

    @Override
    public long memoryOffset() {
        return base;
    }

    /** Frees an allocation; a slice's close does nothing (its memory is its allocation's). */
    @Override
    public void close() {
        if (allocation == null) {
            owner.free(this);
        }
    }
}
