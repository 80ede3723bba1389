package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.expr.ExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionSurfaceTest {

    /** Catalogue surfaces whose formula text is itself a valid f(x, y). */
    static Stream<Surface> catalogue() {
        return Stream.concat(Surfaces.all().stream().map(f -> Surfaces.create(new Spec(f.name(), java.util.Map.of()))),
                Stream.of(Surfaces.create(Spec.parse("rosenbrock a=-1.5 b=10")),
                        Surfaces.create(Spec.parse("rastrigin A=3")),
                        Surfaces.create(Spec.parse("ravine kappa=50"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void typingACatalogueFormulaGivesTheSameSurface(Surface analytic) {
        Surface typed = Surfaces.expression(analytic.formula(), analytic.window());
        SplittableRandom random = new SplittableRandom(5);
        ViewWindow w = analytic.window();
        double[] ga = new double[2];
        double[] gt = new double[2];
        double[] ha = new double[3];
        double[] ht = new double[3];
        for (int k = 0; k < 200; k++) {
            double x = w.xMin() + random.nextDouble() * w.width();
            double y = w.yMin() + random.nextDouble() * w.height();
            double f = analytic.value(x, y);
            assertEquals(f, typed.value(x, y), 1e-12 * (1 + Math.abs(f)), analytic.id());
            analytic.gradient(x, y, ga);
            typed.gradient(x, y, gt);
            analytic.hessian(x, y, ha);
            typed.hessian(x, y, ht);
            for (int i = 0; i < 2; i++) {
                assertEquals(ga[i], gt[i], 1e-10 * (1 + Math.abs(ga[i]) + Math.abs(f)), analytic.id() + " gradient");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(ha[i], ht[i], 1e-9 * (1 + Math.abs(ha[i]) + Math.abs(f)), analytic.id() + " Hessian");
            }
        }
    }

    @Test
    void rotatedRavineFormulaIsDescriptiveNotTypable() {
        String formula = Surfaces.create(Spec.parse("ravine angle=30")).formula();
        assertTrue(formula.startsWith("0.5*(u^2/10 + v^2), u = cos(30°)*x"), formula);
        assertThrows(ExpressionException.class, () -> Surfaces.expression(formula));
    }

    @Test
    void typedSurfaceDescribesItself() {
        Surface s = Surfaces.expression("  x^2 + 3*y^2 ");
        assertEquals("expr", s.id());
        assertEquals("x^2 + 3*y^2", s.formula());
        assertEquals("f(x,y) = x^2 + 3*y^2", s.displayName());
        assertEquals(new ViewWindow(-3, 3, -3, 3), s.window());
        assertEquals(1, s.criticalPoints().size(), "found numerically: " + s.criticalPoints());
        CriticalPoint minimum = s.criticalPoints().get(0);
        assertEquals(CriticalPoint.Kind.GLOBAL_MINIMUM, minimum.kind());
        assertEquals(0, Math.hypot(minimum.x(), minimum.y()), 1e-12);
        assertTrue(s.parameters().isEmpty());
        double[] g = new double[2];
        double[] h = new double[3];
        s.gradient(1, -2, g);
        s.hessian(1, -2, h);
        assertEquals(2, g[0], 0);
        assertEquals(-12, g[1], 0);
        assertEquals(2, h[0], 0);
        assertEquals(0, h[1], 0);
        assertEquals(6, h[2], 0);
    }

    @Test
    void undefinedPointsAreVisibleToCallers() {
        Surface s = Surfaces.expression("log(x) + sqrt(y)");
        double[] g = new double[2];
        assertTrue(Double.isNaN(s.value(-1, 1)));
        s.gradient(-1, 1, g);
        assertFalse(Double.isFinite(g[0]) && Double.isFinite(g[1]));
        s.gradient(1, 0, g);
        assertFalse(Double.isFinite(g[1]), "d sqrt(y)/dy at 0 is infinite");
    }

    @Test
    void parseErrorsAreConfigExceptionsWithPositions() {
        ConfigException e = assertThrows(ConfigException.class, () -> Surfaces.expression("x + (y"));
        assertEquals("expected ')' at 6", e.getMessage());
    }
}
