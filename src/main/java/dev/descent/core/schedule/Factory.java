package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;

/**
 * The factory every schedule class exposes as {@code FACTORY}: a description plus a constructor call.
 *
 * @param name            registry name ("step")
 * @param aliases         other names a spec may use ("1/t"); empty when none
 * @param description     one line for {@code list}
 * @param hyperParameters the parameters with defaults and ranges; empty when none
 * @param creator         reads and validates the parameters, builds the schedule
 */
record Factory(String name, List<String> aliases, String description, List<HyperParameter> hyperParameters,
               Creator creator) implements ScheduleFactory {

    /** {@link ScheduleFactory#create} as a lambda. */
    @FunctionalInterface
    interface Creator {
        LearningRateSchedule create(Params params, double baseLr, double baseMomentum);
    }

    Factory {
        aliases = List.copyOf(aliases);
        hyperParameters = List.copyOf(hyperParameters);
    }

    /** A factory without aliases. */
    Factory(String name, String description, List<HyperParameter> hyperParameters, Creator creator) {
        this(name, List.of(), description, hyperParameters, creator);
    }

    @Override
    public LearningRateSchedule create(Params params, double baseLr, double baseMomentum) {
        return creator.create(params, baseLr, baseMomentum);
    }
}
