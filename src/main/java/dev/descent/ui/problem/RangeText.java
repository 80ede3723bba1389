package dev.descent.ui.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slider bounds read from a hyper-parameter's range text ("[1, 1000]", "(0, 1)", ">= 1",
 * "> 0", "any"). Open upper ends become {@code max(10 * |default|, lower + 10)}; a range open
 * at both ends reaches at least from -10 to 10, so a default of 0 has room either side; an
 * unbounded angle ("any (degrees)") reaches from -90 to 90.
 *
 * @param min       slider minimum
 * @param max       slider maximum
 * @param logarithmic whether the slider should move in log space (positive, two decades or more)
 */
public record RangeText(double min, double max, boolean logarithmic) {
    private static final Pattern INTERVAL = Pattern.compile("\\s*[\\[(]\\s*([^,]+),\\s*([^\\])]+)[\\])]\\s*");
    private static final Pattern LOWER = Pattern.compile("\\s*>=?\\s*(\\S+)\\s*");

    public RangeText {
        if (!(min < max)) {
            throw new IllegalArgumentException("slider range must have min < max, was [" + min + ", " + max + "]");
        }
    }

    /** Bounds for a value whose default is {@code defaultValue}. */
    public static RangeText parse(String range, double defaultValue) {
        double lo = Double.NaN;
        double hi = Double.NaN;
        Matcher m = range == null ? null : INTERVAL.matcher(range);
        if (m != null && m.matches()) {
            lo = number(m.group(1));
            hi = number(m.group(2));
        } else if (range != null && (m = LOWER.matcher(range)).matches()) {
            lo = number(m.group(1));
        }
        if (range != null && range.contains("degrees") && !Double.isFinite(lo) && !Double.isFinite(hi)) {
            // an unbounded angle: half a turn either way covers every orientation of a valley
            return new RangeText(Math.min(-90, defaultValue), Math.max(90, defaultValue), false);
        }
        double scale = Math.max(1, Math.abs(defaultValue));
        boolean openBelow = !Double.isFinite(lo);
        if (openBelow) {
            lo = Math.min(defaultValue - 10 * scale, -10);
        }
        if (!Double.isFinite(hi)) {
            // lower + 10 would end an "any" range with default 0 at 0: [-10, 0]
            hi = Math.max(10 * Math.abs(defaultValue), openBelow ? 10 : lo + 10);
        }
        boolean log = lo > 0 && hi / lo >= 100;
        return new RangeText(lo, hi, log);
    }

    /** These bounds, stretched to reach {@code value} when it lies outside them (NaN or infinite: unchanged). */
    public RangeText including(double value) {
        if (!Double.isFinite(value) || (value >= min && value <= max)) {
            return this;
        }
        double lo = Math.min(min, value);
        return new RangeText(lo, Math.max(max, value), logarithmic && lo > 0);
    }

    private static double number(String text) {
        String t = text.trim();
        if (t.equals("inf") || t.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
