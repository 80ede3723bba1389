package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rastrigin's function (Rastrigin 1974), separable:
 * <pre>
 *   f = 2A + g(x) + g(y),   g(t) = t^2 - A cos(2 pi t)
 *   g'(t) = 2t + 2 pi A sin(2 pi t),   g''(t) = 2 + 4 pi^2 A cos(2 pi t)
 * </pre>
 * Global minimum f = 0 at the origin, a local minimum near every integer point. The listed
 * critical points are the products of the 1-D critical points of g in [-1.2, 1.2] (found by
 * Newton's method): min x min = minimum, min x max = saddle, max x max = maximum.
 */
public final class Rastrigin extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("rastrigin",
            "2*A + x^2 - A*cos(2*pi*x) + y^2 - A*cos(2*pi*y): a bowl covered in a lattice of local minima",
            List.of(new HyperParameter("A", Kind.DOUBLE, "10", ">= 0", "amplitude of the ripples")),
            p -> new Rastrigin(p.checkRange("A", p.getDouble("A", 10), 0, true, Double.POSITIVE_INFINITY, false)));

    private final double amplitude;

    /** @param amplitude A, >= 0 */
    public Rastrigin(double amplitude) {
        super("rastrigin", "Rastrigin (A=" + SurfaceText.number(amplitude) + ")", formula(amplitude),
                "A bowl under a lattice of ripples: gradient descent stops in the nearest dimple; only the "
                        + "overall trend points to the origin.",
                Map.of("A", amplitude), new ViewWindow(-5.12, 5.12, -5.12, 5.12), criticalPoints(amplitude));
        if (!(amplitude >= 0) || Double.isInfinite(amplitude)) {
            throw new ConfigException("rastrigin: A must be in [0, inf), was " + amplitude);
        }
        this.amplitude = amplitude;
    }

    private static String formula(double a) {
        String t = SurfaceText.number(a);
        return SurfaceText.number(2 * a) + " + x^2 - " + t + "*cos(2*pi*x) + y^2 - " + t + "*cos(2*pi*y)";
    }

    @Override
    public double value(double x, double y) {
        return 2 * amplitude + g(x) + g(y);
    }

    private double g(double t) {
        return t * t - amplitude * Math.cos(2 * Math.PI * t);
    }

    private static double dg(double a, double t) {
        return 2 * t + 2 * Math.PI * a * Math.sin(2 * Math.PI * t);
    }

    private static double ddg(double a, double t) {
        return 2 + 4 * Math.PI * Math.PI * a * Math.cos(2 * Math.PI * t);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = dg(amplitude, x);
        out[1] = dg(amplitude, y);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = ddg(amplitude, x);
        out[1] = 0;
        out[2] = ddg(amplitude, y);
    }

    private static List<CriticalPoint> criticalPoints(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            return List.of();
        }
        // 1-D critical points of g near the half-integers in [-1, 1]; +1 = minimum, -1 = maximum
        List<double[]> roots = new ArrayList<>();
        for (int k = -2; k <= 2; k++) {
            double t = k / 2.0;
            for (int i = 0; i < 100 && ddg(a, t) != 0; i++) {
                t -= dg(a, t) / ddg(a, t);
            }
            double curvature = ddg(a, t);
            if (Math.abs(dg(a, t)) < 1e-10 && Math.abs(t) <= 1.2 && curvature != 0) {
                roots.add(new double[] {t, Math.signum(curvature)});
            }
        }
        return product(dedupe(roots));
    }

    private static List<double[]> dedupe(List<double[]> roots) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : roots) {
            if (out.stream().noneMatch(o -> Math.abs(o[0] - r[0]) < 1e-9)) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<CriticalPoint> product(List<double[]> roots) {
        List<CriticalPoint> points = new ArrayList<>();
        for (double[] rx : roots) {
            for (double[] ry : roots) {
                CriticalPoint.Kind kind;
                if (rx[1] > 0 && ry[1] > 0) {
                    kind = rx[0] == 0 && ry[0] == 0 ? CriticalPoint.Kind.GLOBAL_MINIMUM : CriticalPoint.Kind.LOCAL_MINIMUM;
                } else if (rx[1] < 0 && ry[1] < 0) {
                    kind = CriticalPoint.Kind.MAXIMUM;
                } else {
                    kind = CriticalPoint.Kind.SADDLE;
                }
                points.add(new CriticalPoint(rx[0], ry[0], kind));
            }
        }
        return points;
    }
}
