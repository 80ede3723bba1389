package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.Spec;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Normalization;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import dev.descent.ui.data.DataPreparation;
import dev.descent.ui.data.PreparedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingSessionTest {
    private final CpuBackend backend = new CpuBackend();
    private final PreparedData data = new DataPreparation(0.2, Normalization.STANDARD, 0, 0, 5)
            .prepare(DataGenerators.create("xor", 120, 0.05, 5), 0, 1);
    private final MlpSpec spec = new MlpSpec(2, List.of(6), 2, ActivationSpec.of(Activation.TANH), false, 0, Loss.CE);
    private final TrainingRaceOptions options = new TrainingRaceOptions(3, 16, 0, 0, 9, Init.parse("glorot_uniform"), null);

    @AfterEach
    void close() {
        backend.close();
    }

    private static SessionRacer racer(String label, String optimizer, ActivationSpec activation) {
        return new SessionRacer("#123456", new TrainingRacerSpec(label, Spec.parse(optimizer), null, Double.NaN,
                Double.NaN, null, null), activation, null);
    }

    @Test
    void aRacerWithItsOwnActivationTrainsAsTheSameRacerAloneWould() {
        ActivationSpec relu = ActivationSpec.of(Activation.RELU);
        try (TrainingSession session = new TrainingSession(backend, spec, data,
                List.of(racer("tanh", "adam lr=0.01", null), racer("relu", "adam lr=0.01", relu)), options, null,
                () -> 0L, 0);
             TrainingRace alone = new TrainingRace(backend, new MlpSpec(2, List.of(6), 2, relu, false, 0, Loss.CE),
                     data.train(), data.validation(),
                     List.of(new TrainingRacerSpec("relu", Spec.parse("adam lr=0.01"), null, Double.NaN, Double.NaN,
                             null, null)), options, null)) {
            while (session.step()) {
                // run all epochs
            }
            session.snapshot();
            alone.run();
            assertArrayEquals(alone.parameters(0), session.frame().racers().get(1).parameters(), 1e-6);
            assertEquals(3, session.frame().racers().get(1).epochs().size());
        }
    }

    @Test
    void classMapIsTheSoftmaxOfTheNetOnTheGrid() {
        try (TrainingSession session = new TrainingSession(backend, spec, data,
                List.of(racer("sgd", "sgd lr=0.1", null)), options, null, () -> 0L, 0)) {
            session.step();
            session.snapshot();
            NetworkFrame f = session.frame();
            double[] pl = f.plane();
            // cell (row 0, col 0) is the top-left cell centre
            double x = pl[0] + 0.5 / f.gridSize() * (pl[1] - pl[0]);
            double y = pl[3] - 0.5 / f.gridSize() * (pl[3] - pl[2]);
            double[] w = f.racers().get(0).parameters();
            // forward pass in double from the layout: W1 (2x6), b1, W2 (6x2), b2
            double[] h = new double[6];
            for (int j = 0; j < 6; j++) {
                h[j] = Math.tanh(x * w[j] + y * w[6 + j] + w[12 + j]);
            }
            double[] z = new double[2];
            for (int c = 0; c < 2; c++) {
                z[c] = w[18 + 12 + c];
                for (int j = 0; j < 6; j++) {
                    z[c] += h[j] * w[18 + j * 2 + c];
                }
            }
            double p1 = 1 / (1 + Math.exp(z[0] - z[1]));
            assertEquals(p1, f.racers().get(0).grid()[1], 1e-5);
            assertEquals(1 - p1, f.racers().get(0).grid()[0], 1e-5);
        }
    }

    @Test
    void activationHistogramsAgreeWithTheEnginesActivationMoments() {
        MlpSpec deep = new MlpSpec(2, List.of(8, 5), 2, ActivationSpec.of(Activation.GELU), false, 0, Loss.CE);
        try (TrainingSession session = new TrainingSession(backend, deep, data,
                List.of(racer("adam", "adam lr=0.02", null)), options, null, () -> 0L, 0)) {
            while (session.step()) {
                // run all epochs
            }
            session.snapshot();
            RacerFrame r = session.frame().racers().get(0);
            var last = r.lastEpoch();
            for (int l = 0; l < 2; l++) {
                LayerHistogram h = r.histograms().get(l);
                assertEquals(last.activationMean()[l], h.mean(), 1e-4, "mean of layer " + l);
                assertEquals(last.activationStd()[l], h.std(), 1e-4, "std of layer " + l);
                assertEquals(data.validation().size() * deep.hidden().get(l),
                        java.util.Arrays.stream(h.counts()).sum());
            }
        }
    }
}
