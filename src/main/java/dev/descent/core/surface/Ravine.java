package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ill-conditioned quadratic, the ravine of the lectures:
 * <pre>
 *   f = 0.5*(u^2/kappa + v^2),   u =  cos(t)*x + sin(t)*y,   v = -sin(t)*x + cos(t)*y
 * </pre>
 * with t the rotation {@code angle} in degrees. The Hessian {@code R^T diag(1/kappa, 1) R}
 * has eigenvalues 1/kappa and 1, so its condition number is exactly {@code kappa}; at
 * angle 0 the long axis is the x axis.
 */
public final class Ravine implements Surface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("ravine",
            "0.5*(u^2/kappa + v^2), (u, v) = (x, y) rotated by angle: an ill-conditioned valley; "
                    + "gradient descent zig-zags across it, momentum runs along it",
            List.of(new HyperParameter("kappa", Kind.DOUBLE, "10", ">= 1", "condition number of the Hessian"),
                    new HyperParameter("angle", Kind.DOUBLE, "0", "any (degrees)",
                            "rotation of the valley; 0 = along the x axis")),
            p -> new Ravine(p.checkRange("kappa", p.getDouble("kappa", 10), 1, true, Double.POSITIVE_INFINITY, false),
                    p.checkRange("angle", p.getDouble("angle", 0), Double.NEGATIVE_INFINITY, false,
                            Double.POSITIVE_INFINITY, false)));

    private final double kappa;
    private final double angleDegrees;
    private final double cos;
    private final double sin;

    /**
     * @param kappa        condition number, >= 1
     * @param angleDegrees rotation in degrees, finite
     */
    public Ravine(double kappa, double angleDegrees) {
        if (!(kappa >= 1) || Double.isInfinite(kappa)) {
            throw new ConfigException("ravine: kappa must be in [1, inf), was " + kappa);
        }
        if (!Double.isFinite(angleDegrees)) {
            throw new ConfigException("ravine: angle must be finite, was " + angleDegrees);
        }
        this.kappa = kappa;
        this.angleDegrees = angleDegrees;
        double t = Math.toRadians(angleDegrees);
        // exact axes for multiples of 90 degrees, so angle=0 is truly axis-aligned
        this.cos = angleDegrees % 90 == 0 ? Math.rint(Math.cos(t)) : Math.cos(t);
        this.sin = angleDegrees % 90 == 0 ? Math.rint(Math.sin(t)) : Math.sin(t);
    }

    @Override
    public String id() {
        return "ravine";
    }

    @Override
    public String displayName() {
        return "Ravine (kappa=" + SurfaceText.number(kappa) + ", angle=" + SurfaceText.number(angleDegrees) + ")";
    }

    @Override
    public String formula() {
        String k = SurfaceText.number(kappa);
        if (angleDegrees == 0) {
            return "0.5*(x^2/" + k + " + y^2)";
        }
        String a = SurfaceText.number(angleDegrees);
        return "0.5*(u^2/" + k + " + v^2), u = cos(" + a + "°)*x + sin(" + a + "°)*y, v = -sin(" + a
                + "°)*x + cos(" + a + "°)*y";
    }

    @Override
    public String note() {
        return "Curvature differs by a factor kappa across and along the valley: a step size safe across it "
                + "crawls along it.";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("kappa", kappa);
        p.put("angle", angleDegrees);
        return p;
    }

    @Override
    public double value(double x, double y) {
        double u = cos * x + sin * y;
        double v = -sin * x + cos * y;
        return 0.5 * (u * u / kappa + v * v);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double u = cos * x + sin * y;
        double v = -sin * x + cos * y;
        out[0] = u / kappa * cos - v * sin;
        out[1] = u / kappa * sin + v * cos;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = cos * cos / kappa + sin * sin;
        out[1] = cos * sin / kappa - sin * cos;
        out[2] = sin * sin / kappa + cos * cos;
    }

    @Override
    public ViewWindow window() {
        double half = Math.max(2, 1.5 * Math.sqrt(kappa));
        return new ViewWindow(-half, half, -half, half);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, CriticalPoint.Kind.GLOBAL_MINIMUM));
    }
}
