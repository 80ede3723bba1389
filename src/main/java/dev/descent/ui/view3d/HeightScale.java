package dev.descent.ui.view3d;

/**
 * Maps loss values to [0, 1] as the heatmap maps them to colours: linear in
 * {@code (v - min) / (max - min)}, or for surfaces spanning decades
 * {@code (log(v - min + e) - log(e)) / (log(max - min + e) - log(e))} with
 * {@code e = (max - min) * floorFraction}. The heatmap's colours use a floor of 1e-6
 * ({@link #COLOUR_FLOOR}); heights use 1e-2 ({@link #HEIGHT_FLOOR}), so a log surface keeps
 * its shape (Rosenbrock's floor is not flattened by its walls) without a needle-deep pit at
 * the minimum. Values outside [min, max] are clamped; non-finite values give NaN (masked).
 */
public record HeightScale(double min, double max, boolean log, double floorFraction) {
    public static final double COLOUR_FLOOR = 1e-6;
    public static final double HEIGHT_FLOOR = 1e-2;

    public HeightScale {
        if (!(max >= min)) {
            throw new IllegalArgumentException("max must be >= min, was [" + min + ", " + max + "]");
        }
        if (!(floorFraction > 0 && floorFraction < 1)) {
            throw new IllegalArgumentException("floorFraction must be in (0, 1), was " + floorFraction);
        }
    }

    public double height(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        double span = max - min;
        if (!(span > 0)) {
            return 0.5;
        }
        double c = Math.max(min, Math.min(max, v));
        if (!log) {
            return (c - min) / span;
        }
        double floor = span * floorFraction;
        return (Math.log(c - min + floor) - Math.log(floor)) / (Math.log(span + floor) - Math.log(floor));
    }
}
