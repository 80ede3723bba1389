package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * Himmelblau's function (Himmelblau 1972, "Applied Nonlinear Programming"):
 * <pre>
 *   f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
 *   df/dx = 4x(x^2 + y - 11) + 2(x + y^2 - 7),   df/dy = 2(x^2 + y - 11) + 4y(x + y^2 - 7)
 * </pre>
 * Four global minima with f = 0, four saddles, one local maximum.
 */
public final class Himmelblau extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("himmelblau",
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2: four equal minima; the start decides which one is reached",
            List.of(), p -> new Himmelblau());

    public Himmelblau() {
        super("himmelblau", "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                "Four minima of equal depth: which one an optimizer reaches depends on where it starts and "
                        + "how it overshoots.",
                Map.of(), new ViewWindow(-5, 5, -5, 5),
                List.of(new CriticalPoint(3, 2, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(3.5844283403304917, -1.8481265269644036, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(-2.805118086952745, 3.131312518250573, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(-3.779310253377747, -3.2831859912861696, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(3.385154183607021, 0.07385187983774928, Kind.SADDLE),
                        new CriticalPoint(0.08667750455539636, 2.884254701174776, Kind.SADDLE),
                        new CriticalPoint(-3.0730257507643897, -0.08135304428796751, Kind.SADDLE),
                        new CriticalPoint(-0.12796134673068008, -1.9537149802445763, Kind.SADDLE),
                        new CriticalPoint(-0.2708445906673476, -0.9230385564799815, Kind.MAXIMUM)));
    }

    @Override
    public double value(double x, double y) {
        double t1 = x * x + y - 11;
        double t2 = x + y * y - 7;
        return t1 * t1 + t2 * t2;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double t1 = x * x + y - 11;
        double t2 = x + y * y - 7;
        out[0] = 4 * x * t1 + 2 * t2;
        out[1] = 2 * t1 + 4 * y * t2;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double t1 = x * x + y - 11;
        double t2 = x + y * y - 7;
        out[0] = 8 * x * x + 4 * t1 + 2;
        out[1] = 4 * x + 4 * y;
        out[2] = 2 + 8 * y * y + 4 * t2;
    }
}
