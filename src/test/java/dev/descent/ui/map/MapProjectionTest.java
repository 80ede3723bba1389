package dev.descent.ui.map;

import dev.descent.core.optim.StepTrace;
import dev.descent.core.surface.Bowl;
import dev.descent.core.surface.Ravine;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapProjectionTest {
    /** A 4 x 4 window on a 400 x 200 area: it is widened to 8 x 4, 50 pixels per unit on both axes. */
    private final MapProjection p = new MapProjection(new ViewWindow(-2, 2, -1, 3), 400, 200);

    @Test
    void theWindowIsExtendedToTheAreaShapeAroundItsCentre() {
        assertEquals(new ViewWindow(-4, 4, -1, 3), p.visible());
        assertEquals(0.02, p.unitsPerPixel(), 1e-15);
        assertEquals(100, p.px(-2), 1e-12);
        assertEquals(300, p.px(2), 1e-12);
        assertEquals(0, p.py(3), 1e-12);
        assertEquals(200, p.py(-1), 1e-12);
        assertEquals(0.5, p.x(p.px(0.5)), 1e-12);
        assertEquals(-0.25, p.y(p.py(-0.25)), 1e-12);
        // a wide window on a square area gets extra height instead
        MapProjection tall = new MapProjection(new ViewWindow(-10, 4, -4, 4), 300, 300);
        assertEquals(new ViewWindow(-10, 4, -7, 7), tall.visible());
    }

    @Test
    void aCircleOnTheSurfaceIsACircleOnTheScreen() {
        // a window of aspect 14 : 8 on a 500 x 300 area, the shape of neither
        MapProjection q = new MapProjection(new ViewWindow(-10, 4, -4, 4), 500, 300);
        double cx = q.px(-3);
        double cy = q.py(1);
        double radius = Double.NaN;
        for (int k = 0; k < 36; k++) {
            double a = 2 * Math.PI * k / 36;
            double r = Math.hypot(q.px(-3 + 2 * Math.cos(a)) - cx, q.py(1 + 2 * Math.sin(a)) - cy);
            if (Double.isNaN(radius)) {
                radius = r;
            }
            assertEquals(radius, r, 1e-9, "pixel radius at angle " + k * 10);
        }
        assertTrue(radius > 20, "radius " + radius);
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        ViewWindow z = p.zoom(100, 50, 0.5);
        MapProjection q = new MapProjection(z, 400, 200);
        assertEquals(p.x(100), q.x(100), 1e-12);
        assertEquals(p.y(50), q.y(50), 1e-12);
        assertEquals(2, z.width(), 1e-12);
    }

    @Test
    void panMovesContentWithTheDrag() {
        ViewWindow moved = p.pan(100, 0);
        // 100 pixels at 50 pixels per unit
        assertEquals(-4, moved.xMin(), 1e-12);
        assertEquals(-1, moved.yMin(), 1e-12);
        MapProjection q = new MapProjection(moved, 400, 200);
        assertEquals(p.px(0.7) + 100, q.px(0.7), 1e-9);
    }

    @Test
    void theGradientArrowIsPerpendicularToTheContourOnScreen() {
        // the bowl, and a ravine turned by 30 degrees (its contours are long tilted ellipses),
        // each in a window whose shape differs from the area's
        record Case(Surface surface, ViewWindow window, double x, double y) {
        }
        for (Case c : List.of(new Case(new Bowl(), new ViewWindow(-2, 2, -2, 2), 1.2, 0.7),
                new Case(new Ravine(10, 30), new ViewWindow(-3, 3, -1, 1), -1.5, 0.4),
                new Case(new Ravine(25, 0), new ViewWindow(-4, 4, -3, 3), 2.5, -0.3))) {
            MapProjection q = new MapProjection(c.window(), 600, 300);
            double[] g = new double[2];
            c.surface().gradient(c.x(), c.y(), g);
            StepTrace step = new StepTrace(g, null, null, new double[] {-0.1 * g[0], -0.1 * g[1]}, 0.1, Map.of());
            HeadArrows.Arrow grad = HeadArrows.of(step, c.x(), c.y(), q, 1).get(0);
            assertEquals(HeadArrows.Kind.GRADIENT, grad.kind());
            double[] tangent = contourTangent(c.surface(), q, grad.x(), grad.y());
            double cos = (grad.dx() * tangent[0] + grad.dy() * tangent[1]) / Math.hypot(grad.dx(), grad.dy());
            assertEquals(0, cos, 0.01, c.surface().displayName() + ": cos(arrow, contour tangent)");
            // and it points downhill: f is lower a few pixels along it
            double f0 = c.surface().value(c.x(), c.y());
            double f1 = c.surface().value(q.x(grad.x() + grad.dx() * 0.05), q.y(grad.y() + grad.dy() * 0.05));
            assertTrue(f1 < f0, "downhill");
        }
    }

    /**
     * The unit tangent, in pixels, of the contour of f through pixel (hx, hy): the chord between
     * the two points where the level set crosses a circle of 3 pixels around it, found by
     * bisection on the circle's angle (no derivative used).
     */
    private static double[] contourTangent(Surface s, MapProjection q, double hx, double hy) {
        double level = s.value(q.x(hx), q.y(hy));
        double r = 3;
        int n = 720;
        double[] crossings = new double[2];
        int found = 0;
        for (int k = 0; k < n && found < 2; k++) {
            double a0 = 2 * Math.PI * k / n;
            double a1 = 2 * Math.PI * (k + 1) / n;
            double f0 = s.value(q.x(hx + r * Math.cos(a0)), q.y(hy + r * Math.sin(a0))) - level;
            double f1 = s.value(q.x(hx + r * Math.cos(a1)), q.y(hy + r * Math.sin(a1))) - level;
            if (f0 == 0 || f0 * f1 < 0) {
                for (int it = 0; it < 60; it++) {
                    double am = (a0 + a1) / 2;
                    double fm = s.value(q.x(hx + r * Math.cos(am)), q.y(hy + r * Math.sin(am))) - level;
                    if (f0 * fm <= 0) {
                        a1 = am;
                    } else {
                        a0 = am;
                        f0 = fm;
                    }
                }
                crossings[found++] = (a0 + a1) / 2;
            }
        }
        assertEquals(2, found, "the contour crosses the circle twice");
        double dx = Math.cos(crossings[1]) - Math.cos(crossings[0]);
        double dy = Math.sin(crossings[1]) - Math.sin(crossings[0]);
        double len = Math.hypot(dx, dy);
        return new double[] {dx / len, dy / len};
    }
}
