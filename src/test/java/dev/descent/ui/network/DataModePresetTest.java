package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.preset.Augmentation;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.TrainingRaceEpoch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preset opened in the app trains what {@code run PRESET} trains, whatever the editor held
 * before; Save writes a data-set preset that opens back as the same session.
 */
class DataModePresetTest {
    private final CpuBackend backend = new CpuBackend();
    private final DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
    }

    /** Editor settings a preset does not mention: none may survive opening one. */
    private void leaveOldSettingsInTheEditor() {
        NetworkViewModel n = model.network();
        n.earlyStoppingProperty().set(true);
        n.patienceProperty().set(2);
        n.minDeltaProperty().set(0.1);
        n.restoreBestProperty().set(false);
        n.initProperty().set("he_normal");
        n.biasInitProperty().set(0.5);
        n.batchNormProperty().set(true);
        n.dropoutProperty().set(0.3);
        n.l1Property().set(0.01);
        model.data().augmentCopiesProperty().set(3);
        model.data().augmentSigmaProperty().set(0.3);
    }

    @Test
    void overfittingPresetTrainsAsRunDoesAfterOtherSettings() throws Exception {
        leaveOldSettingsInTheEditor();
        List<List<TrainingRaceEpoch>> app = appEpochs(PresetFiles.load(Path.of("presets/overfitting-regularisation.json")));
        assertEquals(200, app.get(0).size(), "no early stopping left over from the editor");
        assertEquals(0, model.data().augmentCopiesProperty().get());
        assertEquals(0.1, model.data().augmentSigmaProperty().get());
        assertEquals(0.0, model.network().biasInitProperty().get());
        assertTrue(model.network().layers().stream().noneMatch(l -> l.batchNormProperty().get()
                || l.dropoutProperty().get() > 0), "every layer as the preset says");
        assertSame(model.racers().racers().get(0), model.racers().selectedProperty().get());
        assertNull(model.network().stopping());
    }

    @Test
    void anAugmentedPresetTrainsAsRunDoesAndSavesItsAugmentation() throws Exception {
        leaveOldSettingsInTheEditor();
        String json = Files.readString(Path.of("presets/overfitting-regularisation.json"))
                .replace("\"normalize\": \"standard\" }",
                        "\"normalize\": \"standard\", \"augment\": { \"copies\": 2, \"sigma\": 0.2 } }")
                .replace("\"epochs\": 200", "\"epochs\": 6");
        Preset preset = PresetFiles.parse(json, "noisy.json");
        assertEquals(new Augmentation(2, 0.2), preset.problem().dataset().augment());
        List<List<TrainingRaceEpoch>> app = appEpochs(preset);
        assertEquals(6, app.get(0).size());
        assertEquals(2, model.data().augmentCopiesProperty().get());
        assertEquals(0.2, model.data().augmentSigmaProperty().get());
        assertEquals(3 * 80, model.data().preparedProperty().get().train().size(), "160 moons, half held out, x3");

        Preset saved = model.toPreset("noisy", "", 100);
        Preset read = PresetFiles.parse(PresetFiles.toJson(saved), "noisy.json");
        assertEquals(new Augmentation(2, 0.2), read.problem().dataset().augment());
        DataModeViewModel other = new DataModeViewModel(new CpuBackend(), CpuBackend::new, "cpu (test)",
                System::nanoTime, Runnable::run);
        try {
            other.apply(read);
            assertEquals(2, other.data().augmentCopiesProperty().get());
            assertEquals(0.2, other.data().augmentSigmaProperty().get());
            assertEquals(saved, other.toPreset("noisy", "", 100), "the session opens back as it was saved");
            other.apply(PresetFiles.load(Path.of("presets/wine-normalization.json")));
            assertEquals(0, other.data().augmentCopiesProperty().get(), "a preset without augment has none");
            assertEquals(0.1, other.data().augmentSigmaProperty().get());
        } finally {
            other.close();
        }
    }

    @Test
    void earlyStoppingPresetStopsWhereRunStops() throws Exception {
        leaveOldSettingsInTheEditor();
        List<List<TrainingRaceEpoch>> app = appEpochs(PresetFiles.load(Path.of("presets/early-stopping.json")));
        assertEquals(200, app.get(0).size());
        assertTrue(app.get(1).size() < 100, "the early-stopping racer stops early: " + app.get(1).size());
    }

    @Test
    void aBaseLevelEarlyStoppingIsHonouredAsRunHonoursIt(@TempDir Path dir) throws Exception {
        String json = Files.readString(Path.of("presets/overfitting-regularisation.json")).replace(
                "\"batchSize\": 16 }", "\"batchSize\": 16, \"earlyStopping\": \"patience=5 min_delta=0.001\" }");
        assertTrue(json.contains("patience=5"));
        Path file = dir.resolve("stop.json");
        Files.writeString(file, json);
        List<List<TrainingRaceEpoch>> app = appEpochs(PresetFiles.load(file));
        for (List<TrainingRaceEpoch> racer : app) {
            assertTrue(racer.size() < 200, "every racer stops early: " + racer.size());
        }
        assertTrue(model.network().earlyStoppingProperty().get());
        assertEquals(5, model.network().patienceProperty().get());
        assertEquals(0.001, model.network().minDeltaProperty().get());
        assertFalse(model.network().restoreBestProperty().get());
    }

    /** Runs the preset with run's plan and in the app; their epoch records agree, racer by racer. */
    private List<List<TrainingRaceEpoch>> appEpochs(Preset preset) throws Exception {
        List<List<TrainingRaceEpoch>> expected = new ArrayList<>();
        try (CpuBackend b = new CpuBackend(); TrainingPlan plan = new TrainingPlan(preset, Path.of("presets"), b)) {
            for (int i = 0; i < preset.racers().size(); i++) {
                expected.add(new ArrayList<>());
            }
            plan.run(e -> expected.get(e.racer()).add(e));
        }
        model.apply(preset);
        model.setStepsPerSecond(100_000);
        model.play();
        RaceSnapshot done = model.awaitFrame(RaceSnapshot::finished, Duration.ofSeconds(300)).orElseThrow();
        assertTrue(done.finished());
        model.pollFrame();
        model.awaitFrame(f -> model.networkFrame().steps() == done.stepsRun(), Duration.ofSeconds(30)).orElseThrow();
        NetworkFrame f = model.networkFrame();
        List<List<TrainingRaceEpoch>> app = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            List<TrainingRaceEpoch> got = f.racers().get(i).epochs();
            List<TrainingRaceEpoch> want = expected.get(i);
            assertEquals(want.size(), got.size(), "epochs of racer " + i + " (" + f.racers().get(i).label() + ")");
            for (int e = 0; e < want.size(); e++) {
                double w = want.get(e).trainLoss();
                assertEquals(w, got.get(e).trainLoss(), 1e-9 * Math.abs(w), "racer " + i + " epoch " + (e + 1));
                assertEquals(want.get(e).valLoss(), got.get(e).valLoss(), 1e-9 * Math.abs(want.get(e).valLoss()));
            }
            app.add(got);
        }
        return app;
    }

    @Test
    void saveWritesTheDataSetSessionAndItOpensBackTheSame() {
        model.apply(PresetFiles.load(Path.of("presets/wine-normalization.json")));
        NetworkViewModel n = model.network();
        n.hiddenProperty().set("12, 6");
        n.layers().get(1).activationProperty().set("tanh");
        n.layers().get(0).dropoutProperty().set(0.2);
        n.layers().get(1).batchNormProperty().set(true);
        n.earlyStoppingProperty().set(true);
        n.patienceProperty().set(4);
        n.epochsProperty().set(33);
        model.data().validationFractionProperty().set(0.3);
        Preset saved = model.toPreset("mine", "a lesson", 250);
        Preset read = PresetFiles.parse(PresetFiles.toJson(saved), "mine.json");
        assertEquals(saved, read);
        assertEquals("wine", read.problem().dataset().name());
        assertEquals(0.3, read.problem().dataset().split());
        assertEquals(33, read.epochs());
        assertEquals(List.of(12, 6), read.network().layers());
        assertEquals(List.of("relu", "tanh"), read.network().activation());
        assertEquals(2, read.variants().size(), "the unscaled racer keeps its own scaling");

        DataModeViewModel other = new DataModeViewModel(new CpuBackend(), CpuBackend::new, "cpu (test)",
                System::nanoTime, Runnable::run);
        try {
            other.apply(read);
            assertEquals(saved, other.toPreset("mine", "a lesson", 250), "the session opens back as it was saved");
            TrainingSession s = other.session();
            assertEquals(model.session().racers(), s.racers());
            assertEquals(model.session().specOf(0), s.specOf(0));
            assertEquals(model.session().optionsOf(0), s.optionsOf(0));
        } finally {
            other.close();
        }
    }

    @Test
    void racingInitialisationsIsSavedAsOneRacerPerInitThatRunRacesTheSameWay() throws Exception {
        model.network().racedInitsProperty().set("zeros; he_normal");
        model.network().raceKindProperty().set(RaceKind.INITS);
        model.network().epochsProperty().set(3);
        Preset saved = PresetFiles.parse(PresetFiles.toJson(model.toPreset("inits", "", 100)), "");
        assertEquals(2, saved.racers().size());
        assertEquals("zeros", dev.descent.core.nn.Init.parse(saved.variant(0).network().init()).kind().cliName());
        List<Double> expected = new ArrayList<>();
        try (CpuBackend b = new CpuBackend(); TrainingPlan plan = new TrainingPlan(saved, null, b)) {
            plan.run(e -> { });
            plan.results().forEach(r -> expected.add(r.trainLoss()));
        }
        model.play();
        model.awaitFrame(RaceSnapshot::finished, Duration.ofSeconds(60)).orElseThrow();
        model.pollFrame();
        model.awaitFrame(f -> model.networkFrame().racers().get(1).epochs().size() == 3, Duration.ofSeconds(30))
                .orElseThrow();
        for (int i = 0; i < 2; i++) {
            double got = model.networkFrame().racers().get(i).lastEpoch().trainLoss();
            assertEquals(expected.get(i), got, 1e-9 * Math.abs(got), "racer " + i);
        }
    }
}
