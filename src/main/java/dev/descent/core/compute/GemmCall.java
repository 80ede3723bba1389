package dev.descent.core.compute;

/**
 * One strided-batched GEMM, row-major, as {@link Backend#gemmBatched} describes it:
 * {@code C_p = alpha * op(A_p) * op(B_p) + beta * C_p} for {@code p} in {@code [0, batch)},
 * with op(A_p) m x k, op(B_p) k x n and C_p m x n, each operand densely packed at
 * {@code offset + p * stride} (a stride of 0 shares the operand across the batch).
 *
 * <p>The compact constructor checks the shape; {@link #requireFits} checks it against the
 * buffers. Backends share these checks so every backend rejects the same calls.
 */
public record GemmCall(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                       long aOffset, long aStride, long bOffset, long bStride,
                       float beta, long cOffset, long cStride, int batch) {

    public GemmCall {
        if (transA == null || transB == null) {
            throw new IllegalArgumentException("transA and transB must not be null");
        }
        requireNonNegative("m", m);
        requireNonNegative("n", n);
        requireNonNegative("k", k);
        requireNonNegative("batch", batch);
        requireNonNegative("aOffset", aOffset);
        requireNonNegative("aStride", aStride);
        requireNonNegative("bOffset", bOffset);
        requireNonNegative("bStride", bStride);
        requireNonNegative("cOffset", cOffset);
        requireNonNegative("cStride", cStride);
        if (batch > 1 && cStride < (long) m * n && (long) m * n > 0) {
            throw new IllegalArgumentException("cStride must be >= m*n = " + (long) m * n
                    + " so the batch's outputs do not overlap, was " + cStride);
        }
    }

    /** Floats in one stored A_p. */
    public long aSize() {
        return (long) m * k;
    }

    /** Floats in one stored B_p. */
    public long bSize() {
        return (long) k * n;
    }

    /** Floats in one C_p. */
    public long cSize() {
        return (long) m * n;
    }

    /** Multiply-adds times two: the FLOP count GFLOP/s figures use. */
    public double flops() {
        return 2.0 * m * n * k * batch;
    }

    /** Whether nothing is read or written (an empty batch or an empty C). */
    public boolean isEmpty() {
        return batch == 0 || m == 0 || n == 0;
    }

    /**
     * Checks that every A_p, B_p, C_p lies inside its buffer and that C does not overlap A or B
     * when they share memory (the same buffer, or slices of one).
     *
     * @throws IllegalArgumentException naming the operand that does not fit
     */
    public void requireFits(DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        if (isEmpty()) {
            return;
        }
        requireInside("A", aOffset, aStride, aSize(), a.length());
        requireInside("B", bOffset, bStride, bSize(), b.length());
        requireInside("C", cOffset, cStride, cSize(), c.length());
        long cAt = c.memoryOffset() + cOffset;
        if (a.memory() == c.memory() && overlaps(a.memoryOffset() + aOffset, aStride, aSize(), cAt, cStride, cSize())) {
            throw new IllegalArgumentException("C must not overlap A (same buffer, overlapping ranges)");
        }
        if (b.memory() == c.memory() && overlaps(b.memoryOffset() + bOffset, bStride, bSize(), cAt, cStride, cSize())) {
            throw new IllegalArgumentException("C must not overlap B (same buffer, overlapping ranges)");
        }
    }

    private void requireInside(String name, long offset, long stride, long size, long length) {
        if (size == 0) {
            return;
        }
        long end = offset + (batch - 1L) * stride + size;
        if (end > length) {
            throw new IllegalArgumentException(name + " needs floats up to index " + end
                    + " (offset " + offset + ", stride " + stride + ", " + size + " per matrix, batch "
                    + batch + ") but its buffer holds " + length);
        }
    }

    private long end(long offset, long stride, long size) {
        return offset + (batch - 1L) * stride + size;
    }

    private boolean overlaps(long o1, long s1, long size1, long o2, long s2, long size2) {
        if (size1 == 0 || size2 == 0) {
            return false;
        }
        return o1 < end(o2, s2, size2) && o2 < end(o1, s1, size1);
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }
}
