package dev.descent.ui.view3d;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeightScaleTest {

    @Test
    void linearScaleMapsTheRangeOntoZeroToOneAndClamps() {
        HeightScale s = new HeightScale(2, 10, false, HeightScale.HEIGHT_FLOOR);
        assertEquals(0, s.height(2));
        assertEquals(0.25, s.height(4));
        assertEquals(1, s.height(10));
        assertEquals(1, s.height(1e9), "clamped above");
        assertEquals(0, s.height(-5), "clamped below");
        assertTrue(Double.isNaN(s.height(Double.POSITIVE_INFINITY)), "non-finite is masked");
    }

    @Test
    void logScaleFollowsTheClosedForm() {
        // span 100, floor 1e-2 * 100 = 1: h(v) = ln(v + 1) / ln(101)
        HeightScale s = new HeightScale(0, 100, true, 1e-2);
        assertEquals(Math.log(11) / Math.log(101), s.height(10), 1e-15);
        assertEquals(0, s.height(0), 1e-15);
        assertEquals(1, s.height(100), 1e-15);
    }

    @Test
    void aFlatSurfaceSitsHalfWayAndBadRangesAreRefused() {
        assertEquals(0.5, new HeightScale(3, 3, true, 0.1).height(3));
        assertThrows(IllegalArgumentException.class, () -> new HeightScale(1, 0, false, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new HeightScale(0, 1, false, 0));
    }
}
