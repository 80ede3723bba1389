package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceCatalogueTest {

    /** Every catalogue surface with its defaults, plus non-default parameter choices. */
    static Stream<Surface> surfaces() {
        List<Surface> all = new ArrayList<>();
        for (SurfaceFactory f : Surfaces.all()) {
            all.add(Surfaces.create(new Spec(f.name(), java.util.Map.of())));
        }
        all.add(Surfaces.create(Spec.parse("ravine kappa=50 angle=30")));
        all.add(Surfaces.create(Spec.parse("ravine kappa=1")));
        all.add(Surfaces.create(Spec.parse("rosenbrock a=-1.5 b=10")));
        all.add(Surfaces.create(Spec.parse("rastrigin A=3")));
        all.add(Surfaces.create(Spec.parse("rastrigin A=0.05")));
        all.add(Surfaces.create(Spec.parse("rastrigin A=0")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void analyticGradientMatchesCentralDifferences(Surface s) {
        SplittableRandom random = new SplittableRandom(11);
        ViewWindow w = s.window();
        double[] g = new double[2];
        for (int k = 0; k < 300; k++) {
            double x = w.xMin() + random.nextDouble() * w.width();
            double y = w.yMin() + random.nextDouble() * w.height();
            s.gradient(x, y, g);
            double hx = 1e-6 * Math.max(1, Math.abs(x));
            double hy = 1e-6 * Math.max(1, Math.abs(y));
            double fdx = (s.value(x + hx, y) - s.value(x - hx, y)) / (2 * hx);
            double fdy = (s.value(x, y + hy) - s.value(x, y - hy)) / (2 * hy);
            double noise = 1e-8 * Math.abs(s.value(x, y)) / Math.min(hx, hy);
            assertClose(fdx, g[0], 1e-6 * (1 + Math.abs(g[0])) + noise, s, "df/dx", x, y);
            assertClose(fdy, g[1], 1e-6 * (1 + Math.abs(g[1])) + noise, s, "df/dy", x, y);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void analyticHessianMatchesCentralDifferencesOfTheGradient(Surface s) {
        SplittableRandom random = new SplittableRandom(12);
        ViewWindow w = s.window();
        double[] h = new double[3];
        double[] gp = new double[2];
        double[] gm = new double[2];
        for (int k = 0; k < 300; k++) {
            double x = w.xMin() + random.nextDouble() * w.width();
            double y = w.yMin() + random.nextDouble() * w.height();
            s.hessian(x, y, h);
            double hx = 1e-6 * Math.max(1, Math.abs(x));
            double hy = 1e-6 * Math.max(1, Math.abs(y));
            s.gradient(x + hx, y, gp);
            s.gradient(x - hx, y, gm);
            double gxx = (gp[0] - gm[0]) / (2 * hx);
            double gyx = (gp[1] - gm[1]) / (2 * hx);
            s.gradient(x, y + hy, gp);
            s.gradient(x, y - hy, gm);
            double gxy = (gp[0] - gm[0]) / (2 * hy);
            double gyy = (gp[1] - gm[1]) / (2 * hy);
            s.gradient(x, y, gp);
            double noise = 1e-8 * (Math.abs(gp[0]) + Math.abs(gp[1])) / Math.min(hx, hy);
            assertClose(gxx, h[0], 1e-5 * (1 + Math.abs(h[0])) + noise, s, "d2f/dx2", x, y);
            assertClose(gyx, h[1], 1e-5 * (1 + Math.abs(h[1])) + noise, s, "d2f/dydx", x, y);
            assertClose(gxy, h[1], 1e-5 * (1 + Math.abs(h[1])) + noise, s, "d2f/dxdy", x, y);
            assertClose(gyy, h[2], 1e-5 * (1 + Math.abs(h[2])) + noise, s, "d2f/dy2", x, y);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void criticalPointsHaveZeroGradientAndTheHessianOfTheirKind(Surface s) {
        assertFalse(s.criticalPoints().isEmpty(), s.id() + " lists no critical point");
        double[] g = new double[2];
        double[] h = new double[3];
        for (CriticalPoint p : s.criticalPoints()) {
            s.gradient(p.x(), p.y(), g);
            double scale = 1 + Math.abs(s.value(p.x(), p.y()));
            assertTrue(Math.hypot(g[0], g[1]) < 1e-9 * scale, s.id() + " gradient at " + p + " is ("
                    + g[0] + ", " + g[1] + ")");
            s.hessian(p.x(), p.y(), h);
            double det = h[0] * h[2] - h[1] * h[1];
            switch (p.kind()) {
                case GLOBAL_MINIMUM, LOCAL_MINIMUM -> assertTrue(h[0] > 0 && det > 0, s.id() + " not a minimum: " + p);
                case MAXIMUM -> assertTrue(h[0] < 0 && det > 0, s.id() + " not a maximum: " + p);
                case SADDLE -> {
                    if (s instanceof MonkeySaddle) {
                        assertEquals(0, Math.abs(h[0]) + Math.abs(h[1]) + Math.abs(h[2]), "degenerate saddle");
                        assertTrue(s.value(0.1, 0) > 0 && s.value(-0.1, 0) < 0, "f changes sign across it");
                    } else {
                        assertTrue(det < 0, s.id() + " not a saddle: " + p);
                    }
                }
            }
            ViewWindow w = s.window();
            assertTrue(p.x() >= w.xMin() && p.x() <= w.xMax() && p.y() >= w.yMin() && p.y() <= w.yMax(),
                    s.id() + " critical point outside the default window: " + p);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void globalMinimaAreTheLowestCriticalPointsAndLowerThanRandomPoints(Surface s) {
        double best = s.criticalPoints().stream().filter(p -> p.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM)
                .mapToDouble(p -> s.value(p.x(), p.y())).min().orElse(Double.NaN);
        if (Double.isNaN(best)) {
            // unbounded saddles: no minimum, and f falls below every listed critical value
            assertTrue(s instanceof Saddle || s instanceof MonkeySaddle, s.id() + " lists no global minimum");
            assertTrue(Math.min(s.value(0, 1.5), s.value(-1.5, 0)) < -1);
            return;
        }
        for (CriticalPoint p : s.criticalPoints()) {
            assertTrue(s.value(p.x(), p.y()) >= best - 1e-12, s.id() + ": " + p + " is below the global minimum");
        }
        SplittableRandom random = new SplittableRandom(13);
        ViewWindow w = s.window();
        for (int k = 0; k < 2000; k++) {
            double x = w.xMin() + random.nextDouble() * w.width();
            double y = w.yMin() + random.nextDouble() * w.height();
            assertTrue(s.value(x, y) >= best - 1e-12, s.id() + " lower than its global minimum at " + x + ", " + y);
        }
    }

    @Test
    void knownMinimumValues() {
        assertEquals(0, new Rosenbrock(1, 100).value(1, 1), 0);
        assertEquals(0, new Rosenbrock(-1.5, 10).value(-1.5, 2.25), 0);
        assertEquals(0, new Beale().value(3, 0.5), 0);
        assertEquals(3, new GoldsteinPrice().value(0, -1), 1e-12);
        assertEquals(30, new GoldsteinPrice().value(-0.6, -0.4), 1e-9);
        assertEquals(84, new GoldsteinPrice().value(1.8, 0.2), 1e-9);
        assertEquals(840, new GoldsteinPrice().value(1.2, 0.8), 1e-9);
        assertEquals(0, new Himmelblau().value(3, 2), 0);
        assertEquals(0, new Booth().value(1, 3), 0);
        assertEquals(-1.031628453489877, new SixHumpCamel().value(0.08984201310031806, -0.7126564030207396), 1e-12);
        assertEquals(0, new Rastrigin(10).value(0, 0), 0);
        assertEquals(0, new Ackley().value(0, 0), 1e-14);
        assertEquals(-1, new BoundedSaddle().value(0, Math.sqrt(2)), 1e-15);
        assertEquals(0, new Plateau().value(0, 0), 0);
        assertEquals(-1.392113824290, new Wells().value(1.4384319062404005, 0), 1e-11);
        assertEquals(-0.495892567474, new Wells().value(-1.4089163679365988, 0), 1e-11);
    }

    @Test
    void ravineHessianHasConditionNumberKappaAtAnyAngle() {
        double[] h = new double[3];
        for (double angle : new double[] {0, 17, 45, 90, -120}) {
            new Ravine(25, angle).hessian(0.3, -0.7, h);
            double tr = h[0] + h[2];
            double det = h[0] * h[2] - h[1] * h[1];
            double disc = Math.sqrt(tr * tr / 4 - det);
            double ratio = (tr / 2 + disc) / (tr / 2 - disc);
            assertEquals(25, ratio, 1e-9, "angle " + angle);
        }
        new Ravine(25, 0).hessian(0, 0, h);
        assertEquals(0.04, h[0], 0);
        assertEquals(0, h[1], 0);
        assertEquals(1, h[2], 0);
        assertEquals("0.5*(x^2/25 + y^2)", new Ravine(25, 0).formula());
    }

    @Test
    void namesCarryTheParameters() {
        assertEquals("Rosenbrock (a=1, b=100)", Surfaces.create(Spec.parse("rosenbrock")).displayName());
        assertEquals("Rosenbrock (a=0.5, b=7)", Surfaces.create(Spec.parse("rosenbrock a=0.5 b=7")).displayName());
        assertEquals("Ravine (kappa=10, angle=0)", Surfaces.create(Spec.parse("ravine")).displayName());
        assertEquals("Rastrigin (A=10)", Surfaces.create(Spec.parse("rastrigin")).displayName());
        assertEquals(java.util.Map.of("a", 0.5, "b", 7.0),
                Surfaces.create(Spec.parse("rosenbrock a=0.5 b=7")).parameters());
    }

    @Test
    void catalogueHoldsEveryNamedSurfaceOnce() {
        List<String> names = Surfaces.all().stream().map(SurfaceFactory::name).toList();
        assertEquals(new HashSet<>(names).size(), names.size(), "duplicate names " + names);
        assertEquals(List.of("bowl", "ravine", "saddle", "bounded-saddle", "monkey-saddle", "rosenbrock", "beale",
                "himmelblau", "booth", "goldstein-price", "six-hump-camel", "rastrigin", "ackley", "wells",
                "plateau"), names);
        for (SurfaceFactory f : Surfaces.all()) {
            Surface s = f.create(new dev.descent.core.config.Params(f.name(), java.util.Map.of()));
            assertEquals(f.name(), s.id());
            assertFalse(s.note().isBlank());
            assertFalse(s.formula().isBlank());
        }
    }

    @Test
    void invalidParametersAreRejectedWithFieldAndRange() {
        assertEquals("ravine: kappa must be in [1, inf), was 0.5",
                assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("ravine kappa=0.5"))).getMessage());
        assertEquals("rosenbrock: b must be in (0, inf), was 0.0",
                assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("rosenbrock b=0"))).getMessage());
        assertEquals("rastrigin: A must be in [0, inf), was -1.0",
                assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("rastrigin A=-1"))).getMessage());
        assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("rosenbrock a=Infinity")));
        assertTrue(assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("rosenbrock c=1")))
                .getMessage().contains("unknown parameter 'c'; allowed: a, b"));
        assertTrue(assertThrows(ConfigException.class, () -> Surfaces.create(Spec.parse("bowl2")))
                .getMessage().startsWith("unknown surface 'bowl2'; known: bowl, ravine"));
        assertThrows(ConfigException.class, () -> new Ravine(2, Double.NaN));
    }

    @Test
    void ackleyReportsTheNonSmoothOriginAsAnInfiniteHessian() {
        double[] g = new double[2];
        double[] h = new double[3];
        Ackley a = new Ackley();
        a.gradient(0, 0, g);
        a.hessian(0, 0, h);
        assertEquals(0, g[0], 0);
        assertEquals(0, g[1], 0);
        assertEquals(Double.POSITIVE_INFINITY, h[0]);
        assertEquals(Double.POSITIVE_INFINITY, h[2]);
    }

    private static void assertClose(double expected, double actual, double tol, Surface s, String what,
                                    double x, double y) {
        assertTrue(Math.abs(expected - actual) <= tol, s.displayName() + " " + what + " at (" + x + ", " + y
                + "): analytic " + actual + ", central difference " + expected);
    }
}
