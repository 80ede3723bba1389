package dev.descent.cuda;

import dev.descent.core.compute.Transpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The row-major to column-major cuBLAS mapping, run through {@link FakeCublas} and compared
 * with a row-major reference product computed here in double, element by element with the
 * float GEMM error bound.
 */
class CublasGemmMappingTest {

    private static final double FLOAT_EPS = Math.ulp(1.0f);

    @Test
    void mapsAPlainProductToSwappedOperandsWithExchangedDimensions() {
        CublasGemmCall call = CublasGemmMapping.map(Transpose.NO, Transpose.NO, 2, 3, 4, 1.5f,
                10, 8, 20, 12, 0.5f, 30, 6, 5);
        assertEquals(new CublasGemmCall(CublasOperation.N, CublasOperation.N, 3, 2, 4, 1.5f,
                20, 3, 12,
                10, 4, 8,
                0.5f,
                30, 3, 6, 5), call);
    }

    @Test
    void mapsTransposeFlagsCrosswiseWithTheStoredLeadingDimensions() {
        CublasGemmCall call = CublasGemmMapping.map(Transpose.YES, Transpose.NO, 2, 3, 4, 1f,
                0, 0, 0, 0, 0f, 0, 0, 1);
        assertEquals(CublasOperation.N, call.transa());
        assertEquals(CublasOperation.T, call.transb());
        assertEquals(3, call.lda());
        assertEquals(2, call.ldb());
        CublasGemmCall other = CublasGemmMapping.map(Transpose.NO, Transpose.YES, 2, 3, 4, 1f,
                0, 0, 0, 0, 0f, 0, 0, 1);
        assertEquals(CublasOperation.T, other.transa());
        assertEquals(CublasOperation.N, other.transb());
        assertEquals(4, other.lda());
        assertEquals(4, other.ldb());
    }

    @Test
    void leadingDimensionsStayAtLeastOneWhenKIsZero() {
        CublasGemmCall call = CublasGemmMapping.map(Transpose.YES, Transpose.YES, 3, 2, 0, 1f,
                0, 0, 0, 0, 0f, 0, 6, 1);
        assertEquals(1, call.lda());
        assertEquals(3, call.ldb());
        assertEquals(2, call.ldc());
    }

    @Test
    void cublasCallRecordRejectsALeadingDimensionBelowTheRowCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new CublasGemmCall(CublasOperation.N, CublasOperation.N, 3, 2, 4, 1f,
                        0, 2, 0, 0, 4, 0, 0f, 0, 3, 0, 1));
        assertEquals("lda must be >= max(1, 3), was 2", e.getMessage());
    }

    @Test
    void mappingRejectsNegativeDimensionsAndStrides() {
        assertThrows(IllegalArgumentException.class, () -> CublasGemmMapping.map(Transpose.NO, Transpose.NO,
                -1, 2, 2, 1f, 0, 0, 0, 0, 0f, 0, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CublasGemmMapping.map(
                Transpose.NO, Transpose.NO, 2, 2, 2, 1f, 0, -4, 0, 0, 0f, 0, 4, 1));
        assertEquals("strideB must be >= 0, was -4", e.getMessage());
    }

    @Test
    void emptyResultsDoNotCallCublas() {
        FakeCublas cublas = new FakeCublas();
        float[] x = new float[16];
        CublasGemmMapping.gemmBatched(cublas, Transpose.NO, Transpose.NO, 0, 3, 2, 1f, x, 0, 0, x, 0, 0, 0f,
                new float[16], 0, 0, 2);
        CublasGemmMapping.gemmBatched(cublas, Transpose.NO, Transpose.NO, 3, 0, 2, 1f, x, 0, 0, x, 0, 0, 0f,
                new float[16], 0, 0, 2);
        CublasGemmMapping.gemmBatched(cublas, Transpose.NO, Transpose.NO, 3, 3, 2, 1f, x, 0, 0, x, 0, 0, 0f,
                new float[16], 0, 0, 0);
        assertEquals(List.of(), cublas.calls);
    }

    @Test
    void aHandComputedProductComesOutRowMajor() {
        // A = [1 2 3; 4 5 6] (2x3), B = [7 8; 9 10; 11 12] (3x2): A B = [58 64; 139 154]
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = new float[4];
        CublasGemmMapping.gemmBatched(new FakeCublas(), Transpose.NO, Transpose.NO, 2, 2, 3, 1f,
                a, 0, 0, b, 0, 0, 0f, c, 0, 0, 1);
        assertEquals(List.of(58f, 64f, 139f, 154f), boxed(c));
    }

    static Stream<Arguments> shapesAndTransposes() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {17, 33, 65}, {4, 3, 0}, {2, 9, 1}, {7, 1, 4}};
        List<Arguments> list = new ArrayList<>();
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    list.add(Arguments.of(ta, tb, s[0], s[1], s[2]));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4}")
    @MethodSource("shapesAndTransposes")
    void batchedProductMatchesTheRowMajorReference(Transpose ta, Transpose tb, int m, int n, int k) {
        check(ta, tb, m, n, k, 3, 1.25f, -0.5f, false, false, 0, 0, 0, 11L * (m + n + k));
    }

    @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4}")
    @MethodSource("shapesAndTransposes")
    void sharedOperandsWithStrideZeroAndOffsetsMatchTheReference(Transpose ta, Transpose tb, int m, int n, int k) {
        check(ta, tb, m, n, k, 4, -0.75f, 0f, true, false, 5, 0, 3, 13L * (m + n + k));
        check(ta, tb, m, n, k, 4, 2f, 1f, false, true, 0, 7, 1, 17L * (m + n + k));
    }

    @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4}")
    @MethodSource("shapesAndTransposes")
    void paddedStridesLeaveTheGapsUntouched(Transpose ta, Transpose tb, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(31L * (m + n + k));
        int batch = 3;
        long aStride = (long) m * k + 2;
        long bStride = (long) k * n + 3;
        long cStride = (long) m * n + 4;
        float[] a = randomArray(random, (int) (2 + aStride * batch));
        float[] b = randomArray(random, (int) (1 + bStride * batch));
        float[] c = new float[(int) (cStride * batch + 5)];
        Arrays.fill(c, Float.NaN);
        CublasGemmMapping.gemmBatched(new FakeCublas(), ta, tb, m, n, k, 1f, a, 2, aStride, b, 1, bStride,
                0f, c, 5, cStride, batch);
        for (int p = 0; p < batch; p++) {
            double[] expected = reference(ta, tb, m, n, k, 1f, a, 2 + p * aStride, b, 1 + p * bStride, 0f, null, 0);
            for (int i = 0; i < m * n; i++) {
                assertEquals(expected[i], c[(int) (5 + p * cStride + i)], bound(ta, tb, m, n, k, a, 2 + p * aStride,
                        b, 1 + p * bStride, i), "net " + p + " element " + i);
            }
            for (int gap = m * n; gap < cStride && p * cStride + 5 + gap < c.length; gap++) {
                assertTrue(Float.isNaN(c[(int) (5 + p * cStride + gap)]), "gap written at net " + p);
            }
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(Float.isNaN(c[i]), "written before the offset at " + i);
        }
    }

    @Test
    void betaZeroIgnoresNanInC() {
        float[] a = {1, 2};
        float[] b = {3, 4};
        float[] c = {Float.NaN};
        CublasGemmMapping.gemmBatched(new FakeCublas(), Transpose.NO, Transpose.NO, 1, 1, 2, 1f,
                a, 0, 0, b, 0, 0, 0f, c, 0, 0, 1);
        assertEquals(11f, c[0]);
    }

    private static void check(Transpose ta, Transpose tb, int m, int n, int k, int batch, float alpha, float beta,
                              boolean shareA, boolean shareB, int aOff, int bOff, int cOff, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long aStride = shareA ? 0 : (long) m * k;
        long bStride = shareB ? 0 : (long) k * n;
        long cStride = (long) m * n;
        float[] a = randomArray(random, (int) (aOff + Math.max(aStride * batch, (long) m * k)));
        float[] b = randomArray(random, (int) (bOff + Math.max(bStride * batch, (long) k * n)));
        float[] c = randomArray(random, (int) (cOff + cStride * batch));
        float[] before = c.clone();
        FakeCublas cublas = new FakeCublas();
        CublasGemmMapping.gemmBatched(cublas, ta, tb, m, n, k, alpha, a, aOff, aStride, b, bOff, bStride,
                beta, c, cOff, cStride, batch);
        assertEquals(1, cublas.calls.size());
        for (int p = 0; p < batch; p++) {
            long ao = aOff + p * aStride;
            long bo = bOff + p * bStride;
            long co = cOff + p * cStride;
            double[] expected = reference(ta, tb, m, n, k, alpha, a, ao, b, bo, beta, before, co);
            for (int i = 0; i < m * n; i++) {
                double tol = Math.abs(alpha) * bound(ta, tb, m, n, k, a, ao, b, bo, i)
                        + 2 * FLOAT_EPS * Math.abs(beta * before[(int) (co + i)]);
                assertEquals(expected[i], c[(int) (co + i)], tol, "net " + p + " element " + i);
            }
        }
        for (int i = 0; i < cOff; i++) {
            assertEquals(before[i], c[i], "written before the offset at " + i);
        }
    }

    /** Row-major {@code alpha op(A) op(B) + beta C} in double, straight from the definition. */
    private static double[] reference(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                                      float[] a, long ao, float[] b, long bo, float beta, float[] c, long co) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int l = 0; l < k; l++) {
                    sum += (double) opA(ta, m, k, a, ao, i, l) * opB(tb, k, n, b, bo, l, j);
                }
                out[i * n + j] = alpha * sum + (beta == 0 ? 0 : (double) beta * c[(int) (co + i * n + j)]);
            }
        }
        return out;
    }

    /** The float GEMM error bound for element i: (k + 2) eps sum_l |a_il b_lj|, plus a floor. */
    private static double bound(Transpose ta, Transpose tb, int m, int n, int k, float[] a, long ao,
                                float[] b, long bo, int element) {
        int i = element / n;
        int j = element % n;
        double abs = 0;
        for (int l = 0; l < k; l++) {
            abs += Math.abs((double) opA(ta, m, k, a, ao, i, l) * opB(tb, k, n, b, bo, l, j));
        }
        return (k + 2) * FLOAT_EPS * abs + 1e-30;
    }

    private static float opA(Transpose ta, int m, int k, float[] a, long ao, int i, int l) {
        return ta.transposed() ? a[(int) (ao + (long) l * m + i)] : a[(int) (ao + (long) i * k + l)];
    }

    private static float opB(Transpose tb, int k, int n, float[] b, long bo, int l, int j) {
        return tb.transposed() ? b[(int) (bo + (long) j * k + l)] : b[(int) (bo + (long) l * n + j)];
    }

    private static float[] randomArray(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static List<Float> boxed(float[] x) {
        List<Float> list = new ArrayList<>();
        for (float v : x) {
            list.add(v);
        }
        return list;
    }
}
