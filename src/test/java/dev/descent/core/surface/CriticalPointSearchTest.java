package dev.descent.core.surface;

import dev.descent.core.config.Spec;
import dev.descent.core.expr.ExpressionException;
import dev.descent.core.surface.CriticalPoint.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CriticalPointSearchTest {

    private static void assertSamePoints(List<CriticalPoint> expected, List<CriticalPoint> found, double tolerance,
                                         String what) {
        assertEquals(expected.size(), found.size(), what + ": expected " + expected + ", found " + found);
        List<CriticalPoint> left = new ArrayList<>(found);
        for (CriticalPoint e : expected) {
            CriticalPoint match = left.stream()
                    .filter(f -> f.kind() == e.kind() && Math.hypot(f.x() - e.x(), f.y() - e.y()) <= tolerance)
                    .findFirst().orElse(null);
            if (match == null) {
                fail(what + ": " + e + " not found in " + found);
            }
            left.remove(match);
        }
    }

    @Test
    void himmelblauTypedAsAnExpressionHasTheCataloguesMinimaSaddlesAndMaximum() {
        Surface catalogue = new Himmelblau();
        Surface typed = Surfaces.expression("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", catalogue.window());
        assertSamePoints(catalogue.criticalPoints(), typed.criticalPoints(), 1e-9, "himmelblau");
        assertEquals(4, typed.criticalPoints().stream().filter(p -> p.kind() == Kind.GLOBAL_MINIMUM).count());
    }

    /** Each catalogue surface whose formula is typable, typed, against the catalogue's closed-form points. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bowl", "saddle", "bounded-saddle", "monkey-saddle", "rosenbrock", "beale", "booth",
            "goldstein-price", "six-hump-camel", "wells", "plateau"})
    void typedCatalogueFormulasHaveTheCataloguesCriticalPoints(String name) {
        Surface catalogue = Surfaces.create(new Spec(name, Map.of()));
        Surface typed;
        try {
            typed = Surfaces.expression(catalogue.formula(), catalogue.window());
        } catch (ExpressionException e) {
            throw new AssertionError(name + "'s formula should be typable: " + catalogue.formula(), e);
        }
        SplittableRandom random = new SplittableRandom(3);
        ViewWindow w = catalogue.window();
        for (int k = 0; k < 20; k++) {
            double x = w.xMin() + random.nextDouble() * w.width();
            double y = w.yMin() + random.nextDouble() * w.height();
            double v = catalogue.value(x, y);
            assertEquals(v, typed.value(x, y), 1e-9 * (1 + Math.abs(v)), "the typed formula is the same function");
        }
        // degenerate points (the monkey saddle's zero Hessian) converge linearly: a looser tolerance
        assertSamePoints(catalogue.criticalPoints(), typed.criticalPoints(), 1e-7 * Math.max(w.width(), w.height()),
                name);
    }

    @Test
    void theSaddleOfXSquaredMinusYSquared() {
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.SADDLE)),
                Surfaces.expression("x^2 - y^2").criticalPoints(), 1e-12, "x^2 - y^2");
    }

    @Test
    void degeneratePointsAreClassifiedByTheValuesAroundThem() {
        // zero Hessian: the monkey saddle, a flat-bottomed minimum and maximum
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.SADDLE)),
                Surfaces.expression("x^3 - 3*x*y^2").criticalPoints(), 1e-6, "monkey saddle");
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.GLOBAL_MINIMUM)),
                Surfaces.expression("x^4 + y^4").criticalPoints(), 1e-6, "x^4 + y^4");
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.MAXIMUM)),
                Surfaces.expression("-x^4 - y^4").criticalPoints(), 1e-6, "-x^4 - y^4");
        // one zero eigenvalue: x^2 + y^3 is neither a minimum nor a maximum at the origin
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.SADDLE)),
                Surfaces.expression("x^2 + y^3").criticalPoints(), 1e-6, "x^2 + y^3");
    }

    @Test
    void linesAndRegionsOfCriticalPointsAreNotMarked() {
        assertEquals(List.of(), Surfaces.expression("x^2").criticalPoints(), "a valley floor of minima");
        assertEquals(List.of(), Surfaces.expression("(x - y)^2").criticalPoints(), "a diagonal valley floor");
        // the plateau outside the unit circle is flat; the one isolated point is the minimum
        assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.GLOBAL_MINIMUM)),
                Surfaces.expression("min(x^2 + y^2, 1)").criticalPoints(), 1e-9, "bowl in a plateau");
    }

    @Test
    void surfacesWithoutCriticalPointsOrWithUndefinedRegionsGiveNone() {
        assertEquals(List.of(), Surfaces.expression("exp(x) + y").criticalPoints());
        assertEquals(List.of(), Surfaces.expression("log(x) + y^2").criticalPoints(), "undefined for x <= 0");
        assertEquals(List.of(), Surfaces.expression("1/x + y^2").criticalPoints(), "a pole");
        assertEquals(List.of(), Surfaces.expression("x + y").criticalPoints());
    }

    @Test
    void aCrowdedSurfaceIsCappedWithTheLowestMinimaFirst() {
        Surface eggCrate = Surfaces.expression("sin(8*x)*cos(8*y) + 0.01*(x^2 + y^2)");
        List<CriticalPoint> points = eggCrate.criticalPoints();
        assertEquals(CriticalPointSearch.MAX_POINTS, points.size());
        double[] g = new double[2];
        double previous = Double.NEGATIVE_INFINITY;
        for (CriticalPoint p : points) {
            assertTrue(p.kind() == Kind.GLOBAL_MINIMUM || p.kind() == Kind.LOCAL_MINIMUM,
                    "minima come first and fill the cap: " + p);
            eggCrate.gradient(p.x(), p.y(), g);
            assertTrue(Math.hypot(g[0], g[1]) < 1e-9, "a critical point: " + p);
            double f = eggCrate.value(p.x(), p.y());
            assertTrue(f >= previous - 1e-12, "by increasing f");
            previous = f;
        }
        assertEquals(Kind.GLOBAL_MINIMUM, points.get(0).kind());
        assertEquals(Kind.LOCAL_MINIMUM, points.get(points.size() - 1).kind());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tan(x*y)", "1/(x^2 + y^2)", "sqrt(abs(x)) + y^2", "x^y", "exp(exp(x*y))", "max(x, y)",
            "0", "1e300*(x^2 + y^2)", "1e-300*(x^2 + y^2)", "abs(x) + abs(y)", "sigmoid(x)*tanh(y)", "log(-x^2)"})
    void hostileFormulasGiveOnlyRealCriticalPointsInsideTheWindow(String formula) {
        Surface s = Surfaces.expression(formula);
        ViewWindow w = s.window();
        double[] g = new double[2];
        double[] h = new double[3];
        double scale = 0;
        for (double x = w.xMin(); x <= w.xMax(); x += w.width() / 8) {
            for (double y = w.yMin(); y <= w.yMax(); y += w.height() / 8) {
                s.gradient(x, y, g);
                double n = Math.hypot(g[0], g[1]);
                scale = Double.isFinite(n) ? Math.max(scale, n) : scale;
            }
        }
        for (CriticalPoint p : s.criticalPoints()) {
            assertTrue(p.x() >= w.xMin() && p.x() <= w.xMax() && p.y() >= w.yMin() && p.y() <= w.yMax(), p.toString());
            s.gradient(p.x(), p.y(), g);
            s.hessian(p.x(), p.y(), h);
            assertTrue(Double.isFinite(s.value(p.x(), p.y())) && Double.isFinite(h[0] + h[1] + h[2]), p.toString());
            assertTrue(Math.hypot(g[0], g[1]) <= 1e-6 * scale, formula + ": " + p + " has gradient " + g[0] + ", " + g[1]);
        }
        assertTrue(s.criticalPoints().size() <= CriticalPointSearch.MAX_POINTS);
    }

    @Test
    void aScaledBowlKeepsItsMinimum() {
        for (String formula : List.of("1e300*(x^2 + y^2)", "1e-300*(x^2 + y^2)")) {
            assertSamePoints(List.of(new CriticalPoint(0, 0, Kind.GLOBAL_MINIMUM)),
                    Surfaces.expression(formula).criticalPoints(), 1e-9, formula);
        }
    }

    @Test
    void anyWindowCanBeSearchedAndTheSurfaceRemembersItsOwn() {
        Surface bowl = Surfaces.expression("(x - 10)^2 + y^2");
        assertEquals(List.of(), bowl.criticalPoints(), "outside the default window");
        assertSamePoints(List.of(new CriticalPoint(10, 0, Kind.GLOBAL_MINIMUM)),
                CriticalPointSearch.find(bowl, new ViewWindow(5, 15, -5, 5)), 1e-12, "in a window around it");
        assertTrue(bowl.criticalPoints() == bowl.criticalPoints(), "computed once");
    }

    @Test
    void aTypedSurfaceKnowsItsPointsOnlyAfterTheSearchWhileACatalogueSurfaceKnowsThemAlways() {
        Surface typed = Surfaces.expression("x^2 + y^2");
        assertEquals(Optional.empty(), typed.knownCriticalPoints(), "asking does not search");
        assertEquals(Optional.empty(), typed.knownCriticalPoints());
        List<CriticalPoint> found = typed.criticalPoints();
        assertSame(found, typed.knownCriticalPoints().orElseThrow(), "the search's result, remembered");
        Surface himmelblau = Surfaces.create(Spec.parse("himmelblau"));
        assertEquals(Optional.of(himmelblau.criticalPoints()), himmelblau.knownCriticalPoints());
    }
}
