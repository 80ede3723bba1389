package dev.descent.core.compute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The element-wise operations of {@link Backend}, for every backend (a CUDA subclass skips
 * itself without a GPU): hand-computed cases, batches of nets at non-zero offsets with
 * padded strides, shared (stride 0) operands, and the double-precision formulas of the
 * Javadoc ({@link ReferenceActivations}) as reference.
 */
public abstract class ElementwiseContractTest {
    private static final float TOL = 2e-6f;

    protected abstract Backend newBackend();

    private Backend backend;

    @BeforeEach
    void open() {
        backend = newBackend();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private DeviceBuffer buffer(float... values) {
        DeviceBuffer b = backend.allocate(values.length);
        backend.upload(values, 0, b, 0, values.length);
        return b;
    }

    private float[] read(DeviceBuffer b) {
        float[] out = new float[(int) b.length()];
        backend.download(b, 0, out, 0, out.length);
        return out;
    }

    private static void assertFloats(float[] expected, float[] actual, float tol) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    @Test
    void addBiasBroadcastsEachNetsBiasOverRowsAndLeavesPaddingAlone() {
        // two nets of 2 x 3 at offset 1, stride 7 (one padding float after each)
        DeviceBuffer z = buffer(9, 1, 2, 3, 4, 5, 6, 9, 1, 1, 1, 1, 1, 1, 9);
        DeviceBuffer bias = buffer(0, 10, 20, 30, 100, 200, 300);
        backend.addBias(2, 2, 3, new Strided(z, 1, 7), new Strided(bias, 1, 3));
        assertFloats(new float[] {9, 11, 22, 33, 14, 25, 36, 9, 101, 201, 301, 101, 201, 301, 9}, read(z), 0);
    }

    @Test
    void addBiasWithStrideZeroSharesOneBias() {
        DeviceBuffer z = buffer(1, 2, 3, 4);
        DeviceBuffer bias = buffer(0.5f, -1);
        backend.addBias(2, 1, 2, Strided.of(z, 2), Strided.shared(bias));
        assertFloats(new float[] {1.5f, 1, 3.5f, 3}, read(z), 0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationForwardAndBackwardFollowTheFormulas(Activation f) {
        int n = 40;
        SplittableRandom random = new SplittableRandom(f.ordinal());
        float[] z = new float[2 * n];
        float[] g = new float[2 * n];
        float[] slopes = new float[n];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (random.nextDouble() * 8 - 4);
            g[i] = (float) random.nextGaussian();
        }
        z[0] = 25; // softplus's linear branch
        z[1] = -30;
        for (int i = 0; i < n; i++) {
            slopes[i] = (float) (0.125 + random.nextDouble() * 0.2);
        }
        float param = 0.3f;
        float[] prelu = {0.2f, 0.05f};
        DeviceBuffer zb = buffer(z);
        DeviceBuffer gb = buffer(g);
        DeviceBuffer ab = backend.allocate(2 * n);
        DeviceBuffer gz = backend.allocate(2 * n);
        Strided slope = f == Activation.PRELU ? Strided.of(buffer(prelu), 1)
                : f == Activation.RRELU ? Strided.shared(buffer(slopes)) : null;
        backend.activationForward(f, param, 2, n, Strided.of(zb, n), slope, Strided.of(ab, n));
        backend.activationBackward(f, param, 2, n, Strided.of(zb, n), slope, Strided.of(gb, n), Strided.of(gz, n));
        float[] a = read(ab);
        float[] d = read(gz);
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < n; i++) {
                double s = f == Activation.PRELU ? prelu[p] : f == Activation.RRELU ? slopes[i] : 0;
                double alpha = param;
                int k = p * n + i;
                assertEquals(ReferenceActivations.f(f, alpha, s, z[k]), a[k], 3e-6 * Math.max(1, Math.abs(a[k])),
                        f + " forward at " + z[k]);
                assertEquals(g[k] * ReferenceActivations.df(f, alpha, s, z[k]), d[k], 3e-6 * Math.max(1, Math.abs(d[k])),
                        f + " backward at " + z[k]);
            }
        }
    }

    @Test
    void rreluWithoutSlopesUsesTheParameterAsAtInference() {
        DeviceBuffer z = buffer(-2, 3);
        DeviceBuffer a = backend.allocate(2);
        backend.activationForward(Activation.RRELU, 0.25f, 1, 2, Strided.of(z, 2), null, Strided.of(a, 2));
        assertFloats(new float[] {-0.5f, 3}, read(a), 0);
    }

    @Test
    void backwardMayWriteOverItsGradientInput() {
        DeviceBuffer z = buffer(-1, 2);
        DeviceBuffer g = buffer(5, 7);
        backend.activationBackward(Activation.RELU, 0, 1, 2, Strided.of(z, 2), null, Strided.of(g, 2), Strided.of(g, 2));
        assertFloats(new float[] {0, 7}, read(g), 0);
    }

    @Test
    void preluSlopeGradientSumsGradientTimesNegativeInputsPerNet() {
        DeviceBuffer z = buffer(-1, 2, -3, /* net 1 */ 4, -0.5f, -2);
        DeviceBuffer g = buffer(1, 1, 2, /* net 1 */ 3, 2, -1);
        DeviceBuffer out = buffer(99, 99);
        backend.preluSlopeGradient(2, 3, Strided.of(z, 3), Strided.of(g, 3), Strided.of(out, 1));
        assertFloats(new float[] {-1 - 6, -1 + 2}, read(out), TOL);
    }

    @Test
    void softmaxCrossEntropyIsHandComputedAndStableForHugeLogits() {
        // row 0: logits 1, 2, 3, target 2; row 1: 1000, 0, -1000, target 0 (overflows without the shift)
        DeviceBuffer logits = buffer(1, 2, 3, 1000, 0, -1000);
        DeviceBuffer target = buffer(2, 0);
        DeviceBuffer loss = backend.allocate(2);
        DeviceBuffer grad = backend.allocate(6);
        backend.softmaxCrossEntropy(1, 2, 3, Strided.of(logits, 6), Strided.shared(target), Strided.of(loss, 2),
                Strided.of(grad, 6), 0.5f);
        double lse = 3 + Math.log(1 + Math.exp(-1) + Math.exp(-2));
        assertFloats(new float[] {(float) (lse - 3), 0}, read(loss), TOL);
        float[] expected = {
                (float) (0.5 * Math.exp(1 - lse)), (float) (0.5 * Math.exp(2 - lse)), (float) (0.5 * (Math.exp(3 - lse) - 1)),
                0, 0, 0};
        assertFloats(expected, read(grad), TOL);
    }

    @Test
    void softmaxCrossEntropyReadsEachNetsOwnTargetsAndLogitsWithOffsets() {
        // two nets, 2 rows x 2 classes each, stored 5 floats apart after one float of padding;
        // targets per net (stride 2), then the same logits with targets shared by both nets
        DeviceBuffer logits = buffer(99, 0, 1, 2, 0, 99, 3, 3, -1, 1);
        DeviceBuffer target = buffer(1, 0, /* net 1 */ 0, 1);
        DeviceBuffer loss = backend.allocate(6);
        DeviceBuffer grad = backend.allocate(10);
        backend.softmaxCrossEntropy(2, 2, 2, new Strided(logits, 1, 5), Strided.of(target, 2), new Strided(loss, 1, 3),
                new Strided(grad, 1, 5), 1f);
        double[][] rows = {{0, 1}, {2, 0}, {3, 3}, {-1, 1}};
        int[] classes = {1, 0, 0, 1};
        float[] expectedLoss = new float[6];
        float[] expectedGrad = new float[10];
        for (int r = 0; r < 4; r++) {
            double lse = Math.log(Math.exp(rows[r][0]) + Math.exp(rows[r][1]));
            int net = r / 2;
            expectedLoss[1 + 3 * net + r % 2] = (float) (lse - rows[r][classes[r]]);
            for (int j = 0; j < 2; j++) {
                expectedGrad[1 + 5 * net + 2 * (r % 2) + j] = (float) (Math.exp(rows[r][j] - lse) - (j == classes[r] ? 1 : 0));
            }
        }
        float[] gotLoss = read(loss);
        float[] gotGrad = read(grad);
        gotLoss[0] = gotLoss[3] = expectedLoss[0] = expectedLoss[3] = 0;
        gotGrad[0] = gotGrad[5] = expectedGrad[0] = expectedGrad[5] = 0;
        assertFloats(expectedLoss, gotLoss, TOL);
        assertFloats(expectedGrad, gotGrad, TOL);

        backend.softmaxCrossEntropy(2, 2, 2, new Strided(logits, 1, 5), Strided.shared(target), new Strided(loss, 1, 3),
                new Strided(grad, 1, 5), 1f);
        // both nets now use net 0's targets (1, 0): net 1's first row is class 1 and its second class 0
        double lse3 = Math.log(2 * Math.exp(3));
        double lse4 = Math.log(Math.exp(-1) + Math.exp(1));
        assertFloats(new float[] {(float) (lse3 - 3), (float) (lse4 + 1)}, new float[] {read(loss)[4], read(loss)[5]}, TOL);
    }

    @Test
    void binaryCrossEntropyFromLogitsIsStableAtBothEnds() {
        DeviceBuffer z = buffer(0, 2, -200, 200);
        DeviceBuffer y = buffer(1, 0, 1, 1);
        DeviceBuffer loss = backend.allocate(4);
        DeviceBuffer grad = backend.allocate(4);
        backend.binaryCrossEntropy(1, 4, Strided.of(z, 4), Strided.of(y, 4), Strided.of(loss, 4), Strided.of(grad, 4), 1f);
        assertFloats(new float[] {(float) Math.log(2), (float) (2 + Math.log1p(Math.exp(-2))), 200, 0}, read(loss), TOL);
        assertFloats(new float[] {-0.5f, (float) (1 / (1 + Math.exp(-2))), -1, 0}, read(grad), TOL);
    }

    @Test
    void squaredErrorGivesLossAndScaledGradient() {
        DeviceBuffer x = buffer(1, 4);
        DeviceBuffer y = buffer(3, 4);
        DeviceBuffer loss = backend.allocate(2);
        DeviceBuffer grad = backend.allocate(2);
        backend.squaredError(1, 2, Strided.of(x, 2), Strided.of(y, 2), Strided.of(loss, 2), Strided.of(grad, 2), 0.5f);
        assertFloats(new float[] {4, 0}, read(loss), 0);
        assertFloats(new float[] {-2, 0}, read(grad), 0);
    }

    @Test
    void columnSumsOverwriteTheOutputPerNet() {
        DeviceBuffer x = buffer(1, 2, 3, 4, 5, 6, /* net 1 */ -1, 0, 0, 0, 0, 1);
        DeviceBuffer out = buffer(7, 7, 7, 7, 7, 7);
        backend.columnSums(2, 2, 3, Strided.of(x, 6), Strided.of(out, 3));
        assertFloats(new float[] {5, 7, 9, -1, 0, 1}, read(out), 0);
    }

    @Test
    void batchNormStatisticsForwardAndBackwardAreHandComputed() {
        // one net, 4 rows x 1 column: x = 1, 2, 3, 6: mean 3, biased variance (4+1+0+9)/4 = 3.5
        DeviceBuffer x = buffer(1, 2, 3, 6);
        DeviceBuffer mean = backend.allocate(1);
        DeviceBuffer var = backend.allocate(1);
        backend.batchNormStatistics(1, 4, 1, Strided.of(x, 4), Strided.of(mean, 1), Strided.of(var, 1));
        assertFloats(new float[] {3}, read(mean), TOL);
        assertFloats(new float[] {3.5f}, read(var), TOL);
        DeviceBuffer gamma = buffer(2);
        DeviceBuffer beta = buffer(0.5f);
        DeviceBuffer xhat = backend.allocate(4);
        DeviceBuffer y = backend.allocate(4);
        float eps = 1e-5f;
        backend.batchNormForward(1, 4, 1, Strided.of(x, 4), Strided.of(mean, 1), Strided.of(var, 1), eps,
                Strided.of(gamma, 1), Strided.of(beta, 1), Strided.of(xhat, 4), Strided.of(y, 4));
        double sd = Math.sqrt(3.5 + 1e-5);
        float[] h = {(float) (-2 / sd), (float) (-1 / sd), 0, (float) (3 / sd)};
        assertFloats(h, read(xhat), TOL);
        assertFloats(new float[] {2 * h[0] + 0.5f, 2 * h[1] + 0.5f, 0.5f, 2 * h[3] + 0.5f}, read(y), TOL);
        DeviceBuffer gy = buffer(1, 0, 0, 0);
        DeviceBuffer gx = backend.allocate(4);
        DeviceBuffer gGamma = backend.allocate(1);
        DeviceBuffer gBeta = backend.allocate(1);
        backend.batchNormBackward(1, 4, 1, Strided.of(gy, 4), Strided.of(xhat, 4), Strided.of(var, 1), eps,
                Strided.of(gamma, 1), Strided.of(gx, 4), Strided.of(gGamma, 1), Strided.of(gBeta, 1));
        assertFloats(new float[] {1}, read(gBeta), TOL);
        assertFloats(new float[] {h[0]}, read(gGamma), TOL);
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) (2 / (4 * sd) * (4 * (i == 0 ? 1 : 0) - 1 - h[i] * h[0]));
        }
        assertFloats(expected, read(gx), 1e-5f);
    }

    @Test
    void multiplyMaskWithAndWithoutShift() {
        DeviceBuffer x = buffer(1, 2, 3, 4);
        DeviceBuffer mask = buffer(0, 2);
        DeviceBuffer shift = buffer(-1, 0.5f);
        DeviceBuffer out = backend.allocate(4);
        backend.multiplyMask(2, 2, Strided.of(x, 2), Strided.shared(mask), null, Strided.of(out, 2));
        assertFloats(new float[] {0, 4, 0, 8}, read(out), 0);
        backend.multiplyMask(2, 2, Strided.of(x, 2), Strided.shared(mask), Strided.shared(shift), Strided.of(x, 2));
        assertFloats(new float[] {-1, 4.5f, -1, 8.5f}, read(x), 0);
    }

    @Test
    void gatherRowsCopiesTheIndexedRowsInOrder() {
        DeviceBuffer src = buffer(0, 1, 10, 11, 20, 21);
        DeviceBuffer idx = buffer(2, 0, 2);
        DeviceBuffer dst = backend.allocate(6);
        backend.gatherRows(3, 2, src, idx, dst);
        assertFloats(new float[] {20, 21, 0, 1, 20, 21}, read(dst), 0);
    }

    /**
     * Every output of every operation, written by 2 nets through a stride smaller than one
     * net's extent (0: both nets on the same floats; or one float short), is rejected with the
     * array's name before anything is computed; the inputs may be shared.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 5})
    void outputsWhoseNetsWouldOverlapAreRejectedByName(long stride) {
        // per net: rows 2, cols 3 (6 floats), so stride 5 overlaps by one float; 1-float outputs use stride 0
        DeviceBuffer big = backend.allocate(64);
        Strided in = Strided.of(big, 6);
        Strided shared = Strided.shared(big);
        Strided bad = new Strided(backend.allocate(64), 0, stride);
        Strided ok = Strided.of(backend.allocate(64), 6);
        Strided badOne = Strided.shared(backend.allocate(4));
        java.util.Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("z", () -> backend.addBias(2, 2, 3, bad, shared));
        calls.put("a", () -> backend.activationForward(Activation.TANH, 0, 2, 6, in, null, bad));
        calls.put("gradZ", () -> backend.activationBackward(Activation.TANH, 0, 2, 6, in, null, in, bad));
        calls.put("out of preluSlopeGradient", () -> backend.preluSlopeGradient(2, 6, in, in, badOne));
        calls.put("grad of softmaxCrossEntropy", () -> backend.softmaxCrossEntropy(2, 2, 3, in, shared, ok, bad, 1));
        calls.put("loss of binaryCrossEntropy", () -> backend.binaryCrossEntropy(2, 6, in, shared, bad, ok, 1));
        calls.put("grad of squaredError", () -> backend.squaredError(2, 6, in, shared, ok, bad, 1));
        calls.put("out of columnSums", () -> backend.columnSums(2, 2, 3, in, new Strided(bad.buffer(), 0, stride / 3)));
        calls.put("mean", () -> backend.batchNormStatistics(2, 2, 3, in, new Strided(bad.buffer(), 0, stride / 3), ok));
        calls.put("var", () -> backend.batchNormStatistics(2, 2, 3, in, ok, new Strided(bad.buffer(), 0, stride / 3)));
        calls.put("xhat", () -> backend.batchNormForward(2, 2, 3, in, shared, shared, 1e-5f, shared, shared, bad, ok));
        calls.put("y", () -> backend.batchNormForward(2, 2, 3, in, shared, shared, 1e-5f, shared, shared, null, bad));
        calls.put("gradX", () -> backend.batchNormBackward(2, 2, 3, in, in, shared, 1e-5f, shared, bad, ok, ok));
        calls.put("gradGamma", () -> backend.batchNormBackward(2, 2, 3, in, in, shared, 1e-5f, shared, ok,
                new Strided(bad.buffer(), 0, stride / 3), ok));
        calls.put("gradBeta", () -> backend.batchNormBackward(2, 2, 3, in, in, shared, 1e-5f, shared, ok, ok,
                new Strided(bad.buffer(), 0, stride / 3)));
        calls.put("out of multiplyMask", () -> backend.multiplyMask(2, 6, in, shared, null, bad));
        float[] before = read(ok.buffer());
        for (java.util.Map.Entry<String, Runnable> call : calls.entrySet()) {
            String name = call.getKey().split(" ")[0];
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    call.getValue()::run, call.getKey());
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(name + " is written by 2 nets"),
                    call.getKey() + ": " + e.getMessage());
        }
        assertFloats(before, read(ok.buffer()), 0);
    }

    @Test
    void oneNetMayWriteThroughStrideZero() {
        DeviceBuffer z = buffer(1, 2, 3);
        DeviceBuffer a = backend.allocate(3);
        backend.activationForward(Activation.RELU, 0, 1, 3, Strided.shared(z), null, Strided.shared(a));
        assertFloats(new float[] {1, 2, 3}, read(a), 0);
    }
}
