package dev.descent.ui.curves;

/**
 * One plot panel in pixels: its rectangle, the steps along x (0 to {@code xMax}) and the y
 * range (plot values: log10 of the data on a log axis).
 */
public record PlotArea(double x, double y, double w, double h, long xMax, AxisRange range, boolean log) {

    public double px(double step) {
        return x + step / (double) xMax * w;
    }

    public double py(double v) {
        return y + (range.max() - v) / (range.max() - range.min()) * h;
    }

    /** The step under pixel column {@code px}, -1 outside the panel. */
    public long stepAt(double px) {
        double f = (px - x) / w;
        return f < 0 || f > 1 ? -1 : Math.round(f * xMax);
    }
}
