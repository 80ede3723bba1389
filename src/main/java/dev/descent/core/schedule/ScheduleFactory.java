package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;

/** Creates one schedule from spec values; describes its parameters for {@code list} and the app. */
public interface ScheduleFactory {

    String name();

    /** Other names a spec may use for this schedule ("1/t" for "invtime"); none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** One line: what it does ("step: lr * gamma^floor(t/step_size)"). */
    String description();

    List<HyperParameter> hyperParameters();

    /**
     * @param params       the spec's values (the caller rejects unknown keys afterwards)
     * @param baseLr       the optimizer's configured learning rate
     * @param baseMomentum the optimizer's momentum/beta1, NaN when it has none
     * @throws dev.descent.core.config.ConfigException naming the field and the allowed range
     */
    LearningRateSchedule create(Params params, double baseLr, double baseMomentum);
}
