package dev.descent.core.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ReduceLROnPlateau's rules where Descent departs from torch on purpose (negative and non-finite losses). */
class PlateauScheduleTest {

    private static PlateauSchedule plateau(String spec, double lr) {
        return (PlateauSchedule) Schedules.create(spec, lr, Double.NaN);
    }

    @Test
    void slightlyWorseNegativeLossIsNotAnImprovement() {
        // torch: -0.99995 < -1.0 * (1 - 1e-4) = -0.9999 would count as a new best every time
        PlateauSchedule s = plateau("plateau patience=2 factor=0.5", 1.0);
        s.advance(-1.0);
        for (int i = 0; i < 3; i++) {
            s.advance(-0.99995);
        }
        assertEquals(-1.0, s.best());
        assertEquals(0.5, s.learningRate(), "three bad steps with patience 2 reduce the rate");
    }

    @Test
    void negativeLossMustBeatBestByThresholdTimesItsMagnitude() {
        PlateauSchedule s = plateau("plateau patience=0 threshold=0.1", 1.0);
        s.advance(-10.0);
        s.advance(-10.5);                         // needs < -11: not better
        assertEquals(-10.0, s.best());
        assertEquals(0.1, s.learningRate(), 1e-17);
        s.advance(-11.5);                         // better
        assertEquals(-11.5, s.best());
        assertEquals(0.1, s.learningRate(), 1e-17);
    }

    @Test
    void maxModeWithNegativeScoresNeedsARealGain() {
        PlateauSchedule s = plateau("plateau mode=max patience=0 threshold=0.1", 1.0);
        s.advance(-10.0);
        s.advance(-9.5);                          // needs > -9: not better (torch: > -11 would be)
        assertEquals(-10.0, s.best());
        assertEquals(0.1, s.learningRate(), 1e-17);
        s.advance(-8.5);
        assertEquals(-8.5, s.best());
    }

    @Test
    void positiveLossesUseTorchsRelativeBar() {
        PlateauSchedule s = plateau("plateau patience=0 threshold=0.01", 1.0);
        s.advance(2.0);
        s.advance(1.985);                         // needs < 1.98
        assertEquals(2.0, s.best());
        s.advance(1.97);
        assertEquals(1.97, s.best());
    }

    @Test
    void nonFiniteLossesCountAsNoImprovementInBothModes() {
        PlateauSchedule min = plateau("plateau patience=2", 1.0);
        min.advance(1.0);
        min.advance(Double.NEGATIVE_INFINITY);
        min.advance(Double.NaN);
        assertEquals(1.0, min.best());
        assertEquals(1.0, min.learningRate());
        min.advance(Double.POSITIVE_INFINITY);
        assertEquals(0.1, min.learningRate(), 1e-17);

        PlateauSchedule max = plateau("plateau mode=max patience=0", 1.0);
        max.advance(0.5);
        max.advance(Double.POSITIVE_INFINITY);
        assertEquals(0.5, max.best());
        assertEquals(0.1, max.learningRate(), 1e-17);
    }

    @Test
    void firstFiniteLossAfterNonFiniteOnesBecomesTheBest() {
        PlateauSchedule s = plateau("plateau patience=5", 1.0);
        s.advance(Double.NaN);
        s.advance(-3.0);
        assertEquals(-3.0, s.best());
    }

    @Test
    void cooldownIgnoresBadStepsAfterAReduction() {
        PlateauSchedule s = plateau("plateau patience=0 cooldown=3 factor=0.5", 1.0);
        s.advance(1.0);
        s.advance(1.0);                           // bad > 0: reduce, cooldown 3
        assertEquals(0.5, s.learningRate());
        s.advance(1.0);
        s.advance(1.0);
        s.advance(1.0);                           // three cooldown steps
        assertEquals(0.5, s.learningRate());
        s.advance(1.0);
        assertEquals(0.25, s.learningRate());
    }

    @Test
    void rateNeverGoesBelowMinLr() {
        PlateauSchedule s = plateau("plateau patience=0 factor=0.1 min_lr=0.003", 1.0);
        for (int i = 0; i < 20; i++) {
            s.advance(5.0);
        }
        assertEquals(0.003, s.learningRate());
    }
}
