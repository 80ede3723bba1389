package dev.descent.ui.network;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.race.RaceSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backend is used by one thread only, the engine's, whatever the UI does while a race runs. */
class DataModeThreadsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void resetsDataChangesAndCloseWhileRunningUseTheBackendOnTheEngineThreadOnly() throws Exception {
        ThreadRecordingBackend backend = new ThreadRecordingBackend(new CpuBackend());
        DataModeViewModel model = new DataModeViewModel(backend, CpuBackend::new, "cpu (test)", System::nanoTime,
                Runnable::run);
        try {
            model.setStepsPerSecond(100_000);
            for (int i = 0; i < 6; i++) {
                model.play();
                long before = model.pollFrame().stepsRun();
                RaceSnapshot s = model.awaitFrame(f -> f.running() && f.stepsRun() > before + 3, TIMEOUT)
                        .orElseThrow();
                assertTrue(s.running());
                // while the engine steps: a reset, a network edit, a data change each rebuild the race
                switch (i % 3) {
                    case 0 -> model.reset();
                    case 1 -> {
                        model.network().hiddenProperty().set(i % 2 == 0 ? "8" : "8, 8");
                        model.reset();
                    }
                    default -> model.data().noiseProperty().set(0.1 + 0.01 * i);
                }
                assertEquals(0, model.pollFrame().stepsRun(), "a fresh race after the rebuild");
            }
            model.play();
            model.awaitFrame(f -> f.running() && f.stepsRun() > 3, TIMEOUT).orElseThrow();
        } finally {
            model.close();
        }
        Map<String, Long> calls = backend.callsByThread();
        assertEquals(Set.of("descent-engine"), calls.keySet(), "backend calls by thread: " + calls);
        assertTrue(calls.get("descent-engine") > 1000, "the engine built, stepped and freed the races: " + calls);
    }
}
