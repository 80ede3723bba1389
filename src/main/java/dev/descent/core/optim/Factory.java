package dev.descent.core.optim;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;
import dev.descent.core.config.Params;

import java.util.List;
import java.util.function.BiFunction;

/** The factory every optimizer class exposes as {@code FACTORY}: a description plus a constructor call. */
record Factory(String name, String description, List<HyperParameter> hyperParameters,
               BiFunction<Params, Integer, Optimizer> creator) implements OptimizerFactory {

    Factory {
        hyperParameters = List.copyOf(hyperParameters);
    }

    @Override
    public Optimizer create(Params params, int size) {
        return creator.apply(params, size);
    }

    static HyperParameter real(String name, String defaultValue, String range, String help) {
        return new HyperParameter(name, Kind.DOUBLE, defaultValue, range, help);
    }

    static HyperParameter flag(String name, String help) {
        return new HyperParameter(name, Kind.BOOLEAN, "false", "true|false", help);
    }
}
