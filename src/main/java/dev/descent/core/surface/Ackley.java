package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * Ackley's function (Ackley 1987) with the usual a = 20, b = 0.2, c = 2 pi:
 * <pre>
 *   f = -20 exp(-0.2 r) - exp(0.5 (cos 2 pi x + cos 2 pi y)) + e + 20,   r = sqrt(0.5 (x^2 + y^2))
 *   df/dx = 2 exp(-0.2 r) x / r + pi E2 sin(2 pi x),   E2 = exp(0.5 (cos 2 pi x + cos 2 pi y))
 * </pre>
 * The cone term is not differentiable at the origin (the global minimum, f = 0): there the
 * gradient is reported as its subgradient 0 and the Hessian's diagonal as +infinity (the
 * cone's curvature is unbounded), so callers see a non-finite Hessian rather than a wrong
 * finite one.
 */
public final class Ackley extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("ackley",
            "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20: "
                    + "a funnel pitted with local minima",
            List.of(), p -> new Ackley());

    public Ackley() {
        super("ackley", "Ackley",
                "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
                "A nearly flat, pitted plain around a sharp funnel: local steps see only the pits, the funnel "
                        + "shows at larger scales.",
                Map.of(), new ViewWindow(-5, 5, -5, 5), List.of(new CriticalPoint(0, 0, Kind.GLOBAL_MINIMUM)));
    }

    @Override
    public double value(double x, double y) {
        double r = Math.sqrt(0.5 * (x * x + y * y));
        return -20 * Math.exp(-0.2 * r) - e2(x, y) + Math.E + 20;
    }

    private static double e2(double x, double y) {
        return Math.exp(0.5 * (Math.cos(2 * Math.PI * x) + Math.cos(2 * Math.PI * y)));
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double r = Math.sqrt(0.5 * (x * x + y * y));
        double e2 = e2(x, y);
        double cone = r == 0 ? 0 : 2 * Math.exp(-0.2 * r) / r;
        out[0] = cone * x + Math.PI * e2 * Math.sin(2 * Math.PI * x);
        out[1] = cone * y + Math.PI * e2 * Math.sin(2 * Math.PI * y);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double sx = Math.sin(2 * Math.PI * x);
        double sy = Math.sin(2 * Math.PI * y);
        double cx = Math.cos(2 * Math.PI * x);
        double cy = Math.cos(2 * Math.PI * y);
        double e2 = Math.exp(0.5 * (cx + cy));
        double pi2 = Math.PI * Math.PI;
        // ripple term -E2
        double hxx = pi2 * e2 * (2 * cx - sx * sx);
        double hxy = -pi2 * e2 * sx * sy;
        double hyy = pi2 * e2 * (2 * cy - sy * sy);
        double r = Math.sqrt(0.5 * (x * x + y * y));
        if (r == 0) {
            out[0] = Double.POSITIVE_INFINITY;
            out[1] = hxy;
            out[2] = Double.POSITIVE_INFINITY;
            return;
        }
        // cone term -20 exp(-0.2 r): d/dx = 2 E1 x / r with dr/dx = x / (2r)
        double e1 = Math.exp(-0.2 * r);
        double r2 = r * r;
        double r3 = r2 * r;
        out[0] = hxx + 2 * e1 * (-0.1 * x * x / r2 + 1 / r - x * x / (2 * r3));
        out[1] = hxy + 2 * e1 * (-0.1 * x * y / r2 - x * y / (2 * r3));
        out[2] = hyy + 2 * e1 * (-0.1 * y * y / r2 + 1 / r - y * y / (2 * r3));
    }
}
