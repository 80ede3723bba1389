package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.TrainingRaceEpoch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataModeViewModelTest {
    private final CpuBackend backend = new CpuBackend();
    private final DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void startsWithMoonsAndOneSessionRacerPerEnabledPanelRacer() {
        assertNotNull(model.session());
        assertEquals("moons", model.session().data().source().name());
        assertEquals(model.racers().racers().size(), model.session().racers().size());
        NetworkFrame f = model.networkFrame();
        assertEquals(TrainingSession.GRID * TrainingSession.GRID * 2, f.racers().get(0).grid().length);
    }

    @Test
    void steppingAnEpochRecordsMetricsAndRedrawsTheClassMap() throws Exception {
        model.network().epochsProperty().set(2);
        long before = model.networkFrame().version();
        model.play();
        RaceSnapshot done = model.awaitFrame(RaceSnapshot::finished, Duration.ofSeconds(30)).orElseThrow();
        assertTrue(done.finished());
        NetworkFrame f = model.networkFrame();
        assertTrue(f.version() > before);
        TrainingRaceEpoch last = f.racers().get(2).lastEpoch();
        assertEquals(2, last.epoch());
        assertTrue(last.valAccuracy() > 0.5, "adam beats chance on moons after 2 epochs: " + last.valAccuracy());
        float sum = 0;
        for (int c = 0; c < 2; c++) {
            sum += f.racers().get(0).grid()[c];
        }
        assertEquals(1f, sum, 1e-5f, "class probabilities of a cell sum to 1");
    }

    @Test
    void racingInitialisationsMakesOneRacerPerInit() {
        model.network().racedInitsProperty().set("zeros; he_normal");
        model.network().raceKindProperty().set(RaceKind.INITS);
        assertEquals(2, model.session().racers().size());
        assertEquals("zeros bias=0.0", model.session().racers().get(0).label());
    }

    @Test
    void racingActivationsGroupsRacersIntoOneRacePerActivation() throws Exception {
        model.network().racedActivationsProperty().set("sigmoid; relu");
        model.network().raceKindProperty().set(RaceKind.ACTIVATIONS);
        model.network().epochsProperty().set(1);
        assertEquals(java.util.List.of("sigmoid", "relu"),
                model.session().racers().stream().map(SessionRacer::label).toList());
        model.play();
        RaceSnapshot done = model.awaitFrame(RaceSnapshot::finished, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(2, done.racers().size());
        assertTrue(done.racers().get(1).stepsRun() > 0);
    }

    @Test
    void csvWithABadRowIsReportedByLineAndTheOldDataStays(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        TrainingSession before = model.session();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,label\n1,2,x\n3,oops,y\n");
        assertFalse(model.data().loadCsv(bad, null));
        assertTrue(model.data().errorProperty().get().contains("line 3"), model.data().errorProperty().get());
        assertEquals("moons", model.data().datasetProperty().get().name());
        assertSame(before, model.session());
    }

    @Test
    void csvShowsItsColumnsAndTrainsOnIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.csv");
        StringBuilder sb = new StringBuilder("x1,x2,x3,kind\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 7).append(',').append(i % 5).append(',').append(i).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        Files.writeString(good, sb);
        assertTrue(model.data().loadCsv(good, null));
        assertEquals(java.util.List.of("x1", "x2", "x3", "kind"), model.data().csvColumns());
        assertEquals("kind", model.data().csvLabelProperty().get());
        assertEquals("good", model.session().data().source().name());
        model.data().featureYProperty().set(2);
        assertEquals(2, model.session().data().featureY());
    }

    @Test
    void lrRangeTestSuggestsARateAndAppliesOneCycle() throws Exception {
        LrRangeResult r = model.runLrRangeTest().get(60, TimeUnit.SECONDS);
        assertTrue(r.suggestedMaxLr() > 1e-5 && r.suggestedMaxLr() < 10, "suggested " + r.suggestedMaxLr());
        assertEquals(r.suggestedMaxLr() / 10, r.suggestedMinLr(), 1e-15);
        assertTrue(model.applyLrSuggestion());
        assertTrue(model.racers().selectedProperty().get().toConfig().schedule().startsWith("onecycle"));
        assertTrue(model.session().racers().get(0).schedule().name().equals("onecycle"));
    }

    @Test
    void stepEpochEndsExactlyOneEpoch() throws Exception {
        // moons: 300 rows, 240 for training, batch 32: 8 minibatches per epoch
        model.step();
        model.awaitFrame(s -> s.stepsRun() == 1, Duration.ofSeconds(10)).orElseThrow();
        model.stepEpoch();
        RaceSnapshot s = model.awaitFrame(f -> f.stepsRun() == 8, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(8, s.stepsRun());
        model.pollFrame();
        model.awaitFrame(f -> model.networkFrame().steps() == 8, Duration.ofSeconds(10)).orElseThrow();
        assertEquals(1, model.networkFrame().racers().get(0).epochs().size(), "one epoch record after a step epoch");
        model.stepEpoch();
        assertEquals(16, model.awaitFrame(f -> f.stepsRun() == 16, Duration.ofSeconds(30)).orElseThrow().stepsRun());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void aReplacedRaceIsClosedByTheEngineWhenItTakesTheNewOne() throws Exception {
        TrainingSession first = model.session();
        model.reset();
        TrainingSession second = model.session();
        model.reset();
        model.step();
        model.awaitFrame(s -> s.stepsRun() == 1, Duration.ofSeconds(10)).orElseThrow();
        // a closed race's network refuses to predict: both replaced ones are closed, even the one never run
        for (TrainingSession old : java.util.List.of(first, second)) {
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, old::computeFrame);
        }
    }

    private static dev.descent.core.preset.Preset preset(String activation) {
        return new dev.descent.core.preset.Preset(1, "xor", "needs a hidden layer", 3,
                dev.descent.core.preset.Problem.of(new dev.descent.core.preset.DatasetProblem("xor", null, 200, 0.1,
                        0.25, "standard")),
                java.util.List.of(new dev.descent.core.race.RacerConfig("adam", "#ff0000", "adam lr=0.05", null, 0, 0,
                        true)),
                new dev.descent.core.preset.NetworkConfig(java.util.List.of(4), activation, "he_normal", false, 0, "ce",
                        0, 0.001, 16), 0, 25, 100);
    }

    @Test
    void aDataSetPresetSetsDataNetworkEpochsAndRacers() {
        model.apply(preset("relu"));
        TrainingSession s = model.session();
        assertEquals("xor", s.data().source().name());
        assertEquals(200, s.data().source().size());
        assertEquals(50, s.data().validation().size());
        assertEquals(java.util.List.of("adam"), s.racers().stream().map(SessionRacer::label).toList());
        assertEquals(java.util.List.of(4), model.network().hiddenWidths());
        assertEquals(25, model.network().epochsProperty().get());
        assertEquals(0.001, model.network().l2Property().get());
    }

    @Test
    void aBadPresetChangesNothing() {
        TrainingSession before = model.session();
        org.junit.jupiter.api.Assertions.assertThrows(dev.descent.core.config.ConfigException.class,
                () -> model.apply(preset("swish_typo")));
        assertSame(before, model.session());
        assertEquals("16, 16", model.network().hiddenProperty().get());
        assertEquals(3, model.racers().racers().size());
    }
}
