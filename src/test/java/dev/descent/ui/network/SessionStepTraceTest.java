package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.race.RaceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The inspector's step trace is recorded once per snapshot, not every step, and is never missing. */
class SessionStepTraceTest {
    private final CpuBackend backend = new CpuBackend();
    private final CpuBackend own = new CpuBackend();
    private final DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)",
            System::nanoTime, Runnable::run);

    @AfterEach
    void close() {
        model.close();
        own.close();
    }

    @Test
    void everySnapshotAfterStepsCarriesAStepTraceOfTheCurrentWeightsSize() {
        try (TrainingSession s = model.newSession(own)) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 7; i++) {
                    s.step();
                }
                RaceSnapshot snap = s.snapshot();
                for (int r = 0; r < snap.racers().size(); r++) {
                    var trace = snap.racers().get(r).lastStep();
                    assertNotNull(trace, "round " + round + ", racer " + r);
                    assertEquals(s.frame().racers().get(r).parameters().length, trace.delta().length);
                }
            }
        }
    }
}
