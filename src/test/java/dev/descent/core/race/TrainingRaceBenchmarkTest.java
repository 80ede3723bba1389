package dev.descent.core.race;

import dev.descent.core.bench.Timing;
import dev.descent.core.bench.TrainingResult;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmark's bookkeeping with a fake clock (benchmarks are never timed unit tests). */
class TrainingRaceBenchmarkTest {

    @Test
    void reportsRacersDividedByTheMedianSecondsPerStep() {
        AtomicLong now = new AtomicLong();
        // every clock reading advances 1 ms: one step between two readings takes 1 ms
        Timing timing = new Timing(3, 0, 0, () -> now.addAndGet(1_000_000L));
        try (CpuBackend backend = new CpuBackend()) {
            TrainingResult r = new TrainingRaceBenchmark(3, 5).run(backend, timing);
            assertEquals("cpu", r.backend());
            assertEquals(3, r.racers());
            assertEquals(3 / 0.001, r.racerStepsPerSecond(), 1e-6);
        }
    }

    @Test
    void aNegativeWarmUpIsRefused() {
        assertThrows(ConfigException.class, () -> new TrainingRaceBenchmark(8, -1));
    }

    @Test
    void theRaceIsTheDocumentedSetting() {
        try (CpuBackend backend = new CpuBackend(); TrainingRace race = new TrainingRaceBenchmark(8).newRace(backend)) {
            assertEquals(8, race.racerCount());
            for (int i = 0; i < 19; i++) {
                race.step();
            }
            assertEquals(1, race.epoch(), "600 rows in batches of 32 make 19 steps per epoch");
        }
    }
}
