package dev.descent.core.race;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Racers stepped at once on the backend's threads or in turn: the same race, bit for bit. */
class TrainingRaceHostThreadsTest {

    @Test
    void parallelAndSequentialHostWorkGiveTheSameWeightsAndRecords() {
        List<String> parallel = run(true);
        List<String> sequential = run(false);
        assertEquals(sequential, parallel);
        assertTrue(parallel.size() > 8, "some epochs were recorded: " + parallel.size());
    }

    private static List<String> run(boolean hostThreads) {
        Dataset spiral = DataGenerators.create("spiral3", 240, 0.1, 3);
        Dataset val = DataGenerators.create("spiral3", 60, 0.1, 4);
        MlpSpec spec = new MlpSpec(2, List.of(32, 32), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        List<TrainingRacerSpec> racers = List.of("adam lr=0.01", "sgd lr=0.1 momentum=0.9", "rmsprop lr=0.01",
                "adagrad lr=0.05", "sgd lr=50 label=diverges").stream().map(TrainingRacerSpec::parse).toList();
        TrainingRaceOptions options = new TrainingRaceOptions(4, 16, 0, 0, 11, Init.torchDefault(), null);
        List<String> out = new ArrayList<>();
        try (CpuBackend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 2));
             TrainingRace race = new TrainingRace(backend, spec, spiral, val, racers, options, null)) {
            race.hostThreads(hostThreads);
            race.run();
            for (TrainingRaceEpoch e : race.history()) {
                out.add(e.racer() + " " + e.epoch() + " " + e.trainLoss() + " " + e.valLoss() + " "
                        + Arrays.toString(e.gradientNorms()) + " " + Arrays.toString(e.activationStd()));
            }
            for (int r = 0; r < race.racerCount(); r++) {
                out.add(Arrays.toString(race.parameters(r)));
            }
        }
        return out;
    }
}
