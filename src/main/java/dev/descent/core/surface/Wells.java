package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * Two Gaussian wells on a gentle bowl:
 * <pre>
 *   f = 0.05 (x^2 + y^2) - 0.6 exp(-((x + 1.5)^2 + y^2)/0.72) - 1.5 exp(-((x - 1.5)^2 + y^2)/1.28)
 * </pre>
 * A shallow local minimum near (-1.41, 0) (f = -0.496), a deep global one near (1.44, 0)
 * (f = -1.392) and a saddle between them near (-0.37, 0).
 */
public final class Wells extends CatalogueSurface {

    private static final double BOWL = 0.05;
    private static final GaussianDip SHALLOW = new GaussianDip(-1.5, 0, 0.6, 0.72);
    private static final GaussianDip DEEP = new GaussianDip(1.5, 0, 1.5, 1.28);

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("wells",
            "a shallow well at the left, a deep one at the right, a saddle between: local versus global minimum",
            List.of(), p -> new Wells());

    public Wells() {
        super("wells", "Shallow and deep wells",
                "0.05*(x^2 + y^2) - 0.6*exp(-((x + 1.5)^2 + y^2)/0.72) - 1.5*exp(-((x - 1.5)^2 + y^2)/1.28)",
                "Gradient descent started in the shallow well stays there; momentum or a large step can carry "
                        + "it over the saddle into the deep one.",
                Map.of(), new ViewWindow(-4, 4, -3, 3),
                List.of(new CriticalPoint(1.4384319062404005, 0, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(-1.4089163679365988, 0, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(-0.37200187650937094, 0, Kind.SADDLE)));
    }

    @Override
    public double value(double x, double y) {
        return BOWL * (x * x + y * y) + SHALLOW.value(x, y) + DEEP.value(x, y);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 2 * BOWL * x;
        out[1] = 2 * BOWL * y;
        SHALLOW.addGradient(x, y, out);
        DEEP.addGradient(x, y, out);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2 * BOWL;
        out[1] = 0;
        out[2] = 2 * BOWL;
        SHALLOW.addHessian(x, y, out);
        DEEP.addHessian(x, y, out);
    }
}
