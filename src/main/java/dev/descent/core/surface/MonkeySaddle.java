package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * The monkey saddle {@code f = x^3 - 3*x*y^2}: three valleys meet at the origin, where the
 * gradient AND the Hessian vanish (a degenerate saddle that second-order tests cannot see).
 */
public final class MonkeySaddle extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("monkey-saddle",
            "x^3 - 3*x*y^2: a degenerate saddle (zero Hessian) where three valleys meet",
            List.of(), p -> new MonkeySaddle());

    public MonkeySaddle() {
        super("monkey-saddle", "Monkey saddle", "x^3 - 3*x*y^2",
                "Gradient and curvature both vanish at the origin: near it every optimizer slows to a crawl "
                        + "before sliding down one of three valleys.",
                Map.of(), new ViewWindow(-1.5, 1.5, -1.5, 1.5), List.of(new CriticalPoint(0, 0, Kind.SADDLE)));
    }

    @Override
    public double value(double x, double y) {
        return x * x * x - 3 * x * y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 3 * x * x - 3 * y * y;
        out[1] = -6 * x * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 6 * x;
        out[1] = -6 * y;
        out[2] = -6 * x;
    }
}
