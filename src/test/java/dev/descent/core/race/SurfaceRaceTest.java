package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceRaceTest {

    private static RacerConfig racer(String optimizer) {
        return RacerConfig.of(optimizer, "#1f77b4", optimizer);
    }

    private static SurfaceRace race(double x0, double y0, long maxSteps, RacerConfig... racers) {
        return new SurfaceRace(TestSurfaces.bowl(), x0, y0, List.of(racers), new RaceOptions(10_000, maxSteps));
    }

    private static void run(SurfaceRace race) {
        while (race.step()) {
            // until the budget is spent
        }
    }

    @Test
    void sgdOnTheBowlFollowsTheClosedFormGeometricDecay() {
        double lr = 0.1;
        SurfaceRace race = race(1.5, -0.8, 100, racer("sgd lr=" + lr));
        run(race);
        TraceSnapshot t = race.snapshot().racers().get(0).trace();
        assertEquals(101, t.size());
        for (int k = 0; k <= 100; k++) {
            double factor = Math.pow(1 - 2 * lr, k);  // x_k = x0 (1 - 2 lr)^k on f = x^2 + y^2
            double x = 1.5 * factor;
            double y = -0.8 * factor;
            assertEquals(k, t.step(k));
            assertEquals(x, t.value("x", k), 1e-13 * Math.abs(x) + 1e-300);
            assertEquals(y, t.value("y", k), 1e-13 * Math.abs(y) + 1e-300);
            assertEquals(x * x + y * y, t.value("loss", k), 1e-12 * (x * x + y * y));
            assertEquals(2 * Math.hypot(x, y), t.value("grad_norm", k), 1e-12 * Math.hypot(x, y));
            assertEquals(lr, t.value("lr", k));
        }
    }

    @Test
    void aDivergingRacerStopsAtTheBoundWhileTheOthersGoOn() {
        // sgd lr=1.5 on the bowl: x_k = (1 - 3)^k = (-2)^k; |x_k| > 1e15 first at k = 50 (2^50 = 1.13e15),
        // and x_k^2 > 1e30 first at k = 50 as well (4^49 = 3.2e29, 4^50 = 1.27e30).
        int expected = (int) Math.ceil(Math.log(1e15) / Math.log(2));
        assertEquals(50, expected);
        SurfaceRace race = race(1, 0, 200, racer("sgd lr=1.5"), racer("sgd lr=0.1"));
        run(race);
        RaceSnapshot s = race.snapshot();
        RacerSnapshot bad = s.racers().get(0);
        RacerSnapshot good = s.racers().get(1);
        assertEquals(expected, bad.divergedAt());
        assertEquals(expected - 1, bad.stepsRun());
        assertTrue(bad.divergenceReason().startsWith("position past the bound"), bad.divergenceReason());
        assertTrue(bad.divergenceMessage().startsWith("diverged at step 50: "), bad.divergenceMessage());
        assertEquals(Math.pow(-2, 49), bad.trace().last("x"));
        assertEquals(50, bad.trace().size());
        assertFalse(good.diverged());
        assertEquals(200, good.stepsRun());
        assertEquals(200, s.stepsRun());
        assertTrue(s.finished());
    }

    @Test
    void aNonFiniteGradientStopsTheRacerWithTheReason() {
        SurfaceRace race = new SurfaceRace(TestSurfaces.cone(), 1, 0, List.of(racer("sgd lr=1")),
                new RaceOptions(100, 10));
        assertFalse(race.step(), "the only racer diverged, so nothing is left to run");
        RacerSnapshot r = race.snapshot().racers().get(0);
        assertEquals(1, r.divergedAt());
        assertEquals(0, r.stepsRun());
        assertEquals("gradient not finite at (0.0, 0.0): (NaN, NaN)", r.divergenceReason());
        assertEquals(1, r.trace().size(), "the start is kept");
    }

    @Test
    void aNonFiniteLossStopsTheRacer() {
        SurfaceRace race = new SurfaceRace(TestSurfaces.logarithm(), 1, 0, List.of(racer("sgd lr=2")),
                new RaceOptions(100, 10));
        race.step();
        RacerSnapshot r = race.snapshot().racers().get(0);
        assertEquals(1, r.divergedAt());
        assertTrue(r.divergenceReason().startsWith("loss not finite at (-1.0, 0.0)"), r.divergenceReason());
    }

    @Test
    void aNonFiniteStartIsDivergenceAtStepZeroWithNoHistory() {
        SurfaceRace race = new SurfaceRace(TestSurfaces.logarithm(), -1, 0, List.of(racer("sgd lr=0.1")),
                new RaceOptions(100, 10));
        RacerSnapshot r = race.snapshot().racers().get(0);
        assertEquals(0, r.divergedAt());
        assertTrue(r.trace().isEmpty());
        assertTrue(race.isFinished());
    }

    @Test
    void clipNormScalesTheGradientAsTorchClipGradNorm() {
        // bowl at (3, 4): g = (6, 8), ||g|| = 10; torch scales by max_norm / (||g|| + 1e-6)
        RacerConfig clipped = new RacerConfig("c", "#000000", "sgd lr=0.1", null, 1.0, 0, true);
        SurfaceRace race = race(3, 4, 1, clipped);
        race.step();
        double coefficient = 1.0 / (10 + 1e-6);
        TraceSnapshot t = race.snapshot().racers().get(0).trace();
        assertEquals(3 - 0.1 * 6 * coefficient, t.value("x", 1), 1e-15);
        assertEquals(4 - 0.1 * 8 * coefficient, t.value("y", 1), 1e-15);
        assertEquals(10, t.value("grad_norm", 0), 1e-15, "grad_norm is of the unclipped gradient");
    }

    @Test
    void clipValueClampsEachCoordinate() {
        RacerConfig clipped = new RacerConfig("c", "#000000", "sgd lr=0.1", null, 0, 1.0, true);
        SurfaceRace race = race(3, 0.2, 1, clipped);
        race.step();
        TraceSnapshot t = race.snapshot().racers().get(0).trace();
        assertEquals(3 - 0.1 * 1.0, t.value("x", 1), 1e-15);
        assertEquals(0.2 - 0.1 * 0.4, t.value("y", 1), 1e-15);
    }

    @Test
    void resetReplaysTheSameRaceFromTheStart() {
        SurfaceRace race = race(1, 1, 30, racer("sgd lr=0.05 momentum=0.9"));
        run(race);
        double[] first = race.snapshot().racers().get(0).trace().column("x");
        race.reset();
        assertEquals(0, race.stepsRun());
        assertEquals(1, race.snapshot().racers().get(0).trace().size());
        run(race);
        assertArrayEquals(first, race.snapshot().racers().get(0).trace().column("x"));
    }

    @Test
    void disabledRacersAreLeftOutAndTheLastStepTraceIsKept() {
        SurfaceRace race = race(1, 1, 5, racer("sgd lr=0.1"), racer("sgd lr=0.2").withEnabled(false));
        assertNull(race.snapshot().racers().get(0).trace().lastStep());
        race.step();
        RaceSnapshot s = race.snapshot();
        assertEquals(1, s.racers().size());
        assertArrayEquals(new double[] {2, 2}, s.racers().get(0).trace().lastStep().gradient());
        assertArrayEquals(new double[] {-0.2, -0.2}, s.racers().get(0).trace().lastStep().delta(), 1e-15);
    }

    @Test
    void aLongRaceKeepsItsTraceWithinTheCapWithTheNewestPoint() {
        SurfaceRace race = new SurfaceRace(TestSurfaces.bowl(), 1, 1, List.of(racer("sgd lr=0.0001")),
                new RaceOptions(100, 100_000));
        run(race);
        TraceSnapshot t = race.snapshot().racers().get(0).trace();
        assertTrue(t.size() <= 100, "size " + t.size());
        assertEquals(0, t.step(0));
        assertEquals(100_000, t.lastStepNumber());
        double expected = Math.pow(1 - 2e-4, 100_000);
        assertEquals(expected, t.last("x"), 1e-10 * expected);
    }

    @Test
    void racerConfigValidatesWithTheFieldName() {
        assertEquals("colour must be #rrggbb, was 'red'",
                assertThrows(ConfigException.class, () -> RacerConfig.of("a", "red", "sgd")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> RacerConfig.of("a", "#000000", "adamm lr=1"))
                .getMessage().startsWith("optimizer: unknown optimizer 'adamm'"));
        assertTrue(assertThrows(ConfigException.class,
                () -> new RacerConfig("a", "#000000", "sgd", "nosuch", 0, 0, true))
                .getMessage().startsWith("schedule: unknown schedule 'nosuch'"));
        assertEquals("clipNorm must be in [0, inf) (0 = off), was -1.0",
                assertThrows(ConfigException.class,
                        () -> new RacerConfig("a", "#000000", "sgd", null, -1, 0, true)).getMessage());
        assertEquals("label must not be blank",
                assertThrows(ConfigException.class, () -> RacerConfig.of(" ", "#000000", "sgd")).getMessage());
    }
}
