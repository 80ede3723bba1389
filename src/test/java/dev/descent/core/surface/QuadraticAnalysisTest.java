package dev.descent.core.surface;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadraticAnalysisTest {

    @Test
    void rotatedHessianHasClosedFormEigenvalues() {
        // [[a, b], [b, c]]: lambda = (a+c)/2 -+ sqrt(((a-c)/2)^2 + b^2); a=5, b=2, c=2 gives 1 and 6
        QuadraticAnalysis q = QuadraticAnalysis.ofHessian(5, 2, 2);
        assertEquals(1, q.lambdaMin(), 1e-12);
        assertEquals(6, q.lambdaMax(), 1e-12);
        assertEquals(6, q.conditionNumber(), 1e-12);
    }

    @Test
    void bowlIsQuadraticWithGradientDescentLimitOne() {
        QuadraticAnalysis q = QuadraticAnalysis.of(new Bowl()).orElseThrow();
        assertEquals(2, q.lambdaMin(), 1e-12);
        assertEquals(2, q.lambdaMax(), 1e-12);
        assertEquals(1.0, q.lrLimit(0), 1e-12);
        assertEquals(1.9, q.lrLimit(0.9), 1e-12);
        assertTrue(q.stable(0.99, 0));
        assertFalse(q.stable(1.01, 0));
        assertTrue(q.stable(1.8, 0.9));
    }

    @Test
    void gradientDescentOnTheLimitNeitherShrinksNorGrows() {
        // x_{k+1} = (1 - lr*lambda) x_k: at lr = 2/lambda the factor is exactly -1
        QuadraticAnalysis q = QuadraticAnalysis.ofHessian(8, 0, 1);
        double lr = q.lrLimit(0);
        assertEquals(-1, 1 - lr * q.lambdaMax(), 1e-12);
    }

    @Test
    void saddleHasNegativeCurvatureAndInfiniteCondition() {
        QuadraticAnalysis q = QuadraticAnalysis.ofHessian(2, 0, -2);
        assertTrue(q.hasNegativeCurvature());
        assertEquals(Double.POSITIVE_INFINITY, q.conditionNumber());
    }

    @Test
    void nonQuadraticSurfaceGivesNoAnalysis() {
        Surface quartic = new Surface() {
            public String id() { return "quartic"; }
            public String displayName() { return "x^4 + y^2"; }
            public String formula() { return "x^4 + y^2"; }
            public String note() { return ""; }
            public java.util.Map<String, Double> parameters() { return java.util.Map.of(); }
            public double value(double x, double y) { return x * x * x * x + y * y; }
            public void gradient(double x, double y, double[] out) { out[0] = 4 * x * x * x; out[1] = 2 * y; }
            public void hessian(double x, double y, double[] out) { out[0] = 12 * x * x; out[1] = 0; out[2] = 2; }
            public ViewWindow window() { return new ViewWindow(-1, 1, -1, 1); }
            public java.util.List<CriticalPoint> criticalPoints() { return java.util.List.of(); }
        };
        assertTrue(QuadraticAnalysis.of(quartic).isEmpty());
    }
}
