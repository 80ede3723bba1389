package dev.descent.ui.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeTextTest {

    @Test
    void closedIntervalGivesItsEnds() {
        RangeText r = RangeText.parse("[0, 180]", 0);
        assertEquals(0, r.min());
        assertEquals(180, r.max());
        assertFalse(r.logarithmic());
    }

    @Test
    void lowerBoundOnlyGetsTenTimesTheDefaultAndLogWhenDecadesApart() {
        RangeText r = RangeText.parse(">= 1", 100);
        assertEquals(1, r.min());
        assertEquals(1000, r.max());
        assertTrue(r.logarithmic());
    }

    @Test
    void unboundedRangeSurroundsTheDefault() {
        RangeText r = RangeText.parse("any", 1);
        assertTrue(r.min() < 1 && r.max() > 1);
    }
}
