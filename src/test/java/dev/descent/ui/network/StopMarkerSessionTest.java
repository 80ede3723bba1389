package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.race.TrainingRaceResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "stopped" marker of the curves is the engine's early stop, carried through the racer frames. */
class StopMarkerSessionTest {
    private final CpuBackend backend = new CpuBackend();
    private final CpuBackend exportBackend = new CpuBackend();
    private final DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
        exportBackend.close();
    }

    @Test
    void earlyStoppingPresetMarksTheEpochRunReportsAndNoOther() {
        Preset preset = PresetFiles.load(Path.of("presets/early-stopping.json"));
        List<TrainingRaceResult> expected;
        try (CpuBackend b = new CpuBackend(); TrainingPlan plan = new TrainingPlan(preset, Path.of("presets"), b)) {
            plan.run(e -> { });
            expected = plan.results();
        }
        model.apply(preset);
        try (TrainingSession s = model.newSession(exportBackend)) {
            while (s.step()) {
                // to the end
            }
            s.snapshot();
            NetworkFrame f = s.frame();
            int stopped = 0;
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).stoppedEarlyAt(), f.racers().get(i).stoppedAt(), "racer " + i);
                assertEquals(expected.get(i).stoppedEarlyAt(), MetricCurvesView.stopMarkerEpoch(f.racers().get(i)));
                stopped += f.racers().get(i).stoppedAt() == null ? 0 : 1;
            }
            assertEquals(1, stopped, "only the racer with early stopping stops early");
        }
    }

    @Test
    void batchSizeRacersBehindInEpochsAreNotMarkedStopped() {
        model.apply(PresetFiles.load(Path.of("presets/batch-size.json")));
        try (TrainingSession s = model.newSession(exportBackend)) {
            // after 45 lock-step steps the full-batch racer has run its 30 epochs, batch 32 four, batch 1 none
            for (int i = 0; i < 45; i++) {
                s.step();
            }
            s.snapshot();
            NetworkFrame f = s.frame();
            assertEquals(30, f.racers().get(2).lastEpoch().epoch());
            assertTrue(f.racers().get(1).lastEpoch().epoch() < 30);
            for (RacerFrame r : f.racers()) {
                assertNull(r.stoppedAt(), r.label());
                assertNull(MetricCurvesView.stopMarkerEpoch(r), r.label());
            }
            assertNotNull(f.racers().get(1).lastEpoch());
        }
    }
}
