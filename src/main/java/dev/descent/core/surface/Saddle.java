package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/** The saddle {@code f = x^2 - y^2}: unbounded below along y, a saddle point at the origin. */
public final class Saddle extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("saddle",
            "x^2 - y^2: a saddle at the origin; a start on the x axis stalls there, any offset in y escapes",
            List.of(), p -> new Saddle());

    public Saddle() {
        super("saddle", "Saddle", "x^2 - y^2",
                "Gradient descent started exactly on the x axis converges to the saddle; the smallest offset "
                        + "in y grows geometrically and escapes.",
                Map.of(), new ViewWindow(-2, 2, -2, 2), List.of(new CriticalPoint(0, 0, Kind.SADDLE)));
    }

    @Override
    public double value(double x, double y) {
        return x * x - y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 2 * x;
        out[1] = -2 * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 2;
        out[1] = 0;
        out[2] = -2;
    }
}
