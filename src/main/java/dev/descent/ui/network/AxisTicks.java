package dev.descent.ui.network;

import dev.descent.ui.curves.Ticks;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks for the data-set plots: "nice" values (1, 2, 5 times a power of ten, {@link Ticks})
 * on a linear axis; on a log axis whole decades when the range spans two or more, else the
 * 1-2-5 values of each decade (a loss falling from 0.9 to 0.08 gets 0.1, 0.2, 0.5 rather than
 * only its two ends).
 */
final class AxisTicks {
    /**
     * One tick.
     *
     * @param at    the position in axis units (log10 of the value on a log axis)
     * @param label what is written beside it
     */
    record Tick(double at, String label) {
    }

    private AxisTicks() {
    }

    /** About {@code target} ticks inside [lo, hi]. */
    static List<Tick> linear(double lo, double hi, int target) {
        List<Tick> out = new ArrayList<>();
        for (double v : Ticks.nice(lo, hi, target)) {
            if (v >= lo - 1e-12 * Math.abs(hi - lo) && v <= hi + 1e-12 * Math.abs(hi - lo)) {
                out.add(new Tick(v, Ticks.label(v)));
            }
        }
        return out;
    }

    /**
     * Ticks for a log axis from 10^lo10 to 10^hi10, about {@code target} of them: whole decades
     * (every k-th for wide ranges) when at least two fit; else the 1-2-5 values of each decade
     * (thinned to about the target); for a range too narrow for any of those, its two ends.
     */
    static List<Tick> log(double lo10, double hi10, int target) {
        List<Tick> out = new ArrayList<>();
        if (!(hi10 > lo10)) {
            return out;
        }
        int wanted = Math.max(2, target);
        double span = hi10 - lo10;
        for (int step = (int) Math.max(1, Math.ceil(span / wanted)); step >= 1 && out.size() < 2; step--) {
            out.clear();
            for (long k = (long) Math.ceil(lo10 / step) * step; k <= hi10 + 1e-9; k += step) {
                out.add(new Tick(k, decade(k)));
            }
        }
        List<Tick> fine = withMantissas(lo10, hi10, new int[] {1, 2, 5});
        if (out.size() >= 2 && (out.size() >= wanted || fine.size() > wanted + 1)) {
            return out;
        }
        if (!fine.isEmpty()) {
            int every = (int) Math.ceil(fine.size() / (double) (wanted + 1));
            List<Tick> thinned = new ArrayList<>();
            for (int i = 0; i < fine.size(); i += every) {
                thinned.add(fine.get(i));
            }
            return thinned;
        }
        out.clear();
        out.add(new Tick(lo10, CanvasPane.fmt(Math.pow(10, lo10))));
        out.add(new Tick(hi10, CanvasPane.fmt(Math.pow(10, hi10))));
        return out;
    }

    private static List<Tick> withMantissas(double lo10, double hi10, int[] mantissas) {
        List<Tick> out = new ArrayList<>();
        for (long k = (long) Math.floor(lo10); k <= (long) Math.ceil(hi10); k++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, k);
                double at = Math.log10(v);
                if (at >= lo10 - 1e-9 && at <= hi10 + 1e-9) {
                    out.add(new Tick(at, Ticks.label(v)));
                }
            }
        }
        return out;
    }

    private static String decade(long k) {
        if (k >= -3 && k <= 4) {
            return Ticks.label(Math.pow(10, k));
        }
        return "1e" + k;
    }
}
