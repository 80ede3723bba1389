package dev.descent.ui.racers;

import dev.descent.ui.map.ColorMap;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The racer colours must stand out on the viridis heatmap, on white paper and from each other. */
class RacerPaletteTest {

    /** CIELAB (D65) of an sRGB colour, from the sRGB and CIE 1976 definitions. */
    private static double[] lab(int rgb) {
        double r = linear(rgb >> 16 & 0xff);
        double g = linear(rgb >> 8 & 0xff);
        double b = linear(rgb & 0xff);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIE76 colour difference: about 2.3 is just noticeable, 20+ reads as another colour. */
    private static double deltaE(int a, int b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    @Test
    void twelveDistinctColours() {
        assertEquals(12, RacerPalette.COLOURS.size());
        assertEquals(12, new HashSet<>(RacerPalette.COLOURS).size());
        assertEquals(RacerPalette.colour(0), RacerPalette.colour(12));
    }

    @Test
    void everyColourStandsOutOnWhitePaperAndOnEveryViridisColour() {
        for (String c : RacerPalette.COLOURS) {
            assertTrue(deltaE(rgb(c), 0xffffff) >= 40, c + " on white: " + deltaE(rgb(c), 0xffffff));
            for (int k = 0; k <= 64; k++) {
                int viridis = ColorMap.argb(k / 64.0) & 0xffffff;
                assertTrue(deltaE(rgb(c), viridis) >= 20,
                        c + " on viridis " + Integer.toHexString(viridis) + ": " + deltaE(rgb(c), viridis));
            }
        }
    }

    @Test
    void everyTwoColoursDifferClearly() {
        List<String> all = RacerPalette.COLOURS;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double d = deltaE(rgb(all.get(i)), rgb(all.get(j)));
                assertTrue(d >= 30, all.get(i) + " vs " + all.get(j) + ": " + d);
            }
        }
    }

    @Test
    void deltaEMatchesAPublishedValue() {
        // sRGB red is L* 53.24, a* 80.09, b* 67.20 (e.g. Bruce Lindbloom's calculator)
        double[] red = lab(0xff0000);
        assertEquals(53.24, red[0], 0.02);
        assertEquals(80.09, red[1], 0.05);
        assertEquals(67.20, red[2], 0.05);
    }
}
