package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.Spec;
import dev.descent.core.preset.PresetFiles;
import dev.descent.ui.racers.RacerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One selection for tiles and racer panel; Apply 1cycle changes the racer the LR range test ran for. */
class LrSuggestionTest {
    private final DataModeViewModel model = new DataModeViewModel(new CpuBackend(), CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
    }

    private RacerViewModel panel(int i) {
        return model.racers().racers().get(i);
    }

    @Test
    void aTileClickSelectsItsRacerInThePanelAndAPanelClickSelectsTheTile() {
        model.selectedIndexProperty().set(2);
        assertSame(panel(2), model.racers().selectedProperty().get());
        model.racers().selectedProperty().set(panel(1));
        assertEquals(1, model.selectedIndexProperty().get());
        // a disabled racer has no tile: the tiles after it move up
        panel(0).enabledProperty().set(false);
        model.reset();
        model.selectedIndexProperty().set(1);
        assertSame(panel(2), model.racers().selectedProperty().get());
    }

    @Test
    void applyChangesTheTestedRacerWithItsOwnRunLengthEvenAfterTheSelectionMoved() throws Exception {
        model.apply(PresetFiles.load(Path.of("presets/batch-size.json")));
        model.selectedIndexProperty().set(0); // batch 1
        LrRangeResult r = model.runLrRangeTest().get(60, TimeUnit.SECONDS);
        assertTrue(Double.isFinite(r.suggestedMaxLr()));
        model.selectedIndexProperty().set(2); // look at another racer before applying
        assertTrue(model.applyLrSuggestion());
        String schedule = panel(0).toConfig().schedule();
        assertTrue(schedule != null && schedule.startsWith("onecycle"), schedule);
        assertNull(panel(2).toConfig().schedule(), "the racer the test did not measure is unchanged");
        Spec s = Spec.parse(schedule);
        int rows = model.session().dataOf(0).train().size();
        assertEquals(300, rows);
        // 30 epochs of the batch-1 racer's 300 steps, not the panel's batch 32 (10 steps per epoch)
        assertEquals(String.valueOf(30 * 300), s.values().get("total_steps"));
        assertEquals("false", s.values().get("cycle_momentum"), "sgd without momentum: nothing to cycle");
        assertEquals(1, model.session().racers().stream().filter(x -> x.schedule() != null).count());
        assertEquals(model.session().optionsOf(0).batch(), 1, "its own network (batch 1) is kept");
    }

    @Test
    void aRacerWithMomentumCyclesIt() throws Exception {
        model.selectedIndexProperty().set(1); // "Momentum": sgd momentum=0.9
        model.runLrRangeTest().get(60, TimeUnit.SECONDS);
        assertTrue(model.applyLrSuggestion());
        Spec s = Spec.parse(panel(1).toConfig().schedule());
        assertEquals("true", s.values().get("cycle_momentum"), "cycles as torch does: " + s);
        int rows = model.session().dataOf(1).train().size();
        int perEpoch = (rows + 31) / 32;
        assertEquals(String.valueOf(model.network().epochsProperty().get() * perEpoch), s.values().get("total_steps"));
        assertEquals("onecycle", model.session().racers().get(1).schedule().name());
    }

    @Test
    void theOneCycleSpecSwitchesMomentumCyclingOffOnlyWhenAsked() {
        assertEquals("onecycle max_lr=0.100000 total_steps=90 div_factor=10 cycle_momentum=false",
                LrRangeTest.oneCycle(0.1, 90, false).toString());
        assertEquals("onecycle max_lr=0.100000 total_steps=90 div_factor=10", LrRangeTest.oneCycle(0.1, 90).toString());
    }
}
