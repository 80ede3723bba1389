package dev.descent.core.compute;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;

/**
 * SGEMM by OpenBLAS's {@code cblas_sgemm} on the off-heap memory of {@link CpuBuffer}s, no
 * copies. OpenBLAS runs single-threaded; {@link TiledGemm} spreads the batch (or the rows of
 * one large product) across the {@link WorkerPool}'s threads, each calling OpenBLAS on its
 * own tile.
 *
 * <p>Row-major mapping: with {@code CblasRowMajor}, a stored m x k matrix has leading
 * dimension k (its row length) and its transpose, stored k x m, has leading dimension m. A
 * tile of rows [r0, r1) starts r0 rows (or, for a transposed A, r0 columns) into A and C;
 * a tile of columns [c0, c1) starts c0 columns (or rows for a transposed B) into B and C.
 * Leading dimensions stay those of the whole matrix. BLAS requires ld >= 1 even for empty
 * dimensions, hence the max(1, ...). With beta = 0 OpenBLAS zeroes C before accumulating,
 * so NaN in C is ignored.
 */
final class OpenBlasGemm extends TiledGemm<OpenBlasGemm.Addresses> {

    /** Base addresses of the three buffers for one call. */
    record Addresses(long a, long b, long c) {
    }

    /**
     * A pointer whose address and position are set in place, so a tile needs no allocation
     * and no JNI call to build its arguments (49 ns per 4x4x4 call against 80 ns through
     * positioned {@code FloatBuffer}s, measured).
     */
    private static final class MovablePointer extends FloatPointer {
        MovablePointer() {
            super((Pointer) null);
        }

        MovablePointer at(long baseAddress, long offsetFloats) {
            address = baseAddress;
            position = offsetFloats;
            limit = 0;
            capacity = 0;
            return this;
        }
    }

    private final MovablePointer[][] pointers;

    /** @param pool the threads; OpenBLAS must be loaded ({@link OpenBlasLibrary#unavailableReason()} null) */
    OpenBlasGemm(WorkerPool pool) {
        super(pool);
        pointers = new MovablePointer[pool.workers()][];
    }

    @Override
    public String description() {
        return "OpenBLAS " + OpenBlasLibrary.VERSION + ", " + workers() + (workers() == 1 ? " thread" : " threads");
    }

    @Override
    Addresses operands(CpuBuffer a, CpuBuffer b, CpuBuffer c) {
        return new Addresses(address(a), address(b), address(c));
    }

    @Override
    void tile(GemmCall call, Addresses ops, int p, int r0, int r1, int c0, int c1, int worker) {
        int m = call.m();
        int n = call.n();
        int k = call.k();
        boolean ta = call.transA().transposed();
        boolean tb = call.transB().transposed();
        long aBase = call.aOffset() + p * call.aStride();
        long bBase = call.bOffset() + p * call.bStride();
        long cBase = call.cOffset() + p * call.cStride();
        long aAt = aBase + (ta ? r0 : (long) r0 * k);
        long bAt = bBase + (tb ? (long) c0 * k : c0);
        long cAt = cBase + (long) r0 * n + c0;
        MovablePointer[] ptr = pointers(worker);
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                ta ? openblas.CblasTrans : openblas.CblasNoTrans,
                tb ? openblas.CblasTrans : openblas.CblasNoTrans,
                r1 - r0, c1 - c0, k, call.alpha(),
                ptr[0].at(ops.a(), aAt), Math.max(1, ta ? m : k),
                ptr[1].at(ops.b(), bAt), Math.max(1, tb ? k : n),
                call.beta(), ptr[2].at(ops.c(), cAt), Math.max(1, n));
    }

    @Override
    void kSlice(GemmCall call, Addresses ops, int k0, int k1, CpuBuffer partial, int worker) {
        int m = call.m();
        int n = call.n();
        int k = call.k();
        boolean ta = call.transA().transposed();
        boolean tb = call.transB().transposed();
        // op(A)[:, k0:k1]: columns k0.. of a stored m x k A, rows k0.. of a stored k x m one
        long aAt = call.aOffset() + (ta ? (long) k0 * m : k0);
        // op(B)[k0:k1, :]: rows k0.. of a stored k x n B, columns k0.. of a stored n x k one
        long bAt = call.bOffset() + (tb ? k0 : (long) k0 * n);
        MovablePointer[] ptr = pointers(worker);
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                ta ? openblas.CblasTrans : openblas.CblasNoTrans,
                tb ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k1 - k0, call.alpha(),
                ptr[0].at(ops.a(), aAt), Math.max(1, ta ? m : k),
                ptr[1].at(ops.b(), bAt), Math.max(1, tb ? k : n),
                partial == null ? call.beta() : 0f,
                partial == null ? ptr[2].at(ops.c(), call.cOffset()) : ptr[2].at(address(partial), 0),
                Math.max(1, n));
    }

    private MovablePointer[] pointers(int worker) {
        MovablePointer[] ptr = pointers[worker];
        if (ptr == null) {
            // made by the worker's own thread, so its thread-local allocation buffer keeps them
            // off the cache lines of the other workers' pointers (no false sharing)
            ptr = new MovablePointer[]{new MovablePointer(), new MovablePointer(), new MovablePointer()};
            pointers[worker] = ptr;
        }
        return ptr;
    }

    private static long address(CpuBuffer buffer) {
        long address = buffer.nativeAddress();
        if (address == 0) {
            address = new FloatPointer(buffer.data()).address();
            buffer.nativeAddress(address);
        }
        return address;
    }
}
