package dev.descent.ui.curves;

/**
 * The y range of a plot panel, chosen so that it changes rarely while curves grow: the data
 * range padded by {@value #PAD} of its span on each side and rounded outwards to a fifth of
 * the tick step. A range is kept while the data stays inside it; when a value escapes, the
 * new range pads the escaping side by {@value #HEADROOM} instead, since a loss that fell out
 * of the bottom usually goes on falling. The panels are redrawn only when their range changes.
 *
 * @param min lower end (included)
 * @param max upper end
 */
public record AxisRange(double min, double max) {
    static final double PAD = 0.05;
    static final double HEADROOM = 0.2;

    /** The range for data in [lo, hi] (a flat or empty data range gets a small span around it). */
    public static AxisRange fit(double lo, double hi) {
        return fit(lo, hi, PAD, PAD);
    }

    private static AxisRange fit(double lo, double hi, double padLow, double padHigh) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            return new AxisRange(0, 1);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(Math.abs(hi) * 0.1, 1e-3);
            lo -= pad;
            hi += pad;
        }
        double span = hi - lo;
        double a = lo - span * padLow;
        double b = hi + span * padHigh;
        double unit = Ticks.step(a, b, 4) / 5;
        double min = Math.floor(a / unit) * unit;
        double max = Math.ceil(b / unit) * unit;
        return new AxisRange(min, max > min ? max : min + unit);
    }

    /** True when [lo, hi] lies inside this range (an empty data range always does). */
    public boolean contains(double lo, double hi) {
        return !(lo <= hi) || lo >= min && hi <= max;
    }

    /**
     * This range if it holds [lo, hi], else a range fitted to the union of both with headroom
     * on the side the data escaped.
     */
    public AxisRange widenedFor(double lo, double hi) {
        if (contains(lo, hi)) {
            return this;
        }
        double a = Math.min(lo, min);
        double b = Math.max(hi, max);
        return fit(a, b, lo < min ? HEADROOM : 0, hi > max ? HEADROOM : 0);
    }
}
