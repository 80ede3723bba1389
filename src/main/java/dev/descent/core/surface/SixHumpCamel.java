package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * The six-hump camel function (Dixon and Szego 1978):
 * <pre>
 *   f = (4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2
 *   df/dx = 8x - 8.4x^3 + 2x^5 + y,   df/dy = x - 8y + 16y^3
 *   d2f/dx2 = 8 - 25.2x^2 + 10x^4,   d2f/dxdy = 1,   d2f/dy2 = -8 + 48y^2
 * </pre>
 * Two global minima f = -1.0316 at +-(0.0898, -0.7127), four local minima, saddles and maxima.
 */
public final class SixHumpCamel extends CatalogueSurface {

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("six-hump-camel",
            "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2: two global and four local minima",
            List.of(), p -> new SixHumpCamel());

    public SixHumpCamel() {
        super("six-hump-camel", "Six-hump camel", "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
                "Six minima in a small box: two global, four local; the humps trap optimizers started near "
                        + "the edges.",
                Map.of(), new ViewWindow(-2, 2, -1, 1),
                List.of(new CriticalPoint(-0.08984201310031806, 0.7126564030207396, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(0.08984201310031806, -0.7126564030207396, Kind.GLOBAL_MINIMUM),
                        new CriticalPoint(-1.703606714969981, 0.7960835686726251, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(1.703606714969981, -0.7960835686726251, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(-1.6071047529201972, -0.5686514548841314, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(1.6071047529201972, 0.5686514548841314, Kind.LOCAL_MINIMUM),
                        new CriticalPoint(0, 0, Kind.SADDLE),
                        new CriticalPoint(-1.1092053368047865, 0.7682680925095399, Kind.SADDLE),
                        new CriticalPoint(1.1092053368047865, -0.7682680925095399, Kind.SADDLE),
                        new CriticalPoint(-1.6380679841897785, -0.22867406904439408, Kind.SADDLE),
                        new CriticalPoint(1.6380679841897785, 0.22867406904439408, Kind.SADDLE),
                        new CriticalPoint(-1.2960702671671092, -0.6050843880386585, Kind.SADDLE),
                        new CriticalPoint(1.2960702671671092, 0.6050843880386585, Kind.SADDLE),
                        new CriticalPoint(-1.2302298765166526, -0.16233458445899496, Kind.MAXIMUM),
                        new CriticalPoint(1.2302298765166526, 0.16233458445899496, Kind.MAXIMUM)));
    }

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        double x2 = x * x;
        out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
        out[1] = x - 8 * y + 16 * y * y * y;
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        double x2 = x * x;
        out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
        out[1] = 1;
        out[2] = -8 + 48 * y * y;
    }
}
