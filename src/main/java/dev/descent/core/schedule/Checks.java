package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;

/** Range checks for schedule configurations; messages name the schedule, the field and the range. */
final class Checks {
    private Checks() {
    }

    static int atLeast(String owner, String field, int value, int min) {
        if (value < min) {
            throw new ConfigException(owner + ": " + field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    static double positive(String owner, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(owner + ": " + field + " must be in (0, inf), was " + value);
        }
        return value;
    }

    static double nonNegative(String owner, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(owner + ": " + field + " must be in [0, inf), was " + value);
        }
        return value;
    }

    /** {@code value} in [0, 1]: momentum and beta1 bounds. */
    static double unit(String owner, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigException(owner + ": " + field + " must be in [0, 1], was " + value);
        }
        return value;
    }

    /**
     * torch's CyclicLR and OneCycleLR raise when asked to cycle momentum on an optimizer
     * without {@code momentum} or {@code betas}; so does Descent.
     */
    static void requireMomentum(String owner, double baseMomentum) {
        if (Double.isNaN(baseMomentum)) {
            throw new ConfigException(owner + ": cycle_momentum=true needs an optimizer with momentum or beta1,"
                    + " and this optimizer has neither; set cycle_momentum=false");
        }
    }

    /** Whole numbers >= 1 from a parsed list ("50;120"), as ints. */
    static int[] wholeSteps(String owner, String field, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
                throw new ConfigException(owner + ": " + field + " must be whole numbers >= 1, was " + v);
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** Steps >= 1, strictly increasing; returns a copy. */
    static int[] increasingSteps(String owner, String field, int[] steps) {
        for (int i = 0; i < steps.length; i++) {
            atLeast(owner, field, steps[i], 1);
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new ConfigException(owner + ": " + field + " must be strictly increasing, was "
                        + steps[i - 1] + " then " + steps[i]);
            }
        }
        return steps.clone();
    }
}
