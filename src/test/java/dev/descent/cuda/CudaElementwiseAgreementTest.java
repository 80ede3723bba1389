package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every element-wise operation of {@link CudaBackend} against {@link CpuBackend} on the same
 * inputs: offsets, gaps between nets, shared (stride 0) arrays and in-place outputs. Float
 * arithmetic in the same order must give the same bits (the kernels are compiled without
 * fused multiply-add); where a value passes through exp, tanh, erf and the like, the two
 * math libraries may round the double differently, so {@link #transcendentalUlps()} float
 * ulps are allowed. Subclasses supply the CUDA backend: on the host or on a GPU.
 */
abstract class CudaElementwiseAgreementTest {

    private Backend cpu;
    private Backend cuda;
    private final List<Pair> pairs = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(2024);

    /** One array in both backends. */
    private record Pair(DeviceBuffer cpu, DeviceBuffer cuda) {
    }

    /** Which backend an operation runs on, and that backend's half of each pair. */
    private record Side(Backend backend, boolean isCuda) {
        Strided s(Pair p, long offset, long stride) {
            return new Strided(isCuda ? p.cuda() : p.cpu(), offset, stride);
        }

        DeviceBuffer b(Pair p) {
            return isCuda ? p.cuda() : p.cpu();
        }
    }

    private interface Op {
        void run(Backend backend, Side side);
    }

    /** A new CUDA backend; closed after each test. */
    protected abstract CudaBackend newCudaBackend();

    /** Float ulps allowed where a value went through a transcendental function. */
    protected int transcendentalUlps() {
        return 1;
    }

    @BeforeEach
    void open() {
        cpu = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
        cuda = newCudaBackend();
    }

    @AfterEach
    void close() {
        cpu.close();
        cuda.close();
    }

    @Test
    void biasAddWithPerNetAndSharedBias() {
        Pair z = random(3 * 23 + 2, -1, 1);
        Pair bias = random(3 * 5 + 1, -1, 1);
        Pair shared = random(5, -1, 1);
        both((b, s) -> b.addBias(3, 4, 5, s.s(z, 2, 23), s.s(bias, 1, 5)));
        both((b, s) -> b.addBias(3, 4, 5, s.s(z, 2, 23), s.s(shared, 0, 0)));
        assertSameEverywhere(0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationForwardAndBackwardMatchTheCpu(Activation f) {
        int batch = 3;
        int n = 40;
        float[] values = new float[batch * n + 3];
        float[] specials = {0f, -0f, 25f, -25f, 20f, 1f, -1f, 1e-30f, -1e-30f, 88f, -88f};
        for (int i = 0; i < values.length; i++) {
            values[i] = i < specials.length ? specials[i] : (float) (random.nextDouble() * 8 - 4);
        }
        Pair z = pair(values);
        Pair slope = random(batch * n, 0.05, 0.3);
        Pair perNet = random(batch, 0.1, 0.4);
        Pair a = random(batch * n + 3, -1, 1);
        Pair gradA = random(batch * n, -1, 1);
        Pair gradZ = random(batch * n, -1, 1);
        Pair slopeFor = f == Activation.PRELU ? perNet : slope;
        long slopeStride = f == Activation.PRELU ? 1 : n;
        float param = f == Activation.ELU ? 1.0f : f == Activation.RRELU ? 0.229f : 0.1f;
        both((b, s) -> b.activationForward(f, param, batch, n, s.s(z, 3, n), s.s(slopeFor, 0, slopeStride), s.s(a, 0, n)));
        both((b, s) -> b.activationBackward(f, param, batch, n, s.s(z, 3, n), s.s(slopeFor, 0, slopeStride),
                s.s(gradA, 0, n), s.s(gradZ, 0, n)));
        if (f != Activation.PRELU) {
            // no slope buffer (RRELU at inference uses param), and in place
            both((b, s) -> b.activationForward(f, param, batch, n, s.s(z, 3, n), null, s.s(z, 3, n)));
            both((b, s) -> b.activationBackward(f, param, batch, n, s.s(a, 0, n), null, s.s(gradA, 0, n),
                    s.s(gradA, 0, n)));
        }
        assertSameEverywhere(transcendentalUlps());
    }

    @Test
    void preluSlopeGradientSumsInOrder() {
        Pair z = random(3 * 50, -2, 2);
        Pair g = random(3 * 50, -1, 1);
        Pair out = random(7, -1, 1);
        both((b, s) -> b.preluSlopeGradient(3, 50, s.s(z, 0, 50), s.s(g, 0, 50), s.s(out, 1, 2)));
        assertSameEverywhere(0);
    }

    @Test
    void softmaxCrossEntropyWithSharedTargetsAndGradientInPlace() {
        int batch = 3;
        int rows = 6;
        int classes = 4;
        Pair logits = random(batch * rows * classes, -5, 5);
        Pair target = pair(new float[]{9f, 0, 3, 1, 2, 3, 0});
        Pair loss = random(batch * rows, 0, 1);
        Pair grad = random(batch * rows * classes, 0, 1);
        both((b, s) -> b.softmaxCrossEntropy(batch, rows, classes, s.s(logits, 0, rows * classes), s.s(target, 1, 0),
                s.s(loss, 0, rows), s.s(grad, 0, rows * classes), 1f / rows));
        both((b, s) -> b.softmaxCrossEntropy(batch, rows, classes, s.s(logits, 0, rows * classes), s.s(target, 1, 0),
                s.s(loss, 0, rows), s.s(logits, 0, rows * classes), 0.5f));
        assertSameEverywhere(transcendentalUlps());
    }

    @Test
    void softmaxTargetOutOfRangeThrowsOnBothBackends() {
        Pair logits = random(8, -1, 1);
        Pair target = pair(new float[]{1, 4});
        Pair loss = random(2, 0, 1);
        Pair grad = random(8, 0, 1);
        for (Side side : sides()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                side.backend().softmaxCrossEntropy(1, 2, 4, side.s(logits, 0, 8), side.s(target, 0, 2),
                        side.s(loss, 0, 2), side.s(grad, 0, 8), 1f);
                side.backend().download(side.b(loss), 0, new float[2], 0, 2);
            });
            assertTrue(e.getMessage().startsWith("target class must be in [0, 4)"), e.getMessage());
        }
        // the flag was cleared: a valid call afterwards succeeds
        Pair good = pair(new float[]{1, 3});
        both((b, s) -> b.softmaxCrossEntropy(1, 2, 4, s.s(logits, 0, 8), s.s(good, 0, 2), s.s(loss, 0, 2),
                s.s(grad, 0, 8), 1f));
        assertSameEverywhere(transcendentalUlps());
    }

    @Test
    void binaryCrossEntropyAndSquaredErrorWithSharedTargets() {
        Pair logits = random(3 * 10, -30, 30);
        Pair target = random(10, 0, 1);
        Pair loss = random(3 * 10, 0, 1);
        Pair grad = random(3 * 10, 0, 1);
        both((b, s) -> b.binaryCrossEntropy(3, 10, s.s(logits, 0, 10), s.s(target, 0, 0), s.s(loss, 0, 10),
                s.s(grad, 0, 10), 0.1f));
        Pair prediction = random(3 * 10 + 4, -3, 3);
        Pair loss2 = random(3 * 10, 0, 1);
        both((b, s) -> b.squaredError(3, 10, s.s(prediction, 4, 10), s.s(target, 0, 0), s.s(loss2, 0, 10),
                s.s(prediction, 4, 10), 0.05f));
        assertSameEverywhere(transcendentalUlps());
    }

    @Test
    void columnSumsAndBatchNormMatchTheCpu() {
        int batch = 3;
        int rows = 7;
        int cols = 5;
        int per = rows * cols;
        Pair x = random(batch * per + 2, -3, 3);
        Pair sums = random(batch * cols, 0, 1);
        Pair mean = random(batch * cols, 0, 1);
        Pair var = random(batch * cols, 0, 1);
        Pair gamma = random(batch * cols, 0.5, 1.5);
        Pair beta = random(cols, -0.5, 0.5);
        Pair xhat = random(batch * per, 0, 1);
        Pair y = random(batch * per, 0, 1);
        Pair gradY = random(batch * per, -1, 1);
        Pair gradX = random(batch * per, 0, 1);
        Pair gradGamma = random(batch * cols, 0, 1);
        Pair gradBeta = random(batch * cols, 0, 1);
        both((b, s) -> b.columnSums(batch, rows, cols, s.s(x, 2, per), s.s(sums, 0, cols)));
        both((b, s) -> b.batchNormStatistics(batch, rows, cols, s.s(x, 2, per), s.s(mean, 0, cols), s.s(var, 0, cols)));
        both((b, s) -> b.batchNormForward(batch, rows, cols, s.s(x, 2, per), s.s(mean, 0, cols), s.s(var, 0, cols),
                1e-5f, s.s(gamma, 0, cols), s.s(beta, 0, 0), s.s(xhat, 0, per), s.s(y, 0, per)));
        both((b, s) -> b.batchNormBackward(batch, rows, cols, s.s(gradY, 0, per), s.s(xhat, 0, per), s.s(var, 0, cols),
                1e-5f, s.s(gamma, 0, cols), s.s(gradX, 0, per), s.s(gradGamma, 0, cols), s.s(gradBeta, 0, cols)));
        // inference form: no xhat, output in place
        both((b, s) -> b.batchNormForward(batch, rows, cols, s.s(y, 0, per), s.s(mean, 0, cols), s.s(var, 0, cols),
                1e-3f, s.s(gamma, 0, cols), s.s(beta, 0, 0), null, s.s(y, 0, per)));
        assertSameEverywhere(transcendentalUlps());
    }

    @Test
    void masksWithAndWithoutShift() {
        Pair x = random(3 * 12, -2, 2);
        Pair mask = random(3 * 12, 0, 2);
        Pair shift = random(12, -1, 1);
        Pair out = random(3 * 12, 0, 1);
        both((b, s) -> b.multiplyMask(3, 12, s.s(x, 0, 12), s.s(mask, 0, 12), null, s.s(out, 0, 12)));
        both((b, s) -> b.multiplyMask(3, 12, s.s(x, 0, 12), s.s(mask, 0, 12), s.s(shift, 0, 0), s.s(x, 0, 12)));
        assertSameEverywhere(0);
    }

    @Test
    void gatherRowsCopiesTheIndexedRowsAndRejectsABadIndex() {
        Pair src = random(10 * 3, -1, 1);
        Pair indices = pair(new float[]{9, 0, 4, 4, 2});
        Pair dst = random(5 * 3, 0, 1);
        both((b, s) -> b.gatherRows(5, 3, s.b(src), s.b(indices), s.b(dst)));
        assertSameEverywhere(0);
        Pair bad = pair(new float[]{1, 10});
        Pair dst2 = random(2 * 3, 0, 1);
        for (Side side : sides()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                side.backend().gatherRows(2, 3, side.b(src), side.b(bad), side.b(dst2));
                side.backend().download(side.b(dst2), 0, new float[6], 0, 6);
            });
            assertTrue(e.getMessage().startsWith("row index must be in [0, 10)"), e.getMessage());
        }
    }

    @Test
    void aBadRowAndABadTargetBeforeOneDownloadAreBothNamed() {
        Pair src = random(10 * 3, -1, 1);
        Pair bad = pair(new float[]{1, 10});
        Pair dst = random(2 * 3, 0, 1);
        Pair logits = random(8, -1, 1);
        Pair target = pair(new float[]{1, 4});
        Pair loss = random(2, 0, 1);
        Pair grad = random(8, 0, 1);
        Side gpu = sides().stream().filter(Side::isCuda).findFirst().orElseThrow();
        gpu.backend().gatherRows(2, 3, gpu.b(src), gpu.b(bad), gpu.b(dst));
        gpu.backend().softmaxCrossEntropy(1, 2, 4, gpu.s(logits, 0, 8), gpu.s(target, 0, 2), gpu.s(loss, 0, 2),
                gpu.s(grad, 0, 8), 1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gpu.backend().download(gpu.b(dst), 0, new float[6], 0, 6));
        assertEquals("row index must be in [0, 10); target class must be in [0, 4)", e.getMessage());
        gpu.backend().download(gpu.b(dst), 0, new float[6], 0, 6);
    }

    @Test
    void largerArraysThanOneGridPass() {
        Pair x = random(3 * 50_000, -1, 1);
        Pair out = random(3 * 50_000, 0, 1);
        both((b, s) -> b.multiplyMask(3, 50_000, s.s(x, 0, 50_000), s.s(x, 0, 50_000), null, s.s(out, 0, 50_000)));
        assertSameEverywhere(0);
    }

    // ---- helpers ----

    private List<Side> sides() {
        return List.of(new Side(cpu, false), new Side(cuda, true));
    }

    private void both(Op op) {
        for (Side side : sides()) {
            op.run(side.backend(), side);
        }
    }

    private Pair pair(float[] values) {
        DeviceBuffer c = cpu.allocate(values.length);
        DeviceBuffer g = cuda.allocate(values.length);
        cpu.upload(values, 0, c, 0, values.length);
        cuda.upload(values, 0, g, 0, values.length);
        Pair p = new Pair(c, g);
        pairs.add(p);
        return p;
    }

    private Pair random(int length, double lo, double hi) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        return pair(values);
    }

    /** Every array equal on both backends: the same bits, or within {@code ulps} float ulps. */
    private void assertSameEverywhere(int ulps) {
        for (int k = 0; k < pairs.size(); k++) {
            Pair p = pairs.get(k);
            int n = (int) p.cpu().length();
            float[] expected = new float[n];
            float[] actual = new float[n];
            cpu.download(p.cpu(), 0, expected, 0, n);
            cuda.download(p.cuda(), 0, actual, 0, n);
            for (int i = 0; i < n; i++) {
                float e = expected[i];
                float a = actual[i];
                if (Float.floatToIntBits(e) == Float.floatToIntBits(a)) {
                    continue;
                }
                double tolerance = ulps * Math.ulp(Math.max(Math.abs(e), Math.abs(a)));
                assertTrue(Math.abs(e - a) <= tolerance, "array " + k + " element " + i + ": cpu " + e + ", cuda " + a);
            }
        }
    }
}
