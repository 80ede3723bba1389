package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.TrainingRaceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data-set mode honours a lesson preset's per-racer variants and matches the headless {@code run}. */
class PresetVariantSessionTest {
    private final CpuBackend backend = new CpuBackend();
    private final DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void xorPresetTrainsTheLinearModelWithoutHiddenLayerAndTheMlpWithOne() {
        model.apply(PresetFiles.load(Path.of("presets/xor-hidden-layer.json")));
        NetworkFrame f = model.networkFrame();
        assertEquals(List.of(), f.racers().get(0).spec().hidden());
        assertEquals(List.of(8), f.racers().get(1).spec().hidden());
        assertEquals(2 * 2 + 2, f.racers().get(0).parameters().length, "linear model: 2x2 weights + 2 biases");
    }

    @Test
    void xorPresetReachesTheSameFinalTrainLossAsRun() throws Exception {
        List<TrainingRaceResult> expected = appMatchesRun("presets/xor-hidden-layer.json", 1e-9);
        assertTrue(expected.get(1).trainLoss() < expected.get(0).trainLoss() / 2,
                "the MLP solves XOR, the linear model does not: " + expected);
    }

    @Test
    void wineScalingPresetTrainsTheUnscaledRacerOnUnscaledFeaturesAsRunDoes() throws Exception {
        List<TrainingRaceResult> expected = appMatchesRun("presets/wine-normalization.json", 1e-6);
        assertEquals(1, model.session().racers().stream().filter(r -> r.normalization() != null).count());
        assertTrue(expected.get(1).trainLoss() < expected.get(0).trainLoss(), expected.toString());
    }

    @Test
    void anAugmentedPresetWithARacerOfItsOwnScalingTrainsAsRunDoes(@TempDir Path dir) throws Exception {
        String json = Files.readString(Path.of("presets/wine-normalization.json"))
                .replace("\"normalize\": \"standard\" }",
                        "\"normalize\": \"standard\", \"augment\": { \"copies\": 1, \"sigma\": 0.3 } }")
                .replace("\"epochs\": 60", "\"epochs\": 10");
        assertTrue(json.contains("\"copies\": 1"));
        Path file = dir.resolve("noisy-wine.json");
        Files.writeString(file, json);
        appMatchesRun(file.toString(), 1e-6);
        int validation = model.session().dataOf(0).validation().size();
        assertEquals(2 * (178 - validation), model.session().dataOf(0).train().size(), "wine's 178 rows, one copy");
        assertEquals(model.session().dataOf(1).train().size(), model.session().dataOf(0).train().size(),
                "the unscaled racer trains on the same noisy rows, in data units");
    }

    @Test
    void batchSizeVariantsTrainWithTheirOwnBatchAndStepEpochCountsTheSelectedRacersEpoch() throws Exception {
        model.apply(PresetFiles.load(Path.of("presets/batch-size.json")));
        TrainingSession s = model.session();
        assertEquals(List.of(1, 32, 300), List.of(s.optionsOf(0).batch(), s.optionsOf(1).batch(),
                s.optionsOf(2).batch()));
        model.selectedIndexProperty().set(1);
        int rows = s.dataOf(1).train().size();
        long perEpoch = (rows + 31) / 32;
        model.stepEpoch();
        RaceSnapshot done = model.awaitFrame(f -> f.racers().get(1).stepsRun() == perEpoch,
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals(perEpoch, done.racers().get(1).stepsRun());
        assertEquals(perEpoch, done.racers().get(0).stepsRun(), "the batch-1 racer steps in lock-step");
    }

    /** Trains the preset with {@code run}'s plan and in the app; final train losses agree per racer. */
    private List<TrainingRaceResult> appMatchesRun(String file, double relative) throws Exception {
        Preset preset = PresetFiles.load(Path.of(file));
        List<TrainingRaceResult> expected;
        try (CpuBackend b = new CpuBackend(); TrainingPlan plan = new TrainingPlan(preset, Path.of("presets"), b)) {
            plan.run(e -> { });
            expected = plan.results();
        }
        model.apply(preset);
        model.play();
        RaceSnapshot done = model.awaitFrame(RaceSnapshot::finished, Duration.ofSeconds(120)).orElseThrow();
        assertTrue(done.finished());
        NetworkFrame f = model.networkFrame();
        for (int i = 0; i < expected.size(); i++) {
            RacerFrame r = f.racers().get(i);
            double want = expected.get(i).trainLoss();
            assertEquals(preset.epochs(), r.lastEpoch().epoch());
            assertEquals(want, r.lastEpoch().trainLoss(), relative * Math.abs(want),
                    "racer " + i + " (" + r.label() + ")");
        }
        return expected;
    }
}
