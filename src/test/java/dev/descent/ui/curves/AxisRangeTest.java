package dev.descent.ui.curves;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisRangeTest {

    @Test
    void fitPadsByAFractionAndRoundsOutToAFifthOfTheTickStep() {
        // [0.2, 13] padded by 0.66 each side: [-0.46, 13.66]; tick step 5, rounded to 1
        AxisRange r = AxisRange.fit(0.2, 13);
        assertEquals(-1, r.min(), 1e-12);
        assertEquals(14, r.max(), 1e-12);
        assertTrue(r.contains(0.2, 13));
    }

    @Test
    void aRangeIsKeptWhileTheDataStaysInside() {
        AxisRange r = AxisRange.fit(0, 10);
        assertSame(r, r.widenedFor(0.3, 9.9));
        assertSame(r, r.widenedFor(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void anEscapeWidensWithHeadroomOnTheEscapingSide() {
        AxisRange r = AxisRange.fit(-2, 0);
        AxisRange w = r.widenedFor(-5, 0);
        assertFalse(r.contains(-5, 0));
        assertTrue(w.contains(-5, 0));
        // union [-5, 0.1]: 20% of 5.1 below (to -6.02), nothing added above; step 2, unit 0.4
        assertEquals(-6.4, w.min(), 1e-9);
        assertEquals(0.4, w.max(), 1e-9);
    }

    @Test
    void aFlatOrEmptyRangeStillHasASpan() {
        AxisRange flat = AxisRange.fit(0.001, 0.001);
        assertTrue(flat.max() > flat.min());
        assertTrue(flat.contains(0.001, 0.001));
        assertEquals(new AxisRange(0, 1), AxisRange.fit(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }
}
