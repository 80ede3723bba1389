package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * The Goldstein-Price function (Goldstein and Price 1971), a product f = A*B of
 * <pre>
 *   A = 1 + s^2 P,   s = x + y + 1,   P = 19 - 14x + 3x^2 - 14y + 6xy + 3y^2
 *   B = 30 + r^2 Q,  r = 2x - 3y,     Q = 18 - 32x + 12x^2 + 48y - 36xy + 27y^2
 * </pre>
 * differentiated by the product rule. Minimum f = 3 at (0, -1); local minima 30, 84, 840.
 */
public final class GoldsteinPrice extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("goldstein-price",
            "Goldstein-Price: a product of two quartics; values from 3 to a million in [-2, 2]^2",
            List.of(), p -> new GoldsteinPrice());

    public GoldsteinPrice() {
        super("goldstein-price", "Goldstein-Price",
                "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
                        + "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
                "Values span six decades and three local minima surround the global one at (0, -1): "
                        + "a learning rate that moves at all in the valley explodes on the walls.",
                Map.of(), new ViewWindow(-2, 2, -2, 2),
                List.of(new CriticalPoint(0, -1, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(-0.6, -0.4, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(1.8, 0.2, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(1.2, 0.8, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(-0.4, -0.6, Kind.SADDLE),
                        new CriticalPoint(1.2, -0.2, Kind.SADDLE),
                        new CriticalPoint(1.4, 0.6, Kind.SADDLE),
                        new CriticalPoint(0.6, 0.4, Kind.SADDLE),
                        new CriticalPoint(0.8, 0.2, Kind.MAXIMUM)));
    }

    @Override
    public double value(double x, double y) {
        return a(x, y)[0] * b(x, y)[0];
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double[] a = a(x, y);
        double[] b = b(x, y);
        out[0] = a[1] * b[0] + a[0] * b[1];
        out[1] = a[2] * b[0] + a[0] * b[2];
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double[] a = a(x, y);
        double[] b = b(x, y);
        out[0] = a[3] * b[0] + 2 * a[1] * b[1] + a[0] * b[3];
        out[1] = a[4] * b[0] + a[1] * b[2] + a[2] * b[1] + a[0] * b[4];
        out[2] = a[5] * b[0] + 2 * a[2] * b[2] + a[0] * b[5];
    }

    /** A and its derivatives (A, Ax, Ay, Axx, Axy, Ayy); ds/dx = ds/dy = 1. */
    private static double[] a(double x, double y) {
        double s = x + y + 1;
        double p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
        double px = -14 + 6 * x + 6 * y;
        double py = -14 + 6 * x + 6 * y;
        double pxx = 6;
        double pxy = 6;
        double pyy = 6;
        return new double[] {
            1 + s * s * p,
            2 * s * p + s * s * px,
            2 * s * p + s * s * py,
            2 * p + 4 * s * px + s * s * pxx,
            2 * p + 2 * s * py + 2 * s * px + s * s * pxy,
            2 * p + 4 * s * py + s * s * pyy};
    }

    /** B and its derivatives (B, Bx, By, Bxx, Bxy, Byy); dr/dx = 2, dr/dy = -3. */
    private static double[] b(double x, double y) {
        double r = 2 * x - 3 * y;
        double rx = 2;
        double ry = -3;
        double q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
        double qx = -32 + 24 * x - 36 * y;
        double qy = 48 - 36 * x + 54 * y;
        double qxx = 24;
        double qxy = -36;
        double qyy = 54;
        return new double[] {
            30 + r * r * q,
            2 * r * rx * q + r * r * qx,
            2 * r * ry * q + r * r * qy,
            2 * rx * rx * q + 4 * r * rx * qx + r * r * qxx,
            2 * rx * ry * q + 2 * r * rx * qy + 2 * r * ry * qx + r * r * qxy,
            2 * ry * ry * q + 4 * r * ry * qy + r * r * qyy};
    }
}
