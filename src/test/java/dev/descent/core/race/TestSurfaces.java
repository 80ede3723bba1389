package dev.descent.core.race;

import dev.descent.core.surface.CriticalPoint;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/** Small surfaces for engine tests, independent of the catalogue. */
final class TestSurfaces {
    private TestSurfaces() {
    }

    /** f = x^2 + y^2. */
    static Surface bowl() {
        return of("x^2 + y^2", (x, y) -> x * x + y * y, (x, y) -> 2 * x, (x, y) -> 2 * y);
    }

    /** f = sqrt(x^2 + y^2): its gradient is 0/0 = NaN at the origin. */
    static Surface cone() {
        return of("sqrt(x^2 + y^2)", Math::hypot, (x, y) -> x / Math.hypot(x, y), (x, y) -> y / Math.hypot(x, y));
    }

    /** f = log(x) + y^2: NaN loss for x < 0. */
    static Surface logarithm() {
        return of("log(x) + y^2", (x, y) -> Math.log(x) + y * y, (x, y) -> 1 / x, (x, y) -> 2 * y);
    }

    static Surface of(String formula, DoubleBinaryOperator f, DoubleBinaryOperator dx, DoubleBinaryOperator dy) {
        return new Surface() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public String displayName() {
                return formula;
            }

            @Override
            public String formula() {
                return formula;
            }

            @Override
            public String note() {
                return "test surface";
            }

            @Override
            public Map<String, Double> parameters() {
                return Map.of();
            }

            @Override
            public double value(double x, double y) {
                return f.applyAsDouble(x, y);
            }

            @Override
            public void gradient(double x, double y, double[] out) {
                out[0] = dx.applyAsDouble(x, y);
                out[1] = dy.applyAsDouble(x, y);
            }

            @Override
            public void hessian(double x, double y, double[] out) {
                throw new UnsupportedOperationException("not needed by the race");
            }

            @Override
            public ViewWindow window() {
                return new ViewWindow(-2, 2, -2, 2);
            }

            @Override
            public List<CriticalPoint> criticalPoints() {
                return List.of();
            }
        };
    }
}
