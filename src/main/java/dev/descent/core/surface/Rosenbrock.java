package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rosenbrock's banana valley (Rosenbrock 1960, "An automatic method for finding the greatest
 * or least value of a function"):
 * <pre>
 *   f = (a - x)^2 + b*(y - x^2)^2,   minimum f = 0 at (a, a^2)
 *   df/dx = -2(a - x) - 4bx(y - x^2),   df/dy = 2b(y - x^2)
 *   d2f/dx2 = 2 - 4by + 12bx^2,   d2f/dxdy = -4bx,   d2f/dy2 = 2b
 * </pre>
 */
public final class Rosenbrock extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("rosenbrock",
            "(a - x)^2 + b*(y - x^2)^2: a curved, flat-bottomed valley; finding it is easy, following it is hard",
            List.of(new HyperParameter("a", Kind.DOUBLE, "1", "any", "the minimum lies at (a, a^2)"),
                    new HyperParameter("b", Kind.DOUBLE, "100", "> 0", "steepness of the valley walls")),
            p -> new Rosenbrock(
                    p.checkRange("a", p.getDouble("a", 1), Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false),
                    p.checkRange("b", p.getDouble("b", 100), 0, false, Double.POSITIVE_INFINITY, false)));

    private final double a;
    private final double b;

    /**
     * @param a any finite number
     * @param b the valley's steepness, > 0
     */
    public Rosenbrock(double a, double b) {
        super("rosenbrock", "Rosenbrock (a=" + SurfaceText.number(a) + ", b=" + SurfaceText.number(b) + ")",
                "(" + SurfaceText.number(a) + " - x)^2 + " + SurfaceText.number(b) + "*(y - x^2)^2",
                "A curved, flat-bottomed valley: the gradient points at the valley walls, not along the floor "
                        + "towards (a, a^2).",
                params(a, b), window(a),
                List.of(new CriticalPoint(a, a * a, CriticalPoint.Kind.GLOBAL_MINIMUM)));
        if (!Double.isFinite(a)) {
            throw new ConfigException("rosenbrock: a must be finite, was " + a);
        }
        if (!(b > 0) || Double.isInfinite(b)) {
            throw new ConfigException("rosenbrock: b must be in (0, inf), was " + b);
        }
        this.a = a;
        this.b = b;
    }

    private static Map<String, Double> params(double a, double b) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("a", a);
        p.put("b", b);
        return p;
    }

    private static ViewWindow window(double a) {
        double m = Double.isFinite(a) ? Math.max(1, Math.abs(a)) : 1;
        return new ViewWindow(-2 * m, 2 * m, -m, m * m + 2 * m);
    }

    @Override
    public double value(double x, double y) {
        double u = a - x;
        double w = y - x * x;
        return u * u + b * w * w;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double w = y - x * x;
        out[0] = -2 * (a - x) - 4 * b * x * w;
        out[1] = 2 * b * w;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2 - 4 * b * y + 12 * b * x * x;
        out[1] = -4 * b * x;
        out[2] = 2 * b;
    }
}
