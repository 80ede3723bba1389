package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.schedule.ConstantSchedule;
import dev.descent.core.schedule.LearningRateSchedule;
import dev.descent.core.schedule.Schedules;

import java.util.regex.Pattern;

/**
 * One racer as the user configures it: what it is called, how it is drawn, and how it steps.
 * The compact constructor validates everything, including that the optimizer and schedule
 * specs name known algorithms with valid values, so a config that exists can always be raced.
 * Messages start with the field name ("colour must be #rrggbb, was 'red'", "optimizer: unknown
 * optimizer 'adamm'; known: ..."), so a preset loader can put the JSON path in front.
 *
 * @param label     shown in legends; not blank
 * @param colour    "#rrggbb"
 * @param optimizer optimizer spec ({@code "adam lr=0.01 beta1=0.8"})
 * @param schedule  schedule spec ({@code "step step_size=50 gamma=0.5"}), or null for a constant rate
 * @param clipNorm  clip the gradient to this global L2 norm before the step (torch
 *                  {@code clip_grad_norm_}); 0 = off
 * @param clipValue clamp every gradient coordinate to [-clipValue, clipValue] (torch
 *                  {@code clip_grad_value_}); 0 = off. Applied after norm clipping.
 * @param enabled   false keeps the racer in the list but out of the race
 * @param id        which racer of an app session this is, stable while its label and colour
 *                  are edited (the app finds the selected racer in a running race by it);
 *                  0 when it has none. Not part of a preset file.
 */
public record RacerConfig(String label, String colour, String optimizer, String schedule,
                          double clipNorm, double clipValue, boolean enabled, long id) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public RacerConfig {
        if (label == null || label.isBlank()) {
            throw new ConfigException("label must not be blank");
        }
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            throw new ConfigException("colour must be #rrggbb, was '" + colour + "'");
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new ConfigException("clipNorm must be in [0, inf) (0 = off), was " + clipNorm);
        }
        if (!(clipValue >= 0) || Double.isInfinite(clipValue)) {
            throw new ConfigException("clipValue must be in [0, inf) (0 = off), was " + clipValue);
        }
        if (optimizer == null || optimizer.isBlank()) {
            throw new ConfigException("optimizer must not be blank");
        }
        if (schedule != null && schedule.isBlank()) {
            schedule = null;
        }
        Optimizer probe = createOptimizerChecked(optimizer, 2);
        createScheduleChecked(schedule, probe);
    }

    /** A racer without a session id (from a preset file or the command line). */
    public RacerConfig(String label, String colour, String optimizer, String schedule,
                       double clipNorm, double clipValue, boolean enabled) {
        this(label, colour, optimizer, schedule, clipNorm, clipValue, enabled, 0);
    }

    /** An enabled racer without schedule or clipping. */
    public static RacerConfig of(String label, String colour, String optimizer) {
        return new RacerConfig(label, colour, optimizer, null, 0, 0, true);
    }

    /** A fresh optimizer for {@code size} parameters. */
    public Optimizer createOptimizer(int size) {
        return createOptimizerChecked(optimizer, size);
    }

    /** A fresh schedule starting from the optimizer's rate and momentum; constant when none is set. */
    public LearningRateSchedule createSchedule(Optimizer forOptimizer) {
        return createScheduleChecked(schedule, forOptimizer);
    }

    public RacerConfig withLabel(String newLabel) {
        return new RacerConfig(newLabel, colour, optimizer, schedule, clipNorm, clipValue, enabled, id);
    }

    public RacerConfig withColour(String newColour) {
        return new RacerConfig(label, newColour, optimizer, schedule, clipNorm, clipValue, enabled, id);
    }

    public RacerConfig withOptimizer(String newOptimizer) {
        return new RacerConfig(label, colour, newOptimizer, schedule, clipNorm, clipValue, enabled, id);
    }

    public RacerConfig withSchedule(String newSchedule) {
        return new RacerConfig(label, colour, optimizer, newSchedule, clipNorm, clipValue, enabled, id);
    }

    public RacerConfig withClipping(double newClipNorm, double newClipValue) {
        return new RacerConfig(label, colour, optimizer, schedule, newClipNorm, newClipValue, enabled, id);
    }

    public RacerConfig withEnabled(boolean newEnabled) {
        return new RacerConfig(label, colour, optimizer, schedule, clipNorm, clipValue, newEnabled, id);
    }

    public RacerConfig withId(long newId) {
        return new RacerConfig(label, colour, optimizer, schedule, clipNorm, clipValue, enabled, newId);
    }

    private static Optimizer createOptimizerChecked(String spec, int size) {
        try {
            return Optimizers.create(Spec.parse(spec), size);
        } catch (ConfigException e) {
            throw new ConfigException("optimizer: " + e.getMessage(), e);
        }
    }

    private static LearningRateSchedule createScheduleChecked(String spec, Optimizer optimizer) {
        if (spec == null) {
            return new ConstantSchedule(optimizer.baseLearningRate());
        }
        try {
            return Schedules.create(Spec.parse(spec), optimizer.baseLearningRate(), optimizer.baseMomentum());
        } catch (ConfigException e) {
            throw new ConfigException("schedule: " + e.getMessage(), e);
        }
    }
}
