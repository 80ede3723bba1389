package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * Booth's function {@code f = (x + 2y - 7)^2 + (2x + y - 5)^2}: a convex quadratic with
 * Hessian [[10, 8], [8, 10]] (eigenvalues 2 and 18) and minimum f = 0 at (1, 3).
 */
public final class Booth extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("booth",
            "(x + 2*y - 7)^2 + (2*x + y - 5)^2: a tilted convex quadratic, condition number 9, minimum at (1, 3)",
            List.of(), p -> new Booth());

    public Booth() {
        super("booth", "Booth", "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
                "A convex quadratic whose axes are diagonal: plain gradient descent zig-zags mildly, "
                        + "anything with momentum goes straight in.",
                Map.of(), new ViewWindow(-10, 10, -10, 10), List.of(new CriticalPoint(1, 3, Kind.GLOBAL_MINIMUM)));
    }

    @Override
    public double value(double x, double y) {
        double t1 = x + 2 * y - 7;
        double t2 = 2 * x + y - 5;
        return t1 * t1 + t2 * t2;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double t1 = x + 2 * y - 7;
        double t2 = 2 * x + y - 5;
        out[0] = 2 * t1 + 4 * t2;
        out[1] = 4 * t1 + 2 * t2;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 10;
        out[1] = 8;
        out[2] = 10;
    }
}
