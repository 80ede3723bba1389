package dev.descent.core.optim;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of optimizers, in order of increasing complexity. */
public final class Optimizers {
    private static final List<OptimizerFactory> ALL = List.of(
            Sgd.FACTORY, Adagrad.FACTORY, Rmsprop.FACTORY, Adadelta.FACTORY, Adam.FACTORY, AdamW.FACTORY,
            Nadam.FACTORY, Adamax.FACTORY, Rprop.FACTORY);

    private Optimizers() {
    }

    public static List<OptimizerFactory> all() {
        return ALL;
    }

    public static OptimizerFactory factory(String name) {
        for (OptimizerFactory f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new ConfigException("unknown optimizer '" + name + "'; known: "
                + ALL.stream().map(OptimizerFactory::name).collect(Collectors.joining(", ")));
    }

    /** Parses a spec such as {@code "adam lr=0.01 beta1=0.8"} into an optimizer for {@code size} parameters. */
    public static Optimizer create(Spec spec, int size) {
        Params params = Params.of(spec);
        Optimizer optimizer = factory(spec.name()).create(params, size);
        params.rejectUnknown();
        return optimizer;
    }

    public static Optimizer create(String spec, int size) {
        return create(Spec.parse(spec), size);
    }
}
