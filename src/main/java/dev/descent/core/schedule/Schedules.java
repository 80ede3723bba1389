package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.List;
import java.util.stream.Collectors;

/** The catalogue of learning-rate schedules, simplest first. */
public final class Schedules {
    private static final List<ScheduleFactory> ALL = List.of(
            ConstantSchedule.FACTORY,
            StepSchedule.FACTORY,
            MultiStepSchedule.FACTORY,
            ExponentialSchedule.FACTORY,
            PowerSchedule.FACTORY,
            InverseTimeSchedule.FACTORY,
            InverseTimeSchedule.SQUARED_FACTORY,
            PiecewiseConstantSchedule.FACTORY,
            CosineAnnealingSchedule.FACTORY,
            CyclicSchedule.FACTORY,
            OneCycleSchedule.FACTORY,
            PlateauSchedule.FACTORY);

    private Schedules() {
    }

    public static List<ScheduleFactory> all() {
        return ALL;
    }

    /** The factory registered under {@code name} or one of its aliases ("1/t"). */
    public static ScheduleFactory factory(String name) {
        for (ScheduleFactory f : ALL) {
            if (f.name().equals(name) || f.aliases().contains(name)) {
                return f;
            }
        }
        throw new ConfigException("unknown schedule '" + name + "'; known: "
                + ALL.stream().map(Schedules::namesOf).collect(Collectors.joining(", ")));
    }

    /**
     * Builds a schedule from a spec ({@code "onecycle max_lr=0.05 total_steps=200"}).
     *
     * @param baseLr       the optimizer's configured learning rate
     * @param baseMomentum the optimizer's momentum/beta1, NaN when it has none
     * @throws ConfigException for an unknown name or key, or a value out of range
     */
    public static LearningRateSchedule create(Spec spec, double baseLr, double baseMomentum) {
        Params params = Params.of(spec);
        LearningRateSchedule schedule = factory(spec.name()).create(params, baseLr, baseMomentum);
        params.rejectUnknown();
        return schedule;
    }

    public static LearningRateSchedule create(String spec, double baseLr, double baseMomentum) {
        return create(Spec.parse(spec), baseLr, baseMomentum);
    }

    private static String namesOf(ScheduleFactory f) {
        return f.aliases().isEmpty() ? f.name() : f.name() + " (" + String.join(", ", f.aliases()) + ")";
    }
}
