package dev.descent.core.plot;

/**
 * A connected piece of a contour line in surface coordinates. A closed loop repeats its first
 * point at the end, so drawing consecutive points draws the whole loop.
 *
 * @param xs     x of each point
 * @param ys     y of each point (same length as xs)
 * @param closed true for a loop, false for a line that ends on the grid's border or at NaN cells
 */
public record Polyline(double[] xs, double[] ys, boolean closed) {

    public Polyline {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys must have the same length, were " + xs.length + " and "
                    + ys.length);
        }
    }

    public int size() {
        return xs.length;
    }
}
