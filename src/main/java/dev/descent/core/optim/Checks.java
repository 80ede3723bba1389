package dev.descent.core.optim;

import dev.descent.core.config.ConfigException;

/**
 * Range checks for optimizer configs. Messages name the optimizer, the field and the range
 * in the form {@code Params.checkRange} uses: "adam: beta1 must be in [0, 1), was 1.0".
 */
final class Checks {
    private Checks() {
    }

    /** value in [lo, hi] or [lo, hi) etc.; NaN always fails. */
    static void range(String owner, String field, double value, double lo, boolean loInclusive,
                      double hi, boolean hiInclusive) {
        boolean ok = (loInclusive ? value >= lo : value > lo) && (hiInclusive ? value <= hi : value < hi);
        if (!ok) {
            throw new ConfigException(owner + ": " + field + " must be in " + (loInclusive ? "[" : "(")
                    + bound(lo) + ", " + bound(hi) + (hiInclusive ? "]" : ")") + ", was " + value);
        }
    }

    /** A finite value >= 0: "lr must be in [0, inf), was -1.0". */
    static void nonNegative(String owner, String field, double value) {
        range(owner, field, value, 0, true, Double.POSITIVE_INFINITY, false);
    }

    private static String bound(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
