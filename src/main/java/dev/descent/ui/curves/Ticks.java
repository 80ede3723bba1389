package dev.descent.ui.curves;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten (Heckbert, Graphics Gems 1990). */
public final class Ticks {
    private Ticks() {
    }

    /** About {@code target} tick values covering [lo, hi]. */
    public static List<Double> nice(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return out;
        }
        double step = step(lo, hi, target);
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** The step of {@link #nice}: 1, 2 or 5 times a power of ten, about (hi - lo) / target. */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code v} and at least {@code min}. */
    public static long niceMax(long v, long min) {
        long target = Math.max(v, min);
        for (long mag = 1; ; mag *= 10) {
            for (long f : new long[] {1, 2, 5}) {
                if (f * mag >= target) {
                    return f * mag;
                }
            }
            if (mag > Long.MAX_VALUE / 100) {
                return Long.MAX_VALUE;
            }
        }
    }

    /**
     * Ticks of a log axis, as log10 values in [lo, hi] (both log10): 1, 2 and 5 times each
     * power of ten when a decade has at least {@code minDecadePixels * 3} pixels, the powers of
     * ten alone when it has {@code minDecadePixels}, else every k-th power (k = 2, 5, 10, ...)
     * so that ticks stay {@code minDecadePixels} apart.
     *
     * @param decadePixels pixels per decade on this axis
     */
    public static List<Double> log(double lo, double hi, double decadePixels, double minDecadePixels) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || !(decadePixels > 0)) {
            return out;
        }
        if (decadePixels >= 3 * minDecadePixels) {
            for (double d = Math.floor(lo); d <= hi; d++) {
                for (double f : new double[] {1, 2, 5}) {
                    double t = d + Math.log10(f);
                    if (t >= lo - 1e-9 && t <= hi + 1e-9) {
                        out.add(t);
                    }
                }
            }
            return out;
        }
        long every = 1;
        while (every * decadePixels < minDecadePixels) {
            every = niceMax(every + 1, 1);
        }
        for (double d = Math.ceil(lo / every - 1e-9) * every; d <= hi + 1e-9; d += every) {
            out.add(d);
        }
        return out;
    }

    /** The label of a log-axis tick at log10 value {@code t}: the value 10^t as {@link #label} writes it. */
    public static String logLabel(double t) {
        double v = Math.pow(10, t);
        // 10^log10(0.002) is 0.0019999...: round to the 1-2-5 value it stands for
        double mag = Math.pow(10, Math.floor(t + 1e-9));
        return label(Math.round(v / mag) * mag);
    }

    /** Short label for a tick ("0.001", "2e+04", "150"). */
    public static String label(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.0e", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
