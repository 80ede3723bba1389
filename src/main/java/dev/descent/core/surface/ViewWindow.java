package dev.descent.core.surface;

/** An axis-aligned rectangle of the (x, y) plane, xMin < xMax and yMin < yMax. */
public record ViewWindow(double xMin, double xMax, double yMin, double yMax) {

    public ViewWindow {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("empty view window [" + xMin + ", " + xMax + "] x ["
                    + yMin + ", " + yMax + "]");
        }
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }
}
