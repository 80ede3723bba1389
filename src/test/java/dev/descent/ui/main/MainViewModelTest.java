package dev.descent.ui.main;

import dev.descent.core.race.RaceOptions;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.racers.RacerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainViewModelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private MainViewModel model;

    @BeforeEach
    void start() {
        model = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        model.problem().choose("bowl");
        model.racers().add(RacerViewModel.of("gd", "#ff0000", "sgd", "0.1"));
        model.problem().setStart(1, 0);
        model.reset();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void stepMovesGradientDescentByTheClosedForm() throws InterruptedException {
        model.step();
        model.step();
        RaceSnapshot s = model.awaitFrame(f -> f.stepsRun() == 2, TIMEOUT).orElseThrow();
        // bowl: x_k = x0 * (1 - 2 lr)^k = 0.8^2
        assertEquals(0.64, s.racers().get(0).trace().last("x"), 1e-15);
        assertFalse(model.runningProperty().get());
    }

    @Test
    void playRunsUntilPausedAndResetStartsOver() throws InterruptedException {
        model.stepsPerSecondProperty().set(10_000);
        model.play();
        assertTrue(model.runningProperty().get());
        assertTrue(model.awaitFrame(f -> f.stepsRun() >= 50, TIMEOUT).isPresent());
        model.pause();
        RaceSnapshot paused = model.awaitFrame(f -> !f.running(), TIMEOUT).orElseThrow();
        long steps = paused.stepsRun();
        model.step();
        assertTrue(model.awaitFrame(f -> f.stepsRun() == steps + 1, TIMEOUT).isPresent());
        model.reset();
        assertTrue(model.awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).isPresent());
    }

    @Test
    void editDuringARaceWaitsForResetButAFreshRaceFollowsAtOnce() throws InterruptedException {
        RacerViewModel r = model.racers().racers().get(0);
        r.setOptimizerValue("lr", "0.2");
        // fresh race: rebuilt at once
        model.step();
        RaceSnapshot s = model.awaitFrame(f -> f.stepsRun() == 1, TIMEOUT).orElseThrow();
        assertEquals(0.6, s.racers().get(0).trace().last("x"), 1e-15);
        // under way: the race keeps its lr until Reset
        r.setOptimizerValue("lr", "0.4");
        assertTrue(model.pendingEditsProperty().get());
        model.step();
        s = model.awaitFrame(f -> f.stepsRun() == 2, TIMEOUT).orElseThrow();
        assertEquals(0.36, s.racers().get(0).trace().last("x"), 1e-15);
        model.reset();
        assertFalse(model.pendingEditsProperty().get());
        model.step();
        s = model.awaitFrame(f -> f.stepsRun() == 1, TIMEOUT).orElseThrow();
        assertEquals(0.2, s.racers().get(0).trace().last("x"), 1e-15);
    }

    @Test
    void theSelectedRacerIsStillFoundInTheRaceAfterItsLabelAndColourAreEdited() throws InterruptedException {
        RacerViewModel second = RacerViewModel.of("adam", "#0000ff", "adam", "0.1");
        model.racers().add(second);
        model.racers().selectedProperty().set(second);
        model.step();
        RaceSnapshot s = model.awaitFrame(f -> f.stepsRun() == 1, TIMEOUT).orElseThrow();
        assertEquals(1, model.selectedIndex(s));
        second.labelProperty().set("Adam, renamed");
        second.colourProperty().set("#00ff00");
        assertTrue(model.pendingEditsProperty().get(), "the race under way keeps the old label");
        assertEquals("adam", s.racers().get(1).label());
        assertEquals(1, model.selectedIndex(s), "found by id, not by the edited label and colour");
        // removing the racer before it in the list does not make another racer the selected one
        model.racers().racers().remove(0);
        assertEquals(1, model.selectedIndex(s));
        assertTrue(model.racers().duplicate());
        assertEquals(-1, model.selectedIndex(s), "the copy is a new racer, not in the running race");
    }

    @Test
    void aSavedSessionCarriesNoRacerIds() {
        assertEquals(0, model.toPreset("x").racers().get(0).id());
        assertTrue(model.racers().racers().get(0).id() > 0);
    }

    @Test
    void divergingRacerStopsWithItsStepWhileTheOthersGoOn() throws InterruptedException {
        model.racers().add(RacerViewModel.of("too fast", "#00ff00", "sgd", "1.5"));
        model.reset();
        model.stepsPerSecondProperty().set(10_000);
        model.play();
        RaceSnapshot s = model.awaitFrame(f -> f.divergedCount() == 1 && f.stepsRun() > 60, TIMEOUT).orElseThrow();
        assertFalse(s.racers().get(0).diverged());
        // |x_k| = 2^k passes 1e15 first at k = 50
        assertEquals(50, s.racers().get(1).divergedAt());
    }

    @Test
    void aSurfacePresetOpenedInDataSetModeSwitchesBackToSurfaces() throws Exception {
        model.attachDataMode(new dev.descent.ui.network.DataModeViewModel(new dev.descent.core.compute.CpuBackend(),
                dev.descent.core.compute.CpuBackend::new, "cpu (test)", System::nanoTime, Runnable::run));
        model.dataModeProperty().set(true);
        var preset = dev.descent.core.preset.PresetFiles.load(java.nio.file.Path.of("presets/gradient-clipping-cliff.json"));
        model.apply(preset);
        assertEquals(false, model.dataModeProperty().get());
        assertEquals(preset.title(), model.titleProperty().get());
    }

    @Test
    void aDataSetPresetBringsItsOwnSpeed() throws Exception {
        model.attachDataMode(new dev.descent.ui.network.DataModeViewModel(new dev.descent.core.compute.CpuBackend(),
                dev.descent.core.compute.CpuBackend::new, "cpu (test)", System::nanoTime, Runnable::run));
        model.stepsPerSecondProperty().set(8);
        var preset = dev.descent.core.preset.PresetFiles.load(java.nio.file.Path.of("presets/xor-hidden-layer.json"));
        model.apply(preset);
        assertEquals(true, model.dataModeProperty().get());
        assertEquals(preset.stepsPerSecond(), model.stepsPerSecondProperty().get(), 0);
    }
}
