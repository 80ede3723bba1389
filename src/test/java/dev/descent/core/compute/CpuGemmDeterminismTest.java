package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DESIGN.md: same seed, same run, bit for bit, on the CPU backend. The tiles of a call do not
 * depend on which thread claims them, so repeated calls agree exactly; the pure-Java kernel
 * sums every element in the same order whatever the thread count. A long-k product is cut
 * along k by its shape alone, so OpenBLAS gives it the same bits on one thread or two.
 */
class CpuGemmDeterminismTest {

    private static final int[][] SHAPES = {{300, 70, 130, 1}, {20, 500, 100, 1}, {256, 64, 64, 64}, {200, 16, 2, 300},
            {64, 64, 1024, 1}, {17, 23, 1100, 1}};

    @Test
    void openBlasRepeatsACallBitForBit() {
        for (int[] s : SHAPES) {
            float[] first = multiply(CpuGemms.Kind.OPENBLAS, 2, s);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(first, multiply(CpuGemms.Kind.OPENBLAS, 2, s));
            }
        }
    }

    @Test
    void openBlasGivesALongKProductTheSameBitsOnOneOrTwoThreads() {
        for (int[] s : new int[][]{{64, 64, 1024, 1}, {17, 23, 1100, 1}}) {
            assertArrayEquals(multiply(CpuGemms.Kind.OPENBLAS, 1, s), multiply(CpuGemms.Kind.OPENBLAS, 2, s));
        }
    }

    @Test
    void aLongKProductIsCutAlongKByItsShapeOnly() {
        assertEquals(2, TiledGemm.kParts(call(64, 64, 1024, 1)));
        assertEquals(2, TiledGemm.kParts(call(64, 64, 600, 1)));
        assertEquals(2, TiledGemm.kParts(call(8, 8, 100_000, 1)));
        assertEquals(1, TiledGemm.kParts(call(64, 64, 255 * 2, 1)), "k under two slices");
        assertEquals(1, TiledGemm.kParts(call(300, 64, 1024, 1)), "k under 4 max(m, n)");
        assertEquals(1, TiledGemm.kParts(call(64, 64, 1024, 2)), "batched");
        assertEquals(1, TiledGemm.kParts(call(512, 512, 4096, 1)), "C too large");
    }

    private static GemmCall call(int m, int n, int k, int batch) {
        return new GemmCall(Transpose.NO, Transpose.NO, m, n, k, 1f, 0, (long) m * k, 0, (long) k * n, 0f, 0, (long) m * n, batch);
    }

    @Test
    void javaKernelGivesTheSameBitsOnOneTwoOrThreeThreads() {
        for (int[] s : SHAPES) {
            float[] one = multiply(CpuGemms.Kind.JAVA, 1, s);
            assertArrayEquals(one, multiply(CpuGemms.Kind.JAVA, 2, s));
            assertArrayEquals(one, multiply(CpuGemms.Kind.JAVA, 3, s));
        }
    }

    /** C = A B for shape {m, n, k, batch} with seeded A and B in [-1, 1). */
    private static float[] multiply(CpuGemms.Kind kind, int threads, int[] shape) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        int batch = shape[3];
        SplittableRandom random = new SplittableRandom(5);
        float[] a = new float[m * k * batch];
        float[] b = new float[k * n * batch];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (random.nextDouble() * 2 - 1);
        }
        try (Backend backend = new CpuBackend(CpuGemms.create(kind, threads));
             DeviceBuffer da = backend.allocate(a.length); DeviceBuffer db = backend.allocate(b.length);
             DeviceBuffer dc = backend.allocate((long) m * n * batch)) {
            backend.upload(a, 0, da, 0, a.length);
            backend.upload(b, 0, db, 0, b.length);
            backend.gemmBatched(Transpose.NO, Transpose.NO, m, n, k, 1f, da, 0, (long) m * k, db, 0, (long) k * n,
                    0f, dc, 0, (long) m * n, batch);
            float[] c = new float[m * n * batch];
            backend.download(dc, 0, c, 0, c.length);
            return c;
        }
    }
}
