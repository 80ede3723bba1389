package dev.descent.core.optim;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;

/** Creates one optimizer from spec values; describes its hyper-parameters for {@code list} and the app. */
public interface OptimizerFactory {

    /** Registry name ("sgd", "adam"). */
    String name();

    /** One line: what it is and the paper ("Adam: Kingma and Ba 2015"). */
    String description();

    /** Hyper-parameters in the order shown, with torch names and defaults. */
    List<HyperParameter> hyperParameters();

    /**
     * Builds the optimizer for {@code size} parameters. Reads its values from {@code params}
     * and validates them (the caller rejects unknown keys afterwards).
     *
     * @throws dev.descent.core.config.ConfigException naming the field and the allowed range
     */
    Optimizer create(Params params, int size);
}
