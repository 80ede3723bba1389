package dev.descent.cli;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.schedule.Schedules;

/**
 * The {@code --schedule SPEC} of {@code optimize} and {@code train}: one schedule for every
 * racer. Its errors name {@code --schedule}, not a racer: a schedule that is wrong for any
 * optimizer ({@code "step"} without {@code step_size}) reads
 * {@code --schedule 'step': step: step_size is required}; one that is wrong only for a
 * racer's optimizer (cycling momentum on an optimizer without momentum) also names the racer.
 */
final class ScheduleOption {

    /** A probe rate and momentum: what a schedule needs when it does not depend on the optimizer. */
    private static final double PROBE_LR = 1e-3;
    private static final double PROBE_MOMENTUM = 0.9;

    private ScheduleOption() {
    }

    /** Parses the spec text; a malformed one is an error naming {@code --schedule}. */
    static Spec parse(String text) {
        try {
            Spec spec = Spec.parse(text);
            Schedules.factory(spec.name());
            return spec;
        } catch (ConfigException e) {
            throw new ConfigException("--schedule '" + text.trim() + "': " + e.getMessage(), e);
        }
    }

    /** Builds the schedule once for {@code optimizer} (the racer given as {@code racerText}) to check it. */
    static void check(String text, Optimizer optimizer, String racerText) {
        Spec spec = parse(text);
        try {
            Schedules.create(spec, optimizer.baseLearningRate(), optimizer.baseMomentum());
        } catch (ConfigException e) {
            String where = "--schedule '" + text.trim() + "'";
            if (validForSomeOptimizer(spec)) {
                where += " with --racer '" + racerText.trim() + "'";
            }
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private static boolean validForSomeOptimizer(Spec spec) {
        try {
            Schedules.create(spec, PROBE_LR, PROBE_MOMENTUM);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }
}
