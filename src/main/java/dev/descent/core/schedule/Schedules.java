package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of learning-rate schedules. */
public final class Schedules {
    private static final List<ScheduleFactory> ALL = List.of(
            ConstantSchedule.FACTORY);

    private Schedules() {
    }

    public static List<ScheduleFactory> all() {
        return ALL;
    }

    public static ScheduleFactory factory(String name) {
        for (ScheduleFactory f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new ConfigException("unknown schedule '" + name + "'; known: "
                + ALL.stream().map(ScheduleFactory::name).collect(Collectors.joining(", ")));
    }

    public static LearningRateSchedule create(Spec spec, double baseLr, double baseMomentum) {
        Params params = Params.of(spec);
        LearningRateSchedule schedule = factory(spec.name()).create(params, baseLr, baseMomentum);
        params.rejectUnknown();
        return schedule;
    }
}
