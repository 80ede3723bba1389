package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.List;
import java.util.Map;

/**
 * A plateau with one far-away bowl, {@code f = 1 - exp(-(x^2 + y^2)/4)}: minimum 0 at the
 * origin; at distance 6 the gradient is 3 exp(-9) = 3.7e-4 and at the window's corners
 * (distance 11.3) about 1e-13, so gradient magnitude alone says almost nothing up there.
 */
public final class Plateau extends CatalogueSurface {

    private static final GaussianDip BOWL = new GaussianDip(0, 0, 1, 4);

    public static final SurfaceFactory FACTORY = new SimpleSurfaceFactory("plateau",
            "1 - exp(-(x^2 + y^2)/4): a flat plateau around a distant bowl; tiny gradients far out",
            List.of(), p -> new Plateau());

    public Plateau() {
        super("plateau", "Plateau", "1 - exp(-(x^2 + y^2)/4)",
                "On the plateau the gradient is nearly zero: plain SGD barely moves, while Adam and RMSprop "
                        + "divide by the gradient's size and cross at a steady pace.",
                Map.of(), new ViewWindow(-8, 8, -8, 8), List.of(new CriticalPoint(0, 0, Kind.GLOBAL_MINIMUM)));
    }

    @Override
    public double value(double x, double y) {
        return 1 + BOWL.value(x, y);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        out[0] = 0;
        out[1] = 0;
        BOWL.addGradient(x, y, out);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        BOWL.addHessian(x, y, out);
    }
}
