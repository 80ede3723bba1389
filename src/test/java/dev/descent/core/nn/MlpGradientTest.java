package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every layer's backward pass: the double reference against central differences of its own
 * loss, then the float backend ({@link MlpBatch} on {@link CpuBackend}) against the reference.
 */
class MlpGradientTest {
    private static final int ROWS = 7;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationBackwardMatchesCentralDifferencesAndTheFloatBackend(Activation activation) {
        check(new MlpSpec(3, List.of(5, 4), 3, ActivationSpec.of(activation), false, 0, Loss.CE), 11);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void everyLossBackwardMatches(Loss loss) {
        int outputs = loss == Loss.BCE ? 1 : 3;
        check(new MlpSpec(3, List.of(6), outputs, ActivationSpec.of(Activation.TANH), false, 0, loss), 12);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void batchNormBackwardMatches(Loss loss) {
        int outputs = loss == Loss.BCE ? 1 : 3;
        check(new MlpSpec(3, List.of(5, 4), outputs, ActivationSpec.of(Activation.RELU), true, 0, loss), 13);
    }

    @Test
    void preluSlopeAndBatchNormTogetherMatch() {
        check(new MlpSpec(2, List.of(6, 5), 2, ActivationSpec.of(Activation.PRELU), true, 0, Loss.CE), 14);
    }

    @Test
    void invertedDropoutBackwardMatches() {
        check(new MlpSpec(3, List.of(8, 6), 3, ActivationSpec.of(Activation.RELU), false, 0.3, Loss.CE), 15);
    }

    @Test
    void alphaDropoutWithSeluBackwardMatches() {
        check(new MlpSpec(3, List.of(8, 6), 3, ActivationSpec.of(Activation.SELU), false, 0.2, Loss.CE), 16);
    }

    @Test
    void linearModelWithoutHiddenLayersMatches() {
        check(new MlpSpec(4, List.of(), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.MSE), 17);
    }

    @Test
    void mixedLayersEachWithTheirOwnActivationBatchNormAndDropoutMatch() {
        // tanh with BN and dropout, PReLU plain, SELU with alpha dropout, RReLU with BN
        check(new MlpSpec(3, List.of(
                new HiddenLayer(6, ActivationSpec.of(Activation.TANH), true, 0.25),
                new HiddenLayer(5, ActivationSpec.of(Activation.PRELU), false, 0),
                new HiddenLayer(7, ActivationSpec.of(Activation.SELU), false, 0.2),
                new HiddenLayer(4, ActivationSpec.of(Activation.RRELU), true, 0)), 3, Loss.CE), 18);
    }

    @Test
    void mixedLayersWithLeakyReluAndSigmoidMatchForRegression() {
        check(new MlpSpec(2, List.of(
                new HiddenLayer(5, ActivationSpec.parse("leaky_relu alpha=0.2"), false, 0.3),
                new HiddenLayer(6, ActivationSpec.of(Activation.SIGMOID), true, 0)), 2, Loss.MSE), 19);
    }

    @Test
    void aMixedNetHasBatchNormParametersOnlyWhereAsked() {
        MlpSpec spec = new MlpSpec(3, List.of(
                new HiddenLayer(6, ActivationSpec.of(Activation.TANH), true, 0),
                new HiddenLayer(5, ActivationSpec.of(Activation.PRELU), false, 0)), 2, Loss.CE);
        ParameterLayout layout = new ParameterLayout(spec);
        assertTrue(layout.gamma(0) >= 0 && layout.gamma(1) < 0 && layout.alpha(0) < 0 && layout.alpha(1) >= 0);
        // W0 3x6 + b0 6 + gamma/beta 12 + W1 6x5 + b1 5 + alpha 1 + W2 5x2 + b2 2
        assertEquals(18 + 6 + 12 + 30 + 5 + 1 + 10 + 2, layout.size());
    }

    private static void check(MlpSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ParameterLayout layout = new ParameterLayout(spec);
        int nets = 2;
        double[][] params = new double[nets][layout.size()];
        for (double[] p : params) {
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextGaussian() * 0.7;
            }
        }
        double[][] x = new double[ROWS][spec.inputs()];
        float[] xf = new float[ROWS * spec.inputs()];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < spec.inputs(); j++) {
                x[i][j] = (float) random.nextGaussian();
                xf[i * spec.inputs() + j] = (float) x[i][j];
            }
        }
        int tc = spec.loss() == Loss.MSE ? spec.outputs() : 1;
        double[] t = new double[ROWS * tc];
        float[] tf = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = switch (spec.loss()) {
                case CE -> random.nextInt(spec.outputs());
                case BCE -> random.nextInt(2);
                case MSE -> (float) random.nextGaussian();
            };
            tf[i] = (float) t[i];
        }
        // the noise MlpBatch draws from this generator, drawn again in the same order
        long noiseSeed = random.nextLong();
        ReferenceMlp reference = referenceWithNoise(spec, new SplittableRandom(noiseSeed));

        try (CpuBackend backend = new CpuBackend(); MlpBatch mlp = new MlpBatch(backend, spec, nets, ROWS)) {
            for (int p = 0; p < nets; p++) {
                float[] rounded = new float[layout.size()];
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = (float) params[p][i];
                    params[p][i] = rounded[i];
                }
                mlp.setParameters(p, params[p]);
            }
            mlp.loadTrainingSet(xf, tf, ROWS);
            int[] rows = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                rows[i] = i;
            }
            mlp.trainStep(rows, new SplittableRandom(noiseSeed));
            float[] losses = new float[nets * ROWS * tc];
            mlp.losses(losses);
            for (int p = 0; p < nets; p++) {
                double[] analytic = new double[layout.size()];
                double loss = reference.lossAndGradient(params[p], x, t, analytic);
                double[] numeric = centralDifferences(reference, params[p], x, t);
                double scale = maxAbs(analytic) + 1e-3;
                for (int i = 0; i < analytic.length; i++) {
                    assertEquals(numeric[i], analytic[i], 1e-6 * scale,
                            spec + ": reference gradient vs central difference at parameter " + i);
                }
                double[] backend32 = new double[layout.size()];
                mlp.gradient(p, backend32);
                for (int i = 0; i < analytic.length; i++) {
                    assertEquals(analytic[i], backend32[i], 2e-4 * scale + 1e-6,
                            spec + ": float backend vs reference at parameter " + i);
                }
                double backendLoss = 0;
                for (int i = 0; i < ROWS * tc; i++) {
                    backendLoss += losses[p * ROWS * tc + i] / (ROWS * tc);
                }
                assertEquals(loss, backendLoss, 1e-5 * Math.max(1, Math.abs(loss)), spec + ": loss");
            }
        }
    }

    private static ReferenceMlp referenceWithNoise(MlpSpec spec, SplittableRandom random) {
        int hidden = spec.hidden().size();
        double[][] mask = new double[hidden][];
        double[][] shift = new double[hidden][];
        double[][] slopes = new double[hidden][];
        double alphaPrime = -Activation.SELU_SCALE * Activation.SELU_ALPHA;
        boolean anyDropout = false;
        for (int l = 0; l < hidden; l++) {
            double p = spec.dropout(l);
            boolean alphaDropout = spec.alphaDropout(l);
            double a = 1 / Math.sqrt((1 - p) * (1 + p * alphaPrime * alphaPrime));
            double b = -a * alphaPrime * p;
            anyDropout |= p > 0;
            int n = ROWS * spec.hidden().get(l);
            if (spec.activation(l).function() == Activation.RRELU) {
                slopes[l] = new double[n];
                for (int i = 0; i < n; i++) {
                    slopes[l][i] = (float) (1.0 / 8 + (1.0 / 3 - 1.0 / 8) * random.nextDouble());
                }
            }
            if (p > 0) {
                mask[l] = new double[n];
                shift[l] = alphaDropout ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    boolean keep = random.nextDouble() >= p;
                    if (alphaDropout) {
                        mask[l][i] = keep ? (float) a : 0f;
                        shift[l][i] = (float) (keep ? b : a * alphaPrime + b);
                    } else {
                        mask[l][i] = keep ? (float) (1 / (1 - p)) : 0f;
                    }
                }
            }
        }
        return new ReferenceMlp(spec, anyDropout ? mask : null, anyDropout ? shift : null, slopes);
    }

    private static double[] centralDifferences(ReferenceMlp reference, double[] params, double[][] x, double[] t) {
        double h = 1e-6;
        double[] out = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            double keep = params[i];
            params[i] = keep + h;
            double up = reference.lossAndGradient(params, x, t, null);
            params[i] = keep - h;
            double down = reference.lossAndGradient(params, x, t, null);
            params[i] = keep;
            out[i] = (up - down) / (2 * h);
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    @Test
    void referenceLossIsFiniteForLargeLogits() {
        assertTrue(Double.isFinite(ReferenceMlp.f(Activation.SOFTPLUS, 0, 0, 50)));
    }
}
