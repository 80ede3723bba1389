package dev.descent.core.surface;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;
import dev.descent.core.expr.Expression;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of built-in surfaces. */
public final class Surfaces {
    private static final List<SurfaceFactory> ALL = List.of(
            Bowl.FACTORY, Ravine.FACTORY, Saddle.FACTORY, BoundedSaddle.FACTORY, MonkeySaddle.FACTORY,
            Rosenbrock.FACTORY, Beale.FACTORY, Himmelblau.FACTORY, Booth.FACTORY, GoldsteinPrice.FACTORY,
            SixHumpCamel.FACTORY, Rastrigin.FACTORY, Ackley.FACTORY, Wells.FACTORY, Plateau.FACTORY);

    private Surfaces() {
    }

    public static List<SurfaceFactory> all() {
        return ALL;
    }

    public static SurfaceFactory factory(String name) {
        for (SurfaceFactory f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new ConfigException("unknown surface '" + name + "'; known: "
                + ALL.stream().map(SurfaceFactory::name).collect(Collectors.joining(", ")));
    }

    /** A catalogue surface from {@code "rosenbrock a=1 b=100"}. */
    public static Surface create(Spec spec) {
        Params params = Params.of(spec);
        Surface surface = factory(spec.name()).create(params);
        params.rejectUnknown();
        return surface;
    }

    /**
     * A typed surface {@code f(x, y)} shown in the default window [-3, 3]^2.
     *
     * @throws dev.descent.core.expr.ExpressionException (a {@link ConfigException}) with the
     *         character position when the text does not parse
     */
    public static Surface expression(String text) {
        return new ExpressionSurface(Expression.parse(text), ExpressionSurface.DEFAULT_WINDOW);
    }

    /** A typed surface shown in the given window. */
    public static Surface expression(String text, ViewWindow window) {
        return new ExpressionSurface(Expression.parse(text), window);
    }
}
