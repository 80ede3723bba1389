package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-epoch statistics a {@link TrainingRace} records (per-layer gradient norms, hidden
 * activation mean and standard deviation) against {@link ReferenceMlp}, an independent
 * double-precision implementation, to float tolerance: the gradient norm of layer l is the mean
 * over the epoch's steps of ||dL/dW_l|| for the step's minibatch at the weights before the
 * step; the activation statistics are over every unit and validation row after the epoch.
 */
class EpochStatisticsTest {

    private static final MlpSpec NET = new MlpSpec(2, List.of(8, 6), 2, ActivationSpec.of(Activation.TANH), false, 0,
            Loss.CE);
    private static final Dataset TRAIN = DataGenerators.create("moons", 48, 0.2, 11);
    private static final Dataset VAL = DataGenerators.create("moons", 30, 0.2, 12);
    /** Float32 forward and backward over at most 48 rows: a few float ulps, far below this. */
    private static final double RELATIVE = 2e-5;

    private static TrainingRace race(String racer, int epochs, int batch) {
        TrainingRaceOptions options = new TrainingRaceOptions(epochs, batch, 0, 0, 4, Init.torchDefault(), null);
        return new TrainingRace(new CpuBackend(), NET, TRAIN, VAL, List.of(TrainingRacerSpec.parse(racer)), options,
                null);
    }

    /** The features as the backend sees them: rounded to float. */
    private static double[][] asFloat(Dataset d) {
        double[][] x = new double[d.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[d.dimension()];
            for (int k = 0; k < x[i].length; k++) {
                x[i][k] = (float) d.features()[i][k];
            }
        }
        return x;
    }

    /** ||dL/dW_l|| per dense layer of the mean loss over {@code rows}. */
    private static double[] layerGradientNorms(ReferenceMlp ref, double[] p, double[][] x, double[] targets) {
        double[] grad = new double[ref.layout.size()];
        ref.lossAndGradient(p, x, targets, grad);
        double[] norms = new double[NET.layers()];
        for (int l = 0; l < norms.length; l++) {
            double sq = 0;
            for (int i = ref.layout.weight(l); i < ref.layout.weight(l) + ref.layout.weightCount(l); i++) {
                sq += grad[i] * grad[i];
            }
            norms[l] = Math.sqrt(sq);
        }
        return norms;
    }

    private static void assertActivationStatistics(TrainingRaceEpoch epoch, ReferenceMlp ref, double[] p) {
        double[][][] hidden = ref.hiddenOutputs(p, asFloat(VAL));
        assertEquals(hidden.length, epoch.activationMean().length);
        for (int l = 0; l < hidden.length; l++) {
            double sum = 0;
            int n = 0;
            for (double[] row : hidden[l]) {
                for (double a : row) {
                    sum += a;
                    n++;
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (double[] row : hidden[l]) {
                for (double a : row) {
                    squares += (a - mean) * (a - mean);
                }
            }
            double std = Math.sqrt(squares / n);
            assertTrue(std > 0.05, "a layer with spread to compare: " + std);
            assertEquals(mean, epoch.activationMean()[l], RELATIVE * (Math.abs(mean) + std), "mean, layer " + l);
            assertEquals(std, epoch.activationStd()[l], RELATIVE * std, "std, layer " + l);
        }
    }

    @Test
    void fullBatchEpochsMatchTheReferenceAtTheWeightsBeforeAndAfterEachStep() {
        ReferenceMlp ref = new ReferenceMlp(NET, null, null, null);
        double[][] x = asFloat(TRAIN);
        try (TrainingRace race = race("adam lr=0.05", 3, TRAIN.size())) {
            for (int e = 0; e < 3; e++) {
                double[] before = race.parameters(0);
                race.step(); // the whole training set: one step is one epoch
                TrainingRaceEpoch epoch = race.history().get(e);
                assertEquals(e + 1, epoch.epoch());
                double[] expected = layerGradientNorms(ref, before, x, TRAIN.targets());
                for (int l = 0; l < expected.length; l++) {
                    assertEquals(expected[l], epoch.gradientNorms()[l], RELATIVE * expected[l],
                            "epoch " + (e + 1) + ", layer " + l);
                }
                assertActivationStatistics(epoch, ref, race.parameters(0));
            }
        }
    }

    @Test
    void theGradientNormIsTheMeanOverTheEpochsStepsOfEachMinibatchsNorm() {
        // batch 1 and lr 0: every row is one step at the initial weights, in any order
        ReferenceMlp ref = new ReferenceMlp(NET, null, null, null);
        double[][] x = asFloat(TRAIN);
        try (TrainingRace race = race("sgd lr=0", 1, 1)) {
            double[] initial = race.parameters(0);
            race.run();
            TrainingRaceEpoch epoch = race.history().get(0);
            assertEquals(TRAIN.size(), epoch.step());
            double[] mean = new double[NET.layers()];
            double[] fullBatch = layerGradientNorms(ref, initial, x, TRAIN.targets());
            for (int i = 0; i < TRAIN.size(); i++) {
                double[] one = layerGradientNorms(ref, initial, new double[][] {x[i]}, new double[] {TRAIN.targets()[i]});
                for (int l = 0; l < mean.length; l++) {
                    mean[l] += one[l] / TRAIN.size();
                }
            }
            for (int l = 0; l < mean.length; l++) {
                assertTrue(mean[l] > 1.2 * fullBatch[l], "the mean of norms differs from the full-batch norm");
                assertEquals(mean[l], epoch.gradientNorms()[l], RELATIVE * mean[l], "layer " + l);
            }
            assertActivationStatistics(epoch, ref, initial);
        }
    }
}
