package dev.descent.core.race;

import dev.descent.core.compute.CpuBackend;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's bookkeeping (not its speed: benchmarks are never timed unit tests). */
class TrainingRaceBenchmarkTest {

    @Test
    void reportsRacerStepsAsRacersTimesStepsOverSeconds() {
        try (CpuBackend backend = new CpuBackend()) {
            TrainingRaceBenchmark.Result r = TrainingRaceBenchmark.run(backend, 3, 2, 5, 0);
            assertEquals("cpu", r.backend());
            assertEquals(3, r.racers());
            assertTrue(r.steps() >= 5);
            assertEquals(3 * r.steps() / r.seconds(), r.racerStepsPerSecond(), 1e-9 * r.racerStepsPerSecond());
        }
    }
}
