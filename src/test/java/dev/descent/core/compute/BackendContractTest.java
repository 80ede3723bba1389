package dev.descent.core.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Backend} meets, after EJML's pattern of testing each routine
 * against an independent twin: GEMM results against the double-precision triple loop
 * ({@link ReferenceGemm}) within the BLAS forward error bound (Higham, "Accuracy and
 * Stability of Numerical Algorithms", 2nd ed., section 3.5)
 * <pre>
 *   ||C - C_ref||_F <= 2 (k + 2) u (|alpha| ||A||_F ||B||_F + |beta| ||C_0||_F),   u = 2^-24
 * </pre>
 * for every problem of a batch, plus buffer round trips and argument checks. A subclass
 * supplies the backend.
 */
public abstract class BackendContractTest {

    private static final double U = Math.scalb(1.0, -24);
    private static final Transpose N = Transpose.NO;
    private static final Transpose T = Transpose.YES;

    private Backend backend;

    /** A new backend of the kind under test; closed after each test. */
    protected abstract Backend newBackend();

    @BeforeEach
    void open() {
        backend = newBackend();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    // ---- GEMM ----

    @Test
    void handComputedTwoByTwoIsExact() {
        float[] c = run(new GemmCall(N, N, 2, 2, 2, 1f, 0, 0, 0, 0, 0f, 0, 0, 1),
                new float[]{1, 2, 3, 4}, new float[]{5, 6, 7, 8}, new float[4]);
        assertArrayEquals(new float[]{19, 22, 43, 50}, c);
    }

    @Test
    void handComputedTransposesAreExact() {
        // A^T with A = [[1, 2], [3, 4]] stored; B^T with B = [[5, 6], [7, 8]] stored
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        assertArrayEquals(new float[]{26, 30, 38, 44}, run(new GemmCall(T, N, 2, 2, 2, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), a, b, new float[4]));
        assertArrayEquals(new float[]{17, 23, 39, 53}, run(new GemmCall(N, T, 2, 2, 2, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), a, b, new float[4]));
        assertArrayEquals(new float[]{23, 31, 34, 46}, run(new GemmCall(T, T, 2, 2, 2, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), a, b, new float[4]));
    }

    static Stream<Arguments> shapesAndTransposes() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {7, 5, 3}, {17, 33, 65}, {65, 17, 33}, {1, 40, 9}, {40, 1, 9},
                {9, 40, 1}, {31, 33, 47}, {64, 64, 64}, {100, 3, 129}};
        List<Arguments> list = new ArrayList<>();
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    list.add(Arguments.of(s[0], s[1], s[2], ta, tb));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} {3}{4}")
    @MethodSource("shapesAndTransposes")
    void randomShapesMatchTheDoubleReference(int m, int n, int k, Transpose ta, Transpose tb) {
        checkRandom(new GemmCall(ta, tb, m, n, k, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), 11L * m + 7L * n + k);
    }

    /**
     * Shapes large enough that a multi-threaded CPU GEMM splits them by rows, by columns, or by
     * batch, and long-k shapes that the CPU GEMMs cut along k (the last slice longer than the
     * first).
     */
    static Stream<Arguments> parallelShapes() {
        int[][] shapes = {{300, 70, 130, 1}, {20, 500, 100, 1}, {70, 600, 300, 1}, {64, 48, 40, 9}, {33, 257, 65, 2}, {200, 16, 2, 300},
                {64, 64, 600, 1}, {17, 23, 1100, 1}};
        List<Arguments> list = new ArrayList<>();
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    list.add(Arguments.of(s[0], s[1], s[2], s[3], ta, tb));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} batch={3} {4}{5}")
    @MethodSource("parallelShapes")
    void largeAndBatchedShapesMatchTheDoubleReference(int m, int n, int k, int batch, Transpose ta, Transpose tb) {
        long aSize = (long) m * k;
        long bSize = (long) k * n;
        long cSize = (long) m * n;
        checkRandom(new GemmCall(ta, tb, m, n, k, 0.75f, 0, aSize, 0, bSize, -0.5f, 0, cSize, batch), m * 31L + batch);
    }

    @Test
    void zeroInnerDimensionGivesBetaTimesC() {
        float[] c = {1, -2, 3, 4, 5, 6};
        float[] result = run(new GemmCall(N, N, 2, 3, 0, 1f, 0, 0, 0, 0, 0.5f, 0, 0, 1), new float[0], new float[0], c);
        assertArrayEquals(new float[]{0.5f, -1, 1.5f, 2, 2.5f, 3}, result);
    }

    @Test
    void zeroInnerDimensionWithBetaZeroClearsEvenNaN() {
        float[] c = {Float.NaN, Float.POSITIVE_INFINITY, 7};
        float[] result = run(new GemmCall(N, N, 1, 3, 0, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), new float[0], new float[0], c);
        assertArrayEquals(new float[]{0, 0, 0}, result);
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        int m = 9;
        int n = 13;
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN);
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                checkRandom(new GemmCall(ta, tb, m, n, 6, 1.5f, 0, 0, 0, 0, 0f, 0, 0, 1), 5, c);
            }
        }
    }

    @Test
    void alphaAndBetaScaleProductAndOldC() {
        checkRandom(new GemmCall(N, N, 12, 10, 8, -1.5f, 0, 0, 0, 0, 0.25f, 0, 0, 1), 3);
        checkRandom(new GemmCall(T, T, 12, 10, 8, 2f, 0, 0, 0, 0, 1f, 0, 0, 1), 4);
    }

    @Test
    void strideZeroSharesAAcrossTheBatch() {
        checkRandom(new GemmCall(N, N, 6, 5, 4, 1f, 0, 0, 0, 20, 0f, 0, 30, 7), 21);
        checkRandom(new GemmCall(T, N, 32, 16, 2, 1f, 0, 0, 0, 32, 0f, 0, 512, 200), 22);
    }

    @Test
    void strideZeroSharesBAcrossTheBatch() {
        checkRandom(new GemmCall(N, N, 6, 5, 4, 1f, 0, 24, 0, 0, 0f, 0, 30, 7), 23);
        checkRandom(new GemmCall(N, T, 64, 64, 64, 1f, 0, 64 * 64, 0, 0, 0f, 0, 64 * 64, 8), 24);
    }

    @Test
    void offsetsAndGapsBetweenProblemsAreRespected() {
        // strides larger than the matrices leave gaps; C outside its problems must stay as it was
        checkRandom(new GemmCall(N, T, 5, 7, 3, 1f, 4, 19, 9, 25, 0f, 3, 41, 4), 31);
        checkRandom(new GemmCall(T, N, 5, 7, 3, 0.5f, 1, 15, 2, 21, 2f, 6, 36, 3), 32);
    }

    @Test
    void emptyShapesLeaveCUntouched() {
        float[] c = {1, 2, 3};
        assertArrayEquals(c, run(new GemmCall(N, N, 0, 3, 4, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), new float[0], new float[12], c));
        assertArrayEquals(c, run(new GemmCall(N, N, 1, 3, 4, 1f, 0, 0, 0, 0, 0f, 0, 0, 0), new float[4], new float[12], c));
        assertArrayEquals(c, run(new GemmCall(N, N, 3, 0, 4, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), new float[12], new float[0], c));
    }

    @Test
    void operandOutsideItsBufferIsRejected() {
        try (DeviceBuffer a = backend.allocate(6); DeviceBuffer b = backend.allocate(6); DeviceBuffer c = backend.allocate(4)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.gemmBatched(
                    N, N, 2, 2, 3, 1f, a, 1, 0, b, 0, 0, 0f, c, 0, 0, 1));
            assertTrue(e.getMessage().startsWith("A needs floats up to index 7"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> backend.gemmBatched(
                    N, N, 2, 2, 3, 1f, a, 0, 0, b, 0, 0, 0f, c, 0, 4, 2));
        }
    }

    @Test
    void cOverlappingAIsRejected() {
        try (DeviceBuffer ab = backend.allocate(16); DeviceBuffer b = backend.allocate(4)) {
            assertThrows(IllegalArgumentException.class, () -> backend.gemmBatched(
                    N, N, 2, 2, 2, 1f, ab, 0, 0, b, 0, 0, 0f, ab, 2, 0, 1));
            // disjoint ranges of one buffer are fine
            backend.gemmBatched(N, N, 2, 2, 2, 1f, ab, 0, 0, b, 0, 0, 0f, ab, 4, 0, 1);
        }
    }

    @Test
    void negativeSizeIsRejectedWithItsName() {
        try (DeviceBuffer x = backend.allocate(4)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.gemmBatched(
                    N, N, -1, 2, 2, 1f, x, 0, 0, x, 0, 0, 0f, x, 0, 0, 1));
            assertEquals("m must be >= 0, was -1", e.getMessage());
        }
    }

    // ---- buffers ----

    @Test
    void uploadThenDownloadRoundTripsWithOffsets() {
        float[] values = {1.5f, -2f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, -0f, 3e-30f};
        try (DeviceBuffer buffer = backend.allocate(10)) {
            backend.upload(values, 1, buffer, 2, 6);
            float[] back = new float[9];
            backend.download(buffer, 0, back, 1, 8);
            float[] expected = {0, 0, 0, -2f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, -0f, 3e-30f};
            assertArrayEquals(expected, back);
        }
    }

    @Test
    void newBufferIsZeroFilled() {
        try (DeviceBuffer buffer = backend.allocate(1000)) {
            float[] back = new float[1000];
            Arrays.fill(back, 1f);
            backend.download(buffer, 0, back, 0, 1000);
            assertArrayEquals(new float[1000], back);
            assertEquals(1000, buffer.length());
        }
    }

    @Test
    void zeroLengthBufferRoundTripsNothing() {
        try (DeviceBuffer buffer = backend.allocate(0)) {
            assertEquals(0, buffer.length());
            float[] host = {42f};
            backend.upload(host, 0, buffer, 0, 0);
            backend.download(buffer, 0, host, 0, 0);
            assertArrayEquals(new float[]{42f}, host);
        }
    }

    // ---- slices ----

    @Test
    void aSliceSharesItsBuffersFloats() {
        try (DeviceBuffer buffer = backend.allocate(10)) {
            DeviceBuffer slice = buffer.slice(3, 4);
            assertEquals(4, slice.length());
            assertSame(buffer, slice.memory());
            assertEquals(3, slice.memoryOffset());
            backend.upload(new float[]{1, 2, 3, 4}, 0, slice, 0, 4);
            backend.upload(new float[]{9}, 0, buffer, 4, 1);
            float[] whole = new float[10];
            backend.download(buffer, 0, whole, 0, 10);
            assertArrayEquals(new float[]{0, 0, 0, 1, 9, 3, 4, 0, 0, 0}, whole);
            float[] part = new float[2];
            backend.download(slice, 2, part, 0, 2);
            assertArrayEquals(new float[]{3, 4}, part);
            DeviceBuffer inner = slice.slice(1, 2);
            assertSame(buffer, inner.memory());
            assertEquals(4, inner.memoryOffset());
            backend.download(inner, 0, part, 0, 2);
            assertArrayEquals(new float[]{9, 3}, part);
        }
    }

    @Test
    void aSliceIsCheckedAgainstItsOwnLength() {
        try (DeviceBuffer buffer = backend.allocate(10)) {
            assertThrows(IllegalArgumentException.class, () -> buffer.slice(8, 3));
            assertThrows(IllegalArgumentException.class, () -> buffer.slice(-1, 2));
            DeviceBuffer slice = buffer.slice(2, 3);
            assertThrows(IllegalArgumentException.class, () -> slice.slice(1, 3));
            assertThrows(RuntimeException.class, () -> backend.upload(new float[4], 0, slice, 0, 4));
            assertEquals(0, buffer.slice(10, 0).length());
        }
    }

    @Test
    void closingASliceKeepsItsBufferAndClosingTheBufferEndsTheSlice() {
        DeviceBuffer buffer = backend.allocate(6);
        DeviceBuffer slice = buffer.slice(1, 2);
        slice.close();
        backend.upload(new float[]{5, 6}, 0, slice, 0, 2);
        float[] back = new float[6];
        backend.download(buffer, 0, back, 0, 6);
        assertArrayEquals(new float[]{0, 5, 6, 0, 0, 0}, back);
        buffer.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> backend.download(slice, 0, new float[2], 0, 2));
        assertEquals("buffer used after close", e.getMessage());
    }

    @Test
    void gemmOnSlicesOfOneBufferMatchesTheReference() {
        checkRandom(new GemmCall(N, N, 5, 7, 3, 1f, 0, 0, 0, 0, 0f, 0, 0, 1), 41, true);
        checkRandom(new GemmCall(T, N, 4, 6, 9, 0.5f, 2, 40, 1, 60, 1f, 3, 30, 3), 42, true);
        checkRandom(new GemmCall(N, T, 3, 5, 4, 1f, 1, 0, 0, 20, 0f, 2, 17, 4), 43, true);
        // long k, cut along k by the CPU GEMMs: every operand at an offset into its buffer
        checkRandom(new GemmCall(T, N, 9, 11, 700, 1.25f, 3, 0, 5, 0, 0.5f, 7, 0, 1), 44, true);
        checkRandom(new GemmCall(N, T, 9, 11, 700, -1f, 3, 0, 5, 0, 0f, 7, 0, 1), 45, true);
    }

    @Test
    void cOverlappingAThroughTwoSlicesIsRejected() {
        try (DeviceBuffer memory = backend.allocate(16); DeviceBuffer b = backend.allocate(4)) {
            DeviceBuffer a = memory.slice(0, 8);
            DeviceBuffer c = memory.slice(2, 10);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.gemmBatched(
                    N, N, 2, 2, 2, 1f, a, 0, 0, b, 0, 0, 0f, c, 0, 0, 1));
            assertEquals("C must not overlap A (same buffer, overlapping ranges)", e.getMessage());
            // A uses floats [0, 4) of the allocation, C at offset 2 of its slice [4, 8): no overlap
            backend.gemmBatched(N, N, 2, 2, 2, 1f, a, 0, 0, b, 0, 0, 0f, c, 2, 0, 1);
        }
    }

    @Test
    void elementwiseOperationsAndGatherWorkOnSlices() {
        try (DeviceBuffer memory = backend.allocate(40)) {
            DeviceBuffer z = memory.slice(3, 6);
            DeviceBuffer bias = memory.slice(11, 3);
            backend.upload(new float[]{1, 2, 3, 4, 5, 6}, 0, z, 0, 6);
            backend.upload(new float[]{10, 20, 30}, 0, bias, 0, 3);
            backend.addBias(1, 2, 3, Strided.of(z, 6), Strided.shared(bias));
            float[] out = new float[6];
            backend.download(z, 0, out, 0, 6);
            assertArrayEquals(new float[]{11, 22, 33, 14, 25, 36}, out);
            DeviceBuffer indices = memory.slice(17, 2);
            DeviceBuffer dst = memory.slice(21, 6);
            backend.upload(new float[]{1, 0}, 0, indices, 0, 2);
            backend.gatherRows(2, 3, z, indices, dst);
            backend.download(dst, 0, out, 0, 6);
            assertArrayEquals(new float[]{14, 25, 36, 11, 22, 33}, out);
        }
    }

    // ---- helpers ----

    private void checkRandom(GemmCall call, long seed) {
        checkRandom(call, seed, null, false);
    }

    private void checkRandom(GemmCall call, long seed, float[] givenC) {
        checkRandom(call, seed, givenC, false);
    }

    private void checkRandom(GemmCall call, long seed, boolean sliced) {
        checkRandom(call, seed, null, sliced);
    }

    /**
     * Random A, B (and C unless given) sized for {@code call}, run (on slices of one buffer when
     * {@code sliced}), and check against the reference.
     */
    private void checkRandom(GemmCall call, long seed, float[] givenC, boolean sliced) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = random(extent(call.aOffset(), call.aStride(), call.aSize(), call.batch()), random);
        float[] b = random(extent(call.bOffset(), call.bStride(), call.bSize(), call.batch()), random);
        float[] c = givenC != null ? givenC.clone() : random(extent(call.cOffset(), call.cStride(), call.cSize(), call.batch()) + 5, random);
        double[] expected = ReferenceGemm.gemm(call, a, b, c);
        float[] actual = sliced ? runOnSlices(call, a, b, c) : run(call, a, b, c);
        assertEquals(expected.length, actual.length);
        boolean[] inProblem = new boolean[c.length];
        for (int p = 0; p < call.batch(); p++) {
            long co = call.cOffset() + p * call.cStride();
            double squares = 0;
            for (long i = 0; i < call.cSize(); i++) {
                int at = (int) (co + i);
                inProblem[at] = true;
                double d = actual[at] - expected[at];
                squares += d * d;
            }
            double error = Math.sqrt(squares);
            int problem = p;
            double normA = ReferenceGemm.frobenius(a, call.aOffset() + p * call.aStride(), call.aSize());
            double normB = ReferenceGemm.frobenius(b, call.bOffset() + p * call.bStride(), call.bSize());
            double normC = call.beta() == 0 ? 0 : ReferenceGemm.frobenius(c, co, call.cSize());
            double bound = 2 * (call.k() + 2) * U * (Math.abs(call.alpha()) * normA * normB + Math.abs(call.beta()) * normC);
            assertTrue(error <= bound, () -> "problem " + problem + " of " + call + ": ||C - C_ref|| = " + error + " > bound " + bound);
        }
        for (int i = 0; i < c.length; i++) {
            if (!inProblem[i]) {
                assertEquals(Float.floatToRawIntBits(c[i]), Float.floatToRawIntBits(actual[i]), "C[" + i + "] outside the problems changed");
            }
        }
    }

    /** Runs {@code call} on device copies of the arrays and returns the downloaded C. */
    private float[] run(GemmCall call, float[] a, float[] b, float[] c) {
        try (DeviceBuffer da = backend.allocate(a.length); DeviceBuffer db = backend.allocate(b.length);
             DeviceBuffer dc = backend.allocate(c.length)) {
            backend.upload(a, 0, da, 0, a.length);
            backend.upload(b, 0, db, 0, b.length);
            backend.upload(c, 0, dc, 0, c.length);
            backend.gemmBatched(call.transA(), call.transB(), call.m(), call.n(), call.k(), call.alpha(),
                    da, call.aOffset(), call.aStride(), db, call.bOffset(), call.bStride(),
                    call.beta(), dc, call.cOffset(), call.cStride(), call.batch());
            float[] out = new float[c.length];
            backend.download(dc, 0, out, 0, c.length);
            return out;
        }
    }

    /** As {@link #run}, with A, B and C slices of one allocation at odd offsets (1, then gaps of 3). */
    private float[] runOnSlices(GemmCall call, float[] a, float[] b, float[] c) {
        long aAt = 1;
        long bAt = aAt + a.length + 3;
        long cAt = bAt + b.length + 3;
        try (DeviceBuffer memory = backend.allocate(cAt + c.length + 2)) {
            DeviceBuffer da = memory.slice(aAt, a.length);
            DeviceBuffer db = memory.slice(bAt, b.length);
            DeviceBuffer dc = memory.slice(cAt, c.length);
            backend.upload(a, 0, da, 0, a.length);
            backend.upload(b, 0, db, 0, b.length);
            backend.upload(c, 0, dc, 0, c.length);
            backend.gemmBatched(call.transA(), call.transB(), call.m(), call.n(), call.k(), call.alpha(),
                    da, call.aOffset(), call.aStride(), db, call.bOffset(), call.bStride(),
                    call.beta(), dc, call.cOffset(), call.cStride(), call.batch());
            float[] out = new float[c.length];
            backend.download(dc, 0, out, 0, c.length);
            return out;
        }
    }

    private static int extent(long offset, long stride, long size, int batch) {
        return (int) (offset + Math.max(0, batch - 1L) * stride + size);
    }

    private static float[] random(int length, SplittableRandom random) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
