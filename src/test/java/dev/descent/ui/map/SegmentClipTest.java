package dev.descent.ui.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segment clipping against [-100, 100]^2, checked against the line through the two
 * endpoints solved by hand. A per-coordinate clamp gets only the segments inside and the
 * vertical and horizontal ones right: it moves a far end to a corner or an edge point off the
 * segment's line, and keeps segments that miss the square.
 */
class SegmentClipTest {
    private static final double B = 100;

    private static double[] clip(double x0, double y0, double x1, double y1) {
        double[] out = new double[4];
        assertTrue(SegmentClip.clip(x0, y0, x1, y1, -B, -B, B, B, out),
                "(" + x0 + ", " + y0 + ") - (" + x1 + ", " + y1 + ") should be partly inside");
        return out;
    }

    private static void assertOutside(double x0, double y0, double x1, double y1) {
        double[] out = {7, 7, 7, 7};
        assertFalse(SegmentClip.clip(x0, y0, x1, y1, -B, -B, B, B, out));
        assertArrayEquals(new double[] {7, 7, 7, 7}, out, "left alone");
    }

    @Test
    void aSegmentInsideIsKeptExactly() {
        assertArrayEquals(new double[] {-30.5, 12.25, 70.125, -99}, clip(-30.5, 12.25, 70.125, -99), 0);
        assertArrayEquals(new double[] {-100, 100, 100, -100}, clip(-100, 100, 100, -100), 0, "on the corners");
    }

    @Test
    void aSegmentLeavingThroughOneEdgeEndsOnItAlongItsLine() {
        // y = x / 4 meets x = 100 at y = 25
        assertArrayEquals(new double[] {0, 0, 100, 25}, clip(0, 0, 200, 50), 1e-12);
        assertArrayEquals(new double[] {100, 25, 0, 0}, clip(200, 50, 0, 0), 1e-12, "entering: the same cut");
        // y = 3x leaves through the top edge y = 100 at x = 100/3
        assertArrayEquals(new double[] {0, 0, 100.0 / 3, 100}, clip(0, 0, 60, 180), 1e-12);
    }

    @Test
    void aSegmentCrossingTwoEdgesIsCutAtBoth() {
        // y = 50 + x / 4: x = -100 at y = 25, x = 100 at y = 75
        assertArrayEquals(new double[] {-100, 25, 100, 75}, clip(-200, 0, 200, 100), 1e-12);
        // y = -x - 100 enters through the left edge at (-100, 0), leaves through the bottom at (0, -100)
        assertArrayEquals(new double[] {-100, 0, 0, -100}, clip(-150, 50, 50, -150), 1e-12);
        // the diagonal through two corners
        assertArrayEquals(new double[] {-100, -100, 100, 100}, clip(-300, -300, 300, 300), 1e-12);
    }

    @Test
    void aSegmentOutsideKeepsNothing() {
        // x + y = 250 passes the corner (100, 100) outside, though each coordinate's range meets the square's
        assertOutside(250, 0, 0, 250);
        assertOutside(150, -300, 150, 300);
        assertOutside(-1e9, 150, 1e9, 150);
        assertOutside(300, 300, 1e9, 2e9);
        // x + y = 200 only touches the corner: nothing of positive length
        assertOutside(200, 0, 0, 200);
        assertOutside(Double.NaN, 0, 0, 0);
        assertOutside(0, 0, Double.POSITIVE_INFINITY, 0);
    }

    @Test
    void verticalAndHorizontalSegmentsAreCutAtTheEdgesTheyCross() {
        assertArrayEquals(new double[] {50, -100, 50, 100}, clip(50, -1e9, 50, 1e9), 0);
        assertArrayEquals(new double[] {-100, -20, 30, -20}, clip(-1e9, -20, 30, -20), 0);
        assertArrayEquals(new double[] {10, 10, 10, 10}, clip(10, 10, 10, 10), 0, "a point inside");
    }

    @Test
    void hugeCoordinatesAreCutAsExactlyAsSmallOnes() {
        // y = 0.3 x: x = 100 at y = 30 (a clamp gives (100, 100))
        assertArrayEquals(new double[] {0, 0, 100, 30}, clip(0, 0, 1e300, 3e299), 1e-12);
        // from far outside to (50, 0): y = (50 - x) / 2 (to within 1e-298) meets x = -100 at y = 75
        assertArrayEquals(new double[] {-100, 75, 50, 0}, clip(-1e300, 5e299, 50, 0), 1e-12);
        // both ends far: y = 0.3 x + 50, x = -100 at y = 20 and x = 100 at y = 80, to the ends' rounding
        assertArrayEquals(new double[] {-100, 20, 100, 80}, clip(-1e9, -3e8 + 50, 1e9, 3e8 + 50), 1e-6);
        // both ends far, the line through the middle of the view
        assertArrayEquals(new double[] {-100, 3, 100, 3}, clip(-1e300, 3, 1e300, 3), 0);
        assertArrayEquals(new double[] {3, 100, 3, -100}, clip(3, 1e300, 3, -1e300), 0);
        // P1 - P0 overflows to infinity
        assertArrayEquals(new double[] {-100, 5, 100, 5}, clip(-1e308, 5, 1e308, 5), 0);
        assertArrayEquals(new double[] {-100, 5, 100, 5}, clip(-Double.MAX_VALUE, 5, Double.MAX_VALUE, 5), 0);
    }
}
