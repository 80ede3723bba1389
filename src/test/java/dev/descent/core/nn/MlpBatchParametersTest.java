package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameters in and gradients out of {@link MlpBatch}: a net whose new weights are not all
 * finite keeps its previous ones on the backend (whatever the position of the bad value in
 * the fused check's eight lanes and tail), huge finite weights are sent, and the gradient's
 * per-layer sums of squares are those of {@link MlpBatch#sumOfSquares} over the downloaded
 * values, bit for bit.
 */
class MlpBatchParametersTest {

    // 2-5-3: 33 parameters, so the fused check has four blocks of eight and a tail of one
    private final MlpSpec spec = new MlpSpec(2, List.of(5), 3, ActivationSpec.of(Activation.TANH), false, 0, Loss.CE);
    private final ParameterLayout layout = new ParameterLayout(spec);
    private final float[] features = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f};

    private double[] randomParameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[layout.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextGaussian();
        }
        return p;
    }

    private float[] predict(MlpBatch mlp) {
        float[] out = new float[2 * 3 * spec.outputs()];
        mlp.predict(features, 3, out, null);
        return out;
    }

    @Test
    void weightsWithANonFiniteValueAreNotSentAndTheNetKeepsItsPreviousOnes() {
        try (CpuBackend cpu = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
             MlpBatch mlp = new MlpBatch(cpu, spec, 2, 4)) {
            assertEquals(33, layout.size());
            double[] good = randomParameters(1);
            mlp.setParameters(0, good);
            mlp.setParameters(1, randomParameters(2));
            float[] before = predict(mlp);
            for (int at : new int[] {0, 7, 13, 31, 32}) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] p = randomParameters(3);
                    p[at] = bad;
                    assertFalse(mlp.setParametersIfFinite(0, p), bad + " at " + at);
                    assertArrayEquals(before, predict(mlp), bad + " at " + at);
                }
            }
            double[] huge = good.clone();
            huge[32] = 1e300;
            assertTrue(mlp.setParametersIfFinite(0, huge));
            double[] moved = randomParameters(4);
            assertTrue(mlp.setParametersIfFinite(0, moved));
            float[] after = predict(mlp);
            mlp.setParameters(0, moved);
            assertArrayEquals(after, predict(mlp));
            assertFalse(java.util.Arrays.equals(before, after));
        }
    }

    @Test
    void gradientSquaresAreTheSumsOfSquaresOfEachLayersDownloadedWeightGradient() {
        MlpSpec deep = new MlpSpec(3, List.of(7, 6), 2, ActivationSpec.of(Activation.TANH), false, 0, Loss.CE);
        ParameterLayout deepLayout = new ParameterLayout(deep);
        try (CpuBackend cpu = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
             MlpBatch mlp = new MlpBatch(cpu, deep, 2, 5)) {
            SplittableRandom random = new SplittableRandom(9);
            float[] x = new float[5 * 3];
            float[] t = new float[5];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < t.length; i++) {
                t[i] = i % 2;
            }
            mlp.loadTrainingSet(x, t, 5);
            for (int net = 0; net < 2; net++) {
                double[] p = new double[deepLayout.size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = random.nextGaussian();
                }
                mlp.setParameters(net, p);
            }
            mlp.trainStep(new int[] {4, 0, 2, 1}, random);
            for (int net = 0; net < 2; net++) {
                double[] plain = new double[deepLayout.size()];
                double[] withSquares = new double[deepLayout.size()];
                double[] squares = new double[deep.layers()];
                mlp.gradient(net, plain);
                mlp.gradient(net, withSquares, squares);
                assertArrayEquals(plain, withSquares);
                for (int l = 0; l < deep.layers(); l++) {
                    int from = deepLayout.weight(l);
                    double expected = MlpBatch.sumOfSquares(plain, from, from + deepLayout.weightCount(l));
                    assertTrue(expected > 0);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(squares[l]),
                            "layer " + l + " of net " + net);
                    double naive = 0;
                    for (int i = from; i < from + deepLayout.weightCount(l); i++) {
                        naive += plain[i] * plain[i];
                    }
                    assertEquals(naive, squares[l], 1e-12 * naive);
                }
            }
        }
    }
}
