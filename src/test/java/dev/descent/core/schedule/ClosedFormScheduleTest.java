package dev.descent.core.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schedules checked against their closed forms and hand-computed values. */
class ClosedFormScheduleTest {

    private static LearningRateSchedule at(LearningRateSchedule s, int steps) {
        for (int i = 0; i < steps; i++) {
            s.advance(Double.NaN);
        }
        return s;
    }

    @Test
    void powerHalvesTheRateAfterSStepsWhenCIsOne() {
        assertEquals(0.05, at(Schedules.create("power s=20 c=1", 0.1, Double.NaN), 20).learningRate(), 1e-17);
        assertEquals(0.1 / 3, at(Schedules.create("power s=20 c=1", 0.1, Double.NaN), 40).learningRate(), 1e-17);
    }

    @Test
    void powerFollowsLr0OverOnePlusTOverSToTheC() {
        LearningRateSchedule s = Schedules.create("power s=7 c=0.75", 0.3, Double.NaN);
        for (int t = 0; t < 500; t++) {
            double expected = 0.3 * Math.exp(-0.75 * Math.log1p(t / 7.0));
            assertEquals(expected, s.learningRate(), 1e-13 * expected, "t=" + t);
            s.advance(0);
        }
    }

    @Test
    void inverseTimeIsLr0OverOnePlusKT() {
        LearningRateSchedule s = Schedules.create("invtime k=0.5", 0.2, Double.NaN);
        assertEquals(0.2, s.learningRate());
        assertEquals(0.1, at(s, 2).learningRate(), 1e-17);          // 0.2 / (1 + 0.5*2)
        assertEquals(0.2 / 51, at(s, 98).learningRate(), 1e-17);     // t = 100
    }

    @Test
    void inverseTimeSquaredIsTheSquareOfTheDecay() {
        LearningRateSchedule s = Schedules.create("invtime2 k=0.5", 0.2, Double.NaN);
        assertEquals(0.05, at(s, 2).learningRate(), 1e-17);          // 0.2 / (1 + 1)^2
        assertEquals(0.2 / (51.0 * 51.0), at(s, 98).learningRate(), 1e-17);
    }

    @Test
    void oneOverTAliasesBuildTheInverseTimeSchedules() {
        LearningRateSchedule a = at(Schedules.create("1/t k=0.25", 1.0, Double.NaN), 12);
        LearningRateSchedule b = at(Schedules.create("1/t^2 k=0.25", 1.0, Double.NaN), 12);
        assertEquals("invtime", a.name());
        assertEquals("invtime2", b.name());
        assertEquals(0.25, a.learningRate(), 1e-17);
        assertEquals(0.0625, b.learningRate(), 1e-17);
    }

    @Test
    void piecewiseSwitchesAtTheBoundaryStepLikeMultistepMilestones() {
        LearningRateSchedule p = Schedules.create("piecewise boundaries=3;5 values=1;0.5;0.25", 9.0, Double.NaN);
        LearningRateSchedule m = Schedules.create("multistep milestones=3;5 gamma=0.5", 1.0, Double.NaN);
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.25, 0.25};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], p.learningRate(), "piecewise t=" + t);
            assertEquals(expected[t], m.learningRate(), "multistep t=" + t);
            p.advance(0);
            m.advance(0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 37, 100, 301})
    void cosineRecursionAgreesWithTheClosedFormTo1e12(int tMax) {
        double lr0 = 0.1;
        double etaMin = 0.001;
        LearningRateSchedule s = Schedules.create("cosine t_max=" + tMax + " eta_min=" + etaMin, lr0, Double.NaN);
        for (int t = 0; t < Math.max(1000, 5 * tMax); t++) {
            double closed = etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
            assertEquals(closed, s.learningRate(), 1e-12 * closed, "t=" + t);
            s.advance(0);
        }
    }

    @Test
    void cosineReachesEtaMinAtTMaxAndClimbsBackAtTwiceTMax() {
        LearningRateSchedule s = Schedules.create("cosine t_max=50 eta_min=0.01", 0.5, Double.NaN);
        assertEquals(0.01, at(s, 50).learningRate(), 1e-15);
        assertEquals(0.5, at(s, 50).learningRate(), 1e-14);
    }

    @Test
    void oneCycleHoldsItsFinalValuesPastTotalSteps() {
        LearningRateSchedule s = Schedules.create("onecycle max_lr=0.25 total_steps=40 anneal_strategy=linear",
                0.1, 0.9);
        double minLr = 0.25 / 25 / 1e4;
        at(s, 39);                                  // the lr of step 40, the last of the cycle
        double last = s.learningRate();
        assertEquals(minLr, last, 1e-9 * minLr);    // torch's linear anneal ends at min up to rounding
        assertEquals(0.95, s.momentum(), 1e-15);
        for (int extra = 0; extra < 100; extra++) {
            s.advance(0);
            assertEquals(last, s.learningRate(), "held after the cycle");
            assertTrue(s.learningRate() > 0);
            assertEquals(0.95, s.momentum(), 1e-15);
        }
    }

    @Test
    void oneCyclePeaksAtMaxLrWithBaseMomentum() {
        LearningRateSchedule s = Schedules.create("onecycle max_lr=0.4 total_steps=101 pct_start=0.5", 0.1, 0.9);
        at(s, 50);                                  // phase 1 ends at pct_start*T - 1 = 49.5: t = 50 is just past
        assertTrue(s.learningRate() <= 0.4 && s.learningRate() > 0.399, "near the peak: " + s.learningRate());
        assertTrue(s.momentum() < 0.851, "momentum near base at the peak: " + s.momentum());
    }

    @Test
    void cyclicRisesToMaxLrAfterStepSizeUpAndMomentumFallsToBase() {
        LearningRateSchedule s = Schedules.create("cyclic base_lr=0.01 max_lr=0.11 step_size_up=10 step_size_down=30",
                0.5, 0.9);
        assertEquals(0.01, s.learningRate(), 1e-17);
        assertEquals(0.9, s.momentum(), 1e-17);
        at(s, 10);
        assertEquals(0.11, s.learningRate(), 1e-16);
        assertEquals(0.8, s.momentum(), 1e-16);
        at(s, 15);                                  // half way down
        assertEquals(0.06, s.learningRate(), 1e-16);
        assertEquals(0.85, s.momentum(), 1e-15);
        at(s, 15);                                  // next cycle starts
        assertEquals(0.01, s.learningRate(), 1e-16);
    }

    @Test
    void cyclicTriangular2HalvesTheAmplitudeEachCycle() {
        LearningRateSchedule s = Schedules.create(
                "cyclic base_lr=0 max_lr=0.8 step_size_up=5 mode=triangular2 cycle_momentum=false", 0.5, Double.NaN);
        assertEquals(0.8, at(s, 5).learningRate(), 1e-16);
        assertEquals(0.4, at(s, 10).learningRate(), 1e-16);
        assertEquals(0.2, at(s, 10).learningRate(), 1e-16);
        assertTrue(Double.isNaN(s.momentum()));
    }

    @Test
    void constantKeepsTheOptimizerRate() {
        LearningRateSchedule s = Schedules.create("constant", 0.07, 0.9);
        assertEquals(0.07, at(s, 1000).learningRate());
        assertTrue(Double.isNaN(s.momentum()));
    }
}
