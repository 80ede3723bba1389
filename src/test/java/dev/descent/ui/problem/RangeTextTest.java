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

    @Test
    void unboundedRangeWithDefaultZeroReachesBothWays() {
        RangeText r = RangeText.parse("any", 0);
        assertEquals(-10, r.min());
        assertEquals(10, r.max());
    }

    @Test
    void includingStretchesTheNearEndToAValueOutsideAndKeepsOneInside() {
        RangeText r = new RangeText(-10, 10, false);
        assertEquals(new RangeText(-10, 20, false), r.including(20));
        assertEquals(new RangeText(-30, 10, false), r.including(-30));
        assertEquals(r, r.including(5));
        RangeText decades = new RangeText(1, 100, true);
        assertEquals(new RangeText(1, 250, true), decades.including(250));
    }

    @Test
    void anUnboundedAngleInDegreesReachesAHalfTurn() {
        assertEquals(new RangeText(-90, 90, false), RangeText.parse("any (degrees)", 0));
        assertEquals(new RangeText(-90, 120, false), RangeText.parse("any (degrees)", 120));
        assertEquals(new RangeText(-10, 10, false), RangeText.parse("any", 0));
    }
}
