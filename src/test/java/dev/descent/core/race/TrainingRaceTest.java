package dev.descent.core.race;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.compute.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRaceTest {

    private static final Dataset MOONS = DataGenerators.create("moons", 200, 0.1, 3);

    private static TrainingRace race(MlpSpec spec, List<String> racers, int epochs, int batch, EarlyStopping.Options stop,
                                     Dataset val) {
        TrainingRaceOptions options = new TrainingRaceOptions(epochs, batch, 0, 0, 42, Init.torchDefault(), null);
        return new TrainingRace(new CpuBackend(), spec, MOONS, val, racers.stream().map(TrainingRacerSpec::parse).toList(),
                options, stop);
    }

    private static MlpSpec moonsNet(boolean batchNorm) {
        return new MlpSpec(2, List.of(16, 16), 2, ActivationSpec.of(Activation.TANH), batchNorm, 0, Loss.CE);
    }

    @Test
    void trainingLossDecreasesAndAccuracyRisesOnMoons() {
        try (TrainingRace race = race(moonsNet(false), List.of("adam lr=0.01"), 30, 16, null,
                MOONS.select("none", new int[0]))) {
            race.run();
            List<TrainingRaceEpoch> h = race.history();
            assertEquals(30, h.size());
            assertTrue(h.get(29).trainLoss() < 0.5 * h.get(0).trainLoss(),
                    "loss " + h.get(0).trainLoss() + " -> " + h.get(29).trainLoss());
            assertTrue(h.get(29).trainAccuracy() > 0.95, "accuracy " + h.get(29).trainAccuracy());
            assertEquals(30 * 13, h.get(29).step());
        }
    }

    @Test
    void stepTracesAreRecordedByDefaultAndNotWhenTurnedOff() {
        try (TrainingRace race = race(moonsNet(false), List.of("adam lr=0.01"), 1, 16, null,
                MOONS.select("none", new int[0]))) {
            race.step();
            assertEquals(race.parameters(0).length,
                    race.snapshot().racers().get(0).trace().lastStep().delta().length);
            race.recordStepTraces(false);
            race.reset();
            race.step();
            assertNull(race.snapshot().racers().get(0).trace().lastStep());
        }
    }

    @Test
    void racersWithTheSameOptimizerTrainIdentically() {
        try (TrainingRace race = race(moonsNet(true), List.of("sgd lr=0.1 label=a", "sgd lr=0.1 label=b"), 3, 20,
                null, MOONS.select("none", new int[0]))) {
            race.run();
            assertArrayEquals(race.parameters(0), race.parameters(1));
        }
    }

    @Test
    void aHugeLearningRateDivergesAndStopsOnlyThatRacer() {
        Dataset sine = DataGenerators.create("sine", 100, 0.0, 1);
        MlpSpec spec = new MlpSpec(1, List.of(8), 1, ActivationSpec.of(Activation.RELU), false, 0, Loss.MSE);
        TrainingRaceOptions options = new TrainingRaceOptions(20, 10, 0, 0, 1, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), spec, sine, sine.select("v", new int[0]),
                List.of(TrainingRacerSpec.parse("sgd lr=1e6 label=wild"), TrainingRacerSpec.parse("sgd lr=0.01 label=tame")),
                options, null)) {
            race.run();
            List<TrainingRaceResult> results = race.results();
            assertNotNull(results.get(0).divergedAt());
            assertTrue(results.get(0).epochsRun() < 20);
            assertNull(results.get(1).divergedAt());
            assertEquals(20, results.get(1).epochsRun());
        }
    }

    @Test
    void aNonFiniteValidationLossIsDivergenceNotAnEarlyStop() {
        // lr 1e6: the double minibatch losses and weights stay finite in epoch 1, but the float
        // inference pass overflows, so the validation loss is NaN
        dev.descent.core.data.DataSplit split = dev.descent.core.data.DataSplit.split(
                DataGenerators.create("moons", 200, 0.1, 0), 0.2, 0, new java.util.SplittableRandom(0));
        MlpSpec relu = new MlpSpec(2, List.of(16), 2, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        TrainingRaceOptions options = new TrainingRaceOptions(30, 32, 0, 0, 0, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), relu, split.train(), split.validation(),
                List.of(TrainingRacerSpec.parse("sgd lr=1e6 label=boom"), TrainingRacerSpec.parse("adam lr=0.01")),
                options, EarlyStopping.Options.parse("patience=2"))) {
            race.run();
            TrainingRaceEpoch first = race.history().get(0);
            assertEquals("boom", first.label());
            assertTrue(Double.isFinite(first.trainLoss()), "the minibatch losses were finite: " + first.trainLoss());
            assertTrue(Double.isNaN(first.valLoss()), "the validation loss overflowed: " + first.valLoss());
            TrainingRaceResult boom = race.results().get(0);
            assertEquals(first.step(), boom.divergedAt(), "diverged at the epoch's last step");
            assertNull(boom.stoppedEarlyAt());
            assertEquals(1, boom.epochsRun());
            assertEquals(1, race.history().stream().filter(e -> e.racer() == 0).count(), "no epoch after diverging");
            assertTrue(race.snapshot().racers().get(0).divergenceMessage().contains("validation loss NaN"),
                    race.snapshot().racers().get(0).divergenceMessage());
            TrainingRaceResult adam = race.results().get(1);
            assertNull(adam.divergedAt());
            assertTrue(adam.epochsRun() > 1, "the other racer goes on");
        }
    }

    @Test
    void aNonFiniteEvaluationLossOnTheTrainingRowsIsDivergenceWithoutValidationRows() {
        Dataset moons = DataGenerators.create("moons", 160, 0.1, 0);
        MlpSpec relu = new MlpSpec(2, List.of(16), 2, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        TrainingRaceOptions options = new TrainingRaceOptions(30, 32, 0, 0, 0, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), relu, moons, moons.select("none", new int[0]),
                List.of(TrainingRacerSpec.parse("sgd lr=1e6")), options, EarlyStopping.Options.parse("patience=2"))) {
            race.run();
            TrainingRaceEpoch last = race.history().get(race.history().size() - 1);
            assertTrue(Double.isFinite(last.trainLoss()), "the minibatch losses were finite: " + last.trainLoss());
            TrainingRaceResult r = race.results().get(0);
            assertEquals(last.step(), r.divergedAt());
            assertTrue(race.snapshot().racers().get(0).divergenceMessage().contains("evaluation loss"),
                    race.snapshot().racers().get(0).divergenceMessage());
            assertNull(r.stoppedEarlyAt());
        }
    }

    @Test
    void earlyStoppingEndsARacerThatDoesNotImproveAfterPatiencePlusOneEpochs() {
        Dataset val = DataGenerators.create("moons", 50, 0.1, 9);
        try (TrainingRace race = race(moonsNet(false), List.of("sgd lr=0"), 50, 20,
                EarlyStopping.Options.parse("patience=3 restore_best_weights=true"), val)) {
            race.run();
            TrainingRaceResult r = race.results().get(0);
            assertEquals(4, r.stoppedEarlyAt());
            assertEquals(4, r.epochsRun());
        }
    }

    @Test
    void batchNormWithALastBatchOfOneRowIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> race(moonsNet(true), List.of("sgd"), 1, 199, null, MOONS.select("none", new int[0])));
        assertTrue(e.getMessage().contains("batch norm needs at least 2 rows"), e.getMessage());
    }

    @Test
    void racerSpecSeparatesRacerKeysFromTheOptimizer() {
        TrainingRacerSpec r = TrainingRacerSpec.parse("adam lr=0.01 label=fast clip_norm=1 init=he_normal");
        assertEquals("fast", r.label());
        assertEquals(Spec.parse("adam lr=0.01"), r.optimizer());
        assertEquals(1.0, r.clipNorm());
        assertEquals(Init.Kind.HE_NORMAL, r.init().kind());
        assertTrue(Double.isNaN(r.clipValue()));
    }

    @Test
    void restoreBestWeightsReportsTheBestEpochAtTheEndOfTraining() {
        Dataset val = DataGenerators.create("moons", 60, 0.3, 9);
        try (TrainingRace race = race(moonsNet(false), List.of("sgd lr=3 momentum=0.9"), 15, 10,
                EarlyStopping.Options.parse("patience=100 restore_best_weights=true"), val)) {
            race.run();
            double best = race.history().stream().mapToDouble(TrainingRaceEpoch::valLoss).min().orElseThrow();
            double last = race.history().get(race.history().size() - 1).valLoss();
            assertTrue(best < last, "the run should end worse than its best epoch: " + best + " vs " + last);
            assertEquals(best, race.results().get(0).valLoss());
        }
    }

    @Test
    void asSteppableItStepsUntilDoneSnapshotsTracesAndResetsToTheSameRun() {
        try (TrainingRace race = race(moonsNet(false), List.of("adam lr=0.01", "sgd lr=0.1"), 2, 50, null,
                MOONS.select("none", new int[0]))) {
            int steps = 0;
            while (race.step()) {
                steps++;
            }
            assertEquals(8, steps + 1);
            RaceSnapshot snapshot = race.snapshot();
            assertTrue(snapshot.finished());
            assertEquals(2, snapshot.racers().size());
            TraceSnapshot trace = snapshot.racers().get(1).trace();
            assertEquals(8, trace.size());
            assertEquals(2, trace.last("epoch"));
            assertEquals(race.history().get(3).trainLoss(), trace.last("train_loss"));
            double[] first = race.parameters(0);
            race.reset();
            assertEquals(0, race.snapshot().racers().get(0).trace().size());
            race.run();
            assertArrayEquals(first, race.parameters(0));
        }
    }

    @Test
    void traceGradNormCoversEveryParameterAndPredictMatchesTheValidationLoss() {
        Dataset val = DataGenerators.create("moons", 40, 0.1, 9);
        try (TrainingRace race = race(moonsNet(true), List.of("sgd lr=0.1"), 1, 200, null, val)) {
            race.step();
            TrainingRaceEpoch epoch = race.history().get(0);
            double weightsOnly = 0;
            for (double n : epoch.gradientNorms()) {
                weightsOnly += n * n;
            }
            double norm = race.snapshot().racers().get(0).trace().last("grad_norm");
            assertTrue(norm > Math.sqrt(weightsOnly) * (1 + 1e-9), norm + " vs weights only " + Math.sqrt(weightsOnly));
            float[] features = new float[val.size() * 2];
            for (int i = 0; i < val.size(); i++) {
                features[2 * i] = (float) val.features()[i][0];
                features[2 * i + 1] = (float) val.features()[i][1];
            }
            float[] logits = race.predict(features, val.size());
            double loss = dev.descent.core.nn.Metrics.loss(Loss.CE, logits, 0, 2,
                    dev.descent.core.nn.NetworkData.encode(val, Loss.CE));
            assertEquals(epoch.valLoss(), loss, 1e-12);
        }
    }

    @Test
    void plateauScheduleAdvancesOncePerEpochOnTheValidationLoss() {
        Dataset val = DataGenerators.create("moons", 40, 0.1, 9);
        TrainingRaceOptions options = new TrainingRaceOptions(5, 20, 0, 0, 42, Init.torchDefault(),
                Spec.parse("plateau factor=0.1 patience=1"));
        try (TrainingRace race = new TrainingRace(new CpuBackend(), moonsNet(false), MOONS, val,
                List.of(TrainingRacerSpec.parse("sgd lr=1e-6")), options, null)) {
            race.run();
            List<TrainingRaceEpoch> h = race.history();
            // epoch 1 sets the best; epochs 2 and 3 do not improve by 1e-4 relative; patience 1
            // is exceeded after epoch 3, so epoch 4 steps at lr * 0.1 (10 steps per epoch: a
            // per-step schedule would have reduced it within epoch 1)
            assertEquals(1e-6, h.get(2).learningRate(), 0);
            assertEquals(1e-7, h.get(3).learningRate(), 1e-20);
        }
    }

    private static double[] afterOneStep(double l1, double l2, String racer, double[] before) {
        TrainingRaceOptions options = new TrainingRaceOptions(1, 200, l1, l2, 42, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), moonsNet(false), MOONS, MOONS.select("v", new int[0]),
                List.of(TrainingRacerSpec.parse(racer)), options, null)) {
            System.arraycopy(race.parameters(0), 0, before, 0, before.length);
            race.step();
            return race.parameters(0);
        }
    }

    @Test
    void penaltiesAddL1SignAndTwiceL2TimesTheWeightToWeightGradientsOnly() {
        int size = new dev.descent.core.nn.ParameterLayout(moonsNet(false)).size();
        double[] w0 = new double[size];
        double[] plain = afterOneStep(0, 0, "sgd lr=0.1", w0);
        double[] penalised = afterOneStep(0.01, 0.5, "sgd lr=0.1", new double[size]);
        dev.descent.core.nn.ParameterLayout layout = new dev.descent.core.nn.ParameterLayout(moonsNet(false));
        for (int l = 0; l < 3; l++) {
            int w = layout.weight(l);
            assertEquals(-0.1 * (0.01 * Math.signum(w0[w]) + 2 * 0.5 * w0[w]), penalised[w] - plain[w], 1e-12);
            int b = layout.bias(l);
            assertEquals(plain[b], penalised[b], 0, "biases are not penalised");
        }
    }

    @Test
    void clipValueBoundsEveryComponentOfTheStep() {
        int size = new dev.descent.core.nn.ParameterLayout(moonsNet(false)).size();
        double[] w0 = new double[size];
        double[] after = afterOneStep(0, 0, "sgd lr=1 clip_value=0.001", w0);
        double largest = 0;
        for (int i = 0; i < size; i++) {
            largest = Math.max(largest, Math.abs(after[i] - w0[i]));
        }
        assertEquals(0.001, largest, 1e-12, "the largest gradient component is clipped to exactly 0.001");
    }

    @Test
    void anAppRacerBringsItsColourScheduleAndClipping() {
        RacerConfig config = new RacerConfig("halving", "#123456", "sgd lr=0.1", "step step_size=1 gamma=0.5", 2.0, 0,
                true);
        TrainingRacerSpec spec = TrainingRacerSpec.of(config);
        assertEquals(2.0, spec.clipNorm());
        assertTrue(Double.isNaN(spec.clipValue()));
        TrainingRaceOptions options = new TrainingRaceOptions(1, 50, 0, 0, 1, Init.parse("default"), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), moonsNet(false), MOONS, MOONS.select("v", new int[0]),
                List.of(spec, TrainingRacerSpec.parse("sgd lr=0.1")), options, null)) {
            race.run();
            RaceSnapshot snapshot = race.snapshot();
            assertEquals("#123456", snapshot.racers().get(0).colour());
            // 4 steps: the step schedule halves after each, the last step used 0.1 / 8
            assertEquals(0.1 / 8, snapshot.racers().get(0).trace().last("lr"), 1e-15);
            assertEquals(0.1, snapshot.racers().get(1).trace().last("lr"), 0);
        }
    }

    @Test
    void whenEveryRacerHasDivergedTheRaceEndsAtOnce() {
        Dataset sine = DataGenerators.create("sine", 100, 0.0, 1);
        MlpSpec spec = new MlpSpec(1, List.of(8), 1, ActivationSpec.of(Activation.RELU), false, 0, Loss.MSE);
        TrainingRaceOptions options = new TrainingRaceOptions(20, 10, 0, 0, 1, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(new CpuBackend(), spec, sine, sine.select("v", new int[0]),
                List.of(TrainingRacerSpec.parse("sgd lr=1e30")), options, null)) {
            race.run();
            long divergedAt = race.results().get(0).divergedAt();
            assertEquals(divergedAt, race.steps(), "no step after the last racer diverged");
            assertEquals("diverged at step " + divergedAt + ": ",
                    race.snapshot().racers().get(0).divergenceMessage().substring(0, ("diverged at step " + divergedAt + ": ").length()));
        }
    }
}
