package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * Beale's function (Beale 1958), a sum of three squares:
 * <pre>
 *   f = sum_{i=1..3} t_i^2,   t_i = c_i - x + x*y^i,   c = (1.5, 2.25, 2.625)
 *   df = 2 sum t_i dt_i,   d2f = 2 sum (dt_i dt_i^T + t_i d2t_i)
 * </pre>
 * Minimum f = 0 at (3, 0.5); saddles at (0, 1) and near (0.1005, -2.6445).
 */
public final class Beale extends CatalogueSurface {

    private static final double[] C = {1.5, 2.25, 2.625};

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("beale",
            "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2: flat middle, steep edges, "
                    + "minimum at (3, 0.5)",
            List.of(), p -> new Beale());

    public Beale() {
        super("beale", "Beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
                "A flat basin with sharp ridges near the corners: values span eight decades, so fixed-step "
                        + "methods either crawl or blow up.",
                Map.of(), new ViewWindow(-4.5, 4.5, -4.5, 4.5),
                List.of(new CriticalPoint(3, 0.5, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(0.10053793732415836, -2.644513585023125, Kind.SADDLE),
                        new CriticalPoint(0, 1, Kind.SADDLE)));
    }

    @Override
    public double value(double x, double y) {
        double sum = 0;
        double yi = 1;
        for (double c : C) {
            yi *= y;
            double t = c - x + x * yi;
            sum += t * t;
        }
        return sum;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double gx = 0;
        double gy = 0;
        for (int i = 1; i <= 3; i++) {
            double yim1 = Math.pow(y, i - 1);
            double t = C[i - 1] - x + x * yim1 * y;
            gx += 2 * t * (yim1 * y - 1);
            gy += 2 * t * (i * x * yim1);
        }
        out[0] = gx;
        out[1] = gy;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double hxx = 0;
        double hxy = 0;
        double hyy = 0;
        for (int i = 1; i <= 3; i++) {
            double yim1 = Math.pow(y, i - 1);
            double t = C[i - 1] - x + x * yim1 * y;
            double tx = yim1 * y - 1;
            double ty = i * x * yim1;
            double txy = i * yim1;
            double tyy = i >= 2 ? i * (i - 1) * x * Math.pow(y, i - 2) : 0;
            hxx += 2 * tx * tx;
            hxy += 2 * (tx * ty + t * txy);
            hyy += 2 * (ty * ty + t * tyy);
        }
        out[0] = hxx;
        out[1] = hxy;
        out[2] = hyy;
    }
}
