package dev.descent.core.plot;

/**
 * Chooses the values at which contour lines are drawn.
 *
 * <p>Linear spacing suits bowls and saddles. Surfaces such as Rosenbrock, Beale or
 * Goldstein-Price span several decades in one window: linear levels would crowd the steep
 * walls and leave the valley, where the optimizers are, empty. There the levels are spaced
 * geometrically in {@code f - min}. {@link #choose} picks log spacing when the median
 * finite value lies in the lowest {@value #LOG_MEDIAN_FRACTION} of the range (measured:
 * Rosenbrock 0.057, Beale 0.002, Goldstein-Price 0.007; bowl 0.32, Booth 0.09, Himmelblau 0.13).
 */
public final class ContourLevels {

    /** How levels are spaced. */
    public enum Spacing { LINEAR, LOG }

    /** Median below this fraction of (max - min) above min means "spans decades". */
    public static final double LOG_MEDIAN_FRACTION = 0.08;

    private ContourLevels() {
    }

    /** n levels with the spacing {@link #choose} picks for the grid; empty when the grid has no spread. */
    public static double[] levels(SurfaceGrid grid, int n) {
        return levels(grid, n, choose(grid));
    }

    /** n levels with the given spacing, strictly between the grid's min and max. */
    public static double[] levels(SurfaceGrid grid, int n, Spacing spacing) {
        checkCount(n);
        double min = grid.min();
        double max = grid.max();
        if (!(max > min)) {
            return new double[0];
        }
        if (spacing == Spacing.LINEAR) {
            return linear(min, max, n);
        }
        double[] sorted = grid.sortedFiniteValues();
        double lowest = sorted[(int) (0.005 * (sorted.length - 1))] - min;
        return log(min, max, Math.max(lowest, (max - min) * 1e-9), n);
    }

    /** Log spacing when the median sits in the lowest 8% of the range, else linear. */
    public static Spacing choose(SurfaceGrid grid) {
        if (!(grid.max() > grid.min())) {
            return Spacing.LINEAR;
        }
        double[] sorted = grid.sortedFiniteValues();
        double median = sorted[sorted.length / 2];
        return (median - grid.min()) < LOG_MEDIAN_FRACTION * (grid.max() - grid.min()) ? Spacing.LOG : Spacing.LINEAR;
    }

    /** {@code min + (max - min)*(k + 1)/(n + 1)} for k = 0..n-1: evenly spaced, both ends excluded. */
    public static double[] linear(double min, double max, int n) {
        checkCount(n);
        checkRange(min, max);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = min + (max - min) * (k + 1) / (n + 1);
        }
        return out;
    }

    /**
     * {@code min + d_k} with {@code d_k = smallest * ((max - min)/smallest)^(k/n)}, k = 0..n-1:
     * geometric steps in the height above the minimum, from {@code smallest} up to (excluding) max.
     *
     * @param smallest height above min of the lowest level, in (0, max - min)
     */
    public static double[] log(double min, double max, double smallest, int n) {
        checkCount(n);
        checkRange(min, max);
        double range = max - min;
        if (!(smallest > 0 && smallest < range)) {
            throw new IllegalArgumentException("smallest must be in (0, " + range + "), was " + smallest);
        }
        double ratio = Math.log(range / smallest);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = min + smallest * Math.exp(ratio * k / n);
        }
        return out;
    }

    private static void checkCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of levels must be >= 1, was " + n);
        }
    }

    private static void checkRange(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("level range must be finite with min < max, was [" + min + ", " + max + "]");
        }
    }
}
