package dev.descent.core.plot;

import dev.descent.core.surface.Bowl;
import dev.descent.core.surface.Rosenbrock;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarchingSquaresTest {

    private static final ViewWindow SQUARE = new ViewWindow(-2, 2, -2, 2);

    @Test
    void levelOneOfTheBowlIsOneClosedUnitCircle() {
        SurfaceGrid grid = SurfaceGrid.sample(new Bowl(), SQUARE, 101, 101);
        List<Polyline> lines = MarchingSquares.contour(grid, 1);
        assertEquals(1, lines.size());
        Polyline circle = lines.get(0);
        assertTrue(circle.closed());
        assertEquals(circle.xs()[0], circle.xs()[circle.size() - 1], 0);
        assertEquals(circle.ys()[0], circle.ys()[circle.size() - 1], 0);
        assertTrue(circle.size() > 100, "points " + circle.size());
        double h = 4.0 / 100;
        for (int k = 0; k < circle.size(); k++) {
            double r = Math.hypot(circle.xs()[k], circle.ys()[k]);
            // linear interpolation of x^2 along an edge misses the root by at most h^2/(8r)
            assertEquals(1, r, h * h / 8 + 1e-12, "point " + k);
            if (k > 0) {
                double step = Math.hypot(circle.xs()[k] - circle.xs()[k - 1], circle.ys()[k] - circle.ys()[k - 1]);
                assertTrue(step > 0 && step <= Math.sqrt(2) * h + 1e-12, "consecutive points " + step + " apart");
            }
        }
        assertEquals(Math.PI, Math.abs(area(circle)), 2e-3);
    }

    @Test
    void circleRadiusConvergesWithTheGrid() {
        for (int n : new int[] {21, 81, 321}) {
            SurfaceGrid grid = SurfaceGrid.sample(new Bowl(), SQUARE, n, n);
            Polyline circle = MarchingSquares.contour(grid, 2.25).get(0);
            double h = 4.0 / (n - 1);
            double worst = 0;
            for (int k = 0; k < circle.size(); k++) {
                worst = Math.max(worst, Math.abs(Math.hypot(circle.xs()[k], circle.ys()[k]) - 1.5));
            }
            assertTrue(worst <= h * h / (8 * 1.5) + 1e-12, n + ": worst radius error " + worst);
        }
    }

    @Test
    void aCircleLeavingTheWindowBreaksIntoFourOpenArcsEndingOnTheBorder() {
        SurfaceGrid grid = SurfaceGrid.sample(new Bowl(), SQUARE, 81, 81);
        List<Polyline> arcs = MarchingSquares.contour(grid, 5);
        assertEquals(4, arcs.size());
        for (Polyline arc : arcs) {
            assertFalse(arc.closed());
            assertTrue(onBorder(arc.xs()[0], arc.ys()[0]) && onBorder(arc.xs()[arc.size() - 1], arc.ys()[arc.size() - 1]));
            for (int k = 0; k < arc.size(); k++) {
                assertEquals(Math.sqrt(5), Math.hypot(arc.xs()[k], arc.ys()[k]), 1e-3);
            }
        }
    }

    @Test
    void levelsOutsideTheRangeGiveNoLines() {
        SurfaceGrid grid = SurfaceGrid.sample(new Bowl(), SQUARE, 41, 41);
        assertTrue(MarchingSquares.contour(grid, -1).isEmpty());
        assertTrue(MarchingSquares.contour(grid, 100).isEmpty());
    }

    @Test
    void cellsTouchingNaNAreSkippedSoTheLineEndsThere() {
        SurfaceGrid grid = SurfaceGrid.sample((x, y) -> x < -0.01 ? Math.log(-1) : x * x + y * y, SQUARE, 101, 101);
        List<Polyline> lines = MarchingSquares.contour(grid, 1);
        assertEquals(1, lines.size());
        Polyline half = lines.get(0);
        assertFalse(half.closed());
        for (int k = 0; k < half.size(); k++) {
            assertTrue(half.xs()[k] >= 0, "no point in the NaN region: " + half.xs()[k]);
            assertEquals(1, Math.hypot(half.xs()[k], half.ys()[k]), 1e-3);
        }
        assertTrue(Math.abs(half.ys()[0]) > 0.99 && Math.abs(half.ys()[half.size() - 1]) > 0.99,
                "ends where the NaN region starts");
    }

    @Test
    void saddleCellJoinsTheDiagonalOnTheCentresSide() {
        ViewWindow unit = new ViewWindow(0, 1, 0, 1);
        // corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0: centre 0.5 >= level, the high diagonal is joined
        List<Polyline> joined = MarchingSquares.contour(SurfaceGrid.of(unit, 2, 2, new double[] {1, 0, 0, 1}), 0.5);
        assertEquals(2, joined.size());
        assertSegments(joined, new double[][] {{0.5, 0, 1, 0.5}, {0.5, 1, 0, 0.5}});
        // (1,1) lowered to 0.6: centre 0.4 < level, the low diagonal is joined, the high corners are cut off
        List<Polyline> cut = MarchingSquares.contour(SurfaceGrid.of(unit, 2, 2, new double[] {1, 0, 0, 0.6}), 0.5);
        assertEquals(2, cut.size());
        assertSegments(cut, new double[][] {{0, 0.5, 0.5, 0}, {1, 1 / 1.2, 1 / 1.2, 1}});
    }

    @Test
    void rosenbrockContourPointsLieOnTheirLevel() {
        Surface s = new Rosenbrock(1, 100);
        SurfaceGrid grid = SurfaceGrid.sample(s, s.window(), 301, 301);
        for (double level : ContourLevels.levels(grid, 12)) {
            List<Polyline> lines = MarchingSquares.contour(grid, level);
            assertFalse(lines.isEmpty(), "level " + level);
            for (Polyline line : lines) {
                for (int k = 0; k < line.size(); k++) {
                    double f = s.value(line.xs()[k], line.ys()[k]);
                    assertEquals(level, f, 0.02 * level + 0.05, "level " + level);
                }
            }
        }
    }

    private static void assertSegments(List<Polyline> lines, double[][] expected) {
        for (double[] e : expected) {
            boolean found = lines.stream().anyMatch(p -> p.size() == 2 && matches(p, e[0], e[1], e[2], e[3]));
            assertTrue(found, "no segment (" + e[0] + ", " + e[1] + ")-(" + e[2] + ", " + e[3] + ")");
        }
    }

    private static boolean matches(Polyline p, double x0, double y0, double x1, double y1) {
        boolean forward = near(p.xs()[0], x0) && near(p.ys()[0], y0) && near(p.xs()[1], x1) && near(p.ys()[1], y1);
        boolean backward = near(p.xs()[1], x0) && near(p.ys()[1], y0) && near(p.xs()[0], x1) && near(p.ys()[0], y1);
        return forward || backward;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-12;
    }

    private static boolean onBorder(double x, double y) {
        return Math.abs(Math.abs(x) - 2) < 1e-12 || Math.abs(Math.abs(y) - 2) < 1e-12;
    }

    /** Shoelace formula. */
    private static double area(Polyline p) {
        double a = 0;
        for (int k = 0; k + 1 < p.size(); k++) {
            a += p.xs()[k] * p.ys()[k + 1] - p.xs()[k + 1] * p.ys()[k];
        }
        return a / 2;
    }
}
