package dev.descent.core.expr;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DerivativeStructure evaluator against central differences of the independent double evaluator. */
class ExpressionDerivativeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "sin(x)*cos(y) + tan(0.3*x)",
        "exp(-x^2 - y^2)*log(2 + x^2)",
        "sqrt(1 + x^2 + y^2)",
        "tanh(x*y) + sigmoid(x - 2*y)",
        "2^x * x^3 + (1 + x^2)^(y/3)",
        "-x^2/(1 + y^2) - x/y^-2",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "abs(x)^2.5 + abs(y)^3 + 3*x*y",
        "e^(x/2) * pi - 1e-3*y^4",
        "max(x^2, 2) * min(y, 5) + x*y",
    })
    void gradientAndHessianMatchCentralDifferences(String text) {
        Expression f = Expression.parse(text);
        SplittableRandom random = new SplittableRandom(text.hashCode());
        int checked = 0;
        for (int k = 0; k < 200; k++) {
            double x = -3 + 6 * random.nextDouble();
            double y = -3 + 6 * random.nextDouble();
            if (!Double.isFinite(f.value(x, y)) || nearKink(text, x, y)) {
                continue;
            }
            checked++;
            DerivativeStructure d = f.derivatives(x, y);
            assertEquals(f.value(x, y), d.getValue(), 1e-13 * (1 + Math.abs(d.getValue())), text);
            double h = 1e-5;
            double fx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h);
            double fy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h);
            double scale = 1 + Math.abs(d.getValue());
            close(fx, d.getPartialDerivative(1, 0), 1e-6 * scale, text, "f_x", x, y);
            close(fy, d.getPartialDerivative(0, 1), 1e-6 * scale, text, "f_y", x, y);
            double g = 1e-4;
            double f0 = f.value(x, y);
            double fxx = (f.value(x + g, y) - 2 * f0 + f.value(x - g, y)) / (g * g);
            double fyy = (f.value(x, y + g) - 2 * f0 + f.value(x, y - g)) / (g * g);
            double fxy = (f.value(x + g, y + g) - f.value(x + g, y - g) - f.value(x - g, y + g)
                    + f.value(x - g, y - g)) / (4 * g * g);
            close(fxx, d.getPartialDerivative(2, 0), 1e-4 * scale, text, "f_xx", x, y);
            close(fxy, d.getPartialDerivative(1, 1), 1e-4 * scale, text, "f_xy", x, y);
            close(fyy, d.getPartialDerivative(0, 2), 1e-4 * scale, text, "f_yy", x, y);
        }
        assertTrue(checked > 100, "only " + checked + " points checked for " + text);
    }

    /** Points within 1e-3 of a kink of abs/min/max, where differences straddle two branches. */
    private static boolean nearKink(String text, double x, double y) {
        if (text.startsWith("max")) {
            return Math.abs(x * x - 2) < 1e-3 || Math.abs(y - 5) < 1e-3;
        }
        if (text.contains("abs")) {
            return Math.abs(x) < 1e-3 || Math.abs(y) < 1e-3;
        }
        return false;
    }

    @Test
    void squaresOfNegativeBasesAreDifferentiable() {
        DerivativeStructure d = Expression.parse("x^2 + y^3").derivatives(-2, -1);
        assertEquals(-4, d.getPartialDerivative(1, 0), 0);
        assertEquals(3, d.getPartialDerivative(0, 1), 0);
        assertEquals(2, d.getPartialDerivative(2, 0), 0);
        assertEquals(-6, d.getPartialDerivative(0, 2), 0);
    }

    @Test
    void derivativesOfEveryFunctionMatchClosedForms() {
        double a = 0.7;
        assertEquals(Math.cos(a), d1("sin(x)", a), 1e-15);
        assertEquals(-Math.sin(a), d1("cos(x)", a), 1e-15);
        assertEquals(1 / (Math.cos(a) * Math.cos(a)), d1("tan(x)", a), 1e-14);
        assertEquals(Math.exp(a), d1("exp(x)", a), 1e-15);
        assertEquals(1 / a, d1("log(x)", a), 1e-15);
        assertEquals(0.5 / Math.sqrt(a), d1("sqrt(x)", a), 1e-15);
        assertEquals(-1, d1("abs(x)", -a), 0);
        assertEquals(1 - Math.tanh(a) * Math.tanh(a), d1("tanh(x)", a), 1e-15);
        double s = 1 / (1 + Math.exp(-a));
        assertEquals(s * (1 - s), d1("sigmoid(x)", a), 1e-15);
        assertEquals(s * (1 - s) * (1 - 2 * s), Expression.parse("sigmoid(x)").derivatives(a, 0)
                .getPartialDerivative(2, 0), 1e-15);
        assertEquals(2 * a, d1("min(x^2, 1)", a), 1e-15);
        assertEquals(0, d1("min(x^2, 0.1)", a), 0);
        assertEquals(0, d1("max(x^2, 1)", a), 0);
        assertEquals(Math.log(2) * Math.pow(2, a), d1("2^x", a), 1e-15);
        assertEquals(Math.pow(a, a) * (Math.log(a) + 1), d1("x^x", a), 1e-14);
    }

    private static double d1(String text, double x) {
        return Expression.parse(text).derivatives(x, 0.25).getPartialDerivative(1, 0);
    }

    @Test
    void nonFiniteGradientsAreReportedNotHidden() {
        assertFalse(Double.isFinite(Expression.parse("sqrt(x^2 + y^2)").derivatives(0, 0).getPartialDerivative(1, 0)));
        assertFalse(Double.isFinite(Expression.parse("log(x)").derivatives(-1, 0).getPartialDerivative(1, 0)));
        assertFalse(Double.isFinite(Expression.parse("1/x").derivatives(0, 0).getPartialDerivative(1, 0)));
        assertFalse(Double.isFinite(Expression.parse("sqrt(x)").derivatives(0, 0).getPartialDerivative(1, 0)));
        DerivativeStructure undefined = Expression.parse("log(x) + y").derivatives(-1, 0);
        assertTrue(Double.isNaN(undefined.getValue()));
        assertTrue(Double.isNaN(undefined.getPartialDerivative(0, 1)), "no finite gradient at an undefined point");
        assertTrue(Double.isNaN(undefined.getPartialDerivative(1, 1)));
    }

    private static void close(double expected, double actual, double tol, String text, String what, double x, double y) {
        assertTrue(Math.abs(expected - actual) <= tol, text + " " + what + " at (" + x + ", " + y + "): automatic "
                + actual + ", central difference " + expected);
    }
}
