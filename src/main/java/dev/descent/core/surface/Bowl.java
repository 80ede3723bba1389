package dev.descent.core.surface;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;
import java.util.Map;

/** The convex bowl {@code f = x^2 + y^2}: one minimum at the origin, Hessian 2I. */
public final class Bowl implements Surface {

    public static final SurfaceFactory FACTORY = new SurfaceFactory() {
        @Override
        public String name() {
            return "bowl";
        }

        @Override
        public String description() {
            return "x^2 + y^2: the convex bowl; every sensible optimizer reaches (0, 0)";
        }

        @Override
        public List<HyperParameter> hyperParameters() {
            return List.of();
        }

        @Override
        public Surface create(Params params) {
            return new Bowl();
        }
    };

    @Override
    public String id() {
        return "bowl";
    }

    @Override
    public String displayName() {
        return "Convex bowl";
    }

    @Override
    public String formula() {
        return "x^2 + y^2";
    }

    @Override
    public String note() {
        return "The simplest convex loss: the gradient always points away from the single minimum.";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public double value(double x, double y) {
        return x * x + y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 2 * x;
        out[1] = 2 * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = 2;
    }

    @Override
    public ViewWindow window() {
        return new ViewWindow(-2, 2, -2, 2);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }
}
