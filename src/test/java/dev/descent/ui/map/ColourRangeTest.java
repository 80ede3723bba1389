package dev.descent.ui.map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourRangeTest {

    /** f = 1/(x^2 + y^2) on a 200 x 200 grid over [-1, 1]^2 (offset so no sample hits the pole exactly). */
    private static double[] pole() {
        double[] v = new double[200 * 200];
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 200; i++) {
                double x = -1 + (i + 0.5) / 100;
                double y = -1 + (j + 0.5) / 100;
                v[j * 200 + i] = 1 / (x * x + y * y);
            }
        }
        return v;
    }

    @Test
    void aPoleDoesNotFlattenTheMap() {
        double[] v = pole();
        ColourRange r = ColourRange.of(v, false);
        // raw max is 1/(2 * 0.005^2) = 20,000; the 99th percentile is far below it. The share of
        // the grid with 1/r^2 >= c is the share inside radius 1/sqrt(c): pi/(4c) of the square,
        // so the top 1% starts near c = 100 pi / 4 = 78.5
        assertEquals(78.5, r.high(), 2.5);
        // and the bottom 1% is the far corners beyond radius R, where the unit quadrant's area
        // inside R, sqrt(R^2 - 1) + R^2 (pi/4 - acos(1/R)), is 0.99: R = 1.31552, f = 0.57784
        assertEquals(0.57784, r.low(), 0.002);
        // a point at radius 0.3 (f = 11) sits well inside the colour map, not at its bottom
        // (with the raw range it would be at 11/20000 = 0.0005)
        double t = r.position(1 / 0.09);
        assertEquals((11.111 - r.low()) / (r.high() - r.low()), t, 1e-3);
        assertTrue(t > 0.1, "position " + t);
        // clipped values take the ends
        assertEquals(1, r.position(20_000));
        assertEquals(0, r.position(0.5));
        // the median pixel gets a mid colour: f at the median radius (area pi r^2 / 4 = 1/2)
        double median = Math.PI / 2;
        assertTrue(r.position(median) > 0.005 && r.position(median) < 0.5);
    }

    @Test
    void linearRangeOfAnEvenRampIsItsPercentiles() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        ColourRange r = ColourRange.of(v, false);
        // nearest rank: the 10th and the 990th smallest
        assertEquals(9, r.low());
        assertEquals(989, r.high());
        assertEquals(0.5, r.position(499), 1e-12);
    }

    @Test
    void logModeKeepsTheValleyFloorAndClipsThePoleOnTop() {
        double[] v = pole();
        ColourRange r = ColourRange.of(v, true);
        assertEquals(78.5, r.high(), 2.5);
        double min = 1 / 2.0;
        // the base is the minimum (just under 1/2): the lowest sample is at position 0
        double lowest = Double.POSITIVE_INFINITY;
        for (double x : v) {
            lowest = Math.min(lowest, x);
        }
        assertEquals(lowest, r.low(), 1e-12);
        assertTrue(lowest >= min - 0.01);
        assertEquals(0, r.position(lowest), 1e-12);
        assertEquals(1, r.position(1e4));
        // log spacing: log(v - base + floor) linear; floor = 1e-6 * (high - base)
        double floor = (r.high() - lowest) * 1e-6;
        double expected = (Math.log(10 - lowest + floor) - Math.log(floor))
                / (Math.log(r.high() - lowest + floor) - Math.log(floor));
        assertEquals(expected, r.position(10), 1e-12);
    }

    @Test
    void aDownwardPoleMovesTheLogBaseUp() {
        double[] v = pole();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        ColourRange r = ColourRange.of(v, true);
        // -20,000 at the centre is far more than a robust range below the 1st percentile (~ -78.5)
        // base = p1 - (p99 - p1) = -78.5 - (-0.578 + 78.5)
        assertEquals(-78.5 - (78.5 - 0.578), r.low(), 5);
        assertEquals(0, r.position(-20_000));
        assertTrue(r.position(-10) > 0.5, "position " + r.position(-10));
    }

    @Test
    void nonFiniteValuesAreIgnoredAndAFlatMapTakesTheMiddle() {
        ColourRange r = ColourRange.of(new double[] {Double.NaN, 3, Double.POSITIVE_INFINITY, 3}, false);
        assertTrue(r.flat());
        assertEquals(0.5, r.position(3));
        assertTrue(Double.isNaN(r.position(Double.NaN)));
    }
}
