package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * A saddle that is bounded below, {@code f = x^2 + y^4/4 - y^2}: a saddle at the origin
 * between two minima (0, +-sqrt 2) with f = -1.
 */
public final class BoundedSaddle extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("bounded-saddle",
            "x^2 + y^4/4 - y^2: a saddle at the origin between two minima at (0, +-sqrt(2))",
            List.of(), p -> new BoundedSaddle());

    public BoundedSaddle() {
        super("bounded-saddle", "Bounded saddle", "x^2 + y^4/4 - y^2",
                "Escaping the saddle at the origin leads into one of two equal minima: which one depends on "
                        + "the sign of the first step in y.",
                Map.of(), new ViewWindow(-2.5, 2.5, -2.5, 2.5),
                List.of(new CriticalPoint(0, -Math.sqrt(2), Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(0, Math.sqrt(2), Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(0, 0, Kind.SADDLE)));
    }

    @Override
    public double value(double x, double y) {
        double y2 = y * y;
        return x * x + y2 * y2 / 4 - y2;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 2 * x;
        out[1] = y * y * y - 2 * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = 3 * y * y - 2;
    }
}
