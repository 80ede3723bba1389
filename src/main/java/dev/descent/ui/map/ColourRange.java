package dev.descent.ui.map;

import java.util.Arrays;

/**
 * Which values of a heatmap get which end of the colour map. The raw minimum and maximum
 * would let a single pole (1/(x^2 + y^2) near the origin) flatten the rest of the map into one
 * colour, so the range is clipped at robust percentiles of the finite values: the
 * {@value #LOW_PERCENT}th and the {@value #HIGH_PERCENT}th. Values beyond take the end colours.
 *
 * <p>Log mode maps {@code log(v - base + floor)} linearly, with {@code floor} a millionth of
 * the range: the top is clipped at the high percentile as in linear mode; the base is the
 * minimum (the valley floor is what log colours are for), unless the minimum lies more than
 * the whole robust range below the low percentile (a pole downwards), when the base is the low
 * percentile minus that range. Percentiles are taken from at most {@value #SAMPLE} evenly
 * strided values, so a full-HD grid costs a sort of 65,536 numbers.
 */
public final class ColourRange {
    static final double LOW_PERCENT = 1;
    static final double HIGH_PERCENT = 99;
    static final int SAMPLE = 1 << 16;

    private final boolean log;
    private final double lo;
    private final double hi;
    private final double base;
    private final double floor;
    private final double logBottom;
    private final double logSpan;

    private ColourRange(boolean log, double lo, double hi, double base) {
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.base = base;
        double span = hi - base;
        this.floor = span > 0 ? span * 1e-6 : 1;
        this.logBottom = Math.log(floor);
        this.logSpan = Math.log((span > 0 ? span : 1) + floor) - logBottom;
    }

    /** The range of the finite values in {@code values} (NaN and infinities are ignored). */
    public static ColourRange of(double[] values, boolean log) {
        int finite = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
                min = Math.min(min, v);
            }
        }
        if (finite == 0) {
            return new ColourRange(log, 0, 0, 0);
        }
        int stride = Math.max(1, (int) Math.ceil(finite / (double) SAMPLE));
        double[] sample = new double[(finite + stride - 1) / stride];
        int n = 0;
        int k = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (k++ % stride == 0) {
                    sample[n++] = v;
                }
            }
        }
        Arrays.sort(sample, 0, n);
        double lo = percentile(sample, n, LOW_PERCENT);
        double hi = percentile(sample, n, HIGH_PERCENT);
        if (!log) {
            return new ColourRange(false, lo, hi, lo);
        }
        double base = min >= lo - (hi - lo) ? min : lo - (hi - lo);
        return new ColourRange(true, Math.max(base, min), hi, base);
    }

    /** Nearest-rank percentile {@code p} (0..100) of the sorted {@code sorted[0, n)}. */
    static double percentile(double[] sorted, int n, double p) {
        int rank = (int) Math.ceil(p / 100 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    /** The lowest value that gets its own colour (values below take the first colour). */
    public double low() {
        return lo;
    }

    /** The highest value that gets its own colour (values above take the last colour). */
    public double high() {
        return hi;
    }

    /** True when every finite value is the same (the whole map takes the middle colour). */
    public boolean flat() {
        return !(hi > base);
    }

    /** The position of {@code v} on the colour map, in [0, 1]; NaN for a non-finite value. */
    public double position(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        if (flat()) {
            return 0.5;
        }
        double c = Math.max(log ? base : lo, Math.min(hi, v));
        double t = log ? (Math.log(c - base + floor) - logBottom) / logSpan : (c - lo) / (hi - lo);
        return Math.max(0, Math.min(1, t));
    }
}
