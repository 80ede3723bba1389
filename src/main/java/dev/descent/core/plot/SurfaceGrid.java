package dev.descent.core.plot;

import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A surface sampled on an nx x ny lattice over a view window, the input of heatmaps and of
 * {@link MarchingSquares}. Node (i, j) sits at {@code x = xMin + i*width/(nx-1)},
 * {@code y = yMin + j*height/(ny-1)}; values are stored row by row from the bottom
 * ({@code j = 0} is yMin), index {@code j*nx + i}. Non-finite values (NaN, +-infinity) are
 * kept as NaN so a view can mark them; {@link #min()}/{@link #max()} cover the finite ones.
 */
public final class SurfaceGrid {
    private final ViewWindow window;
    private final int nx;
    private final int ny;
    private final double[] values;
    private final double min;
    private final double max;
    private final int finiteCount;

    private SurfaceGrid(ViewWindow window, int nx, int ny, double[] values) {
        this.window = window;
        this.nx = nx;
        this.ny = ny;
        this.values = values;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                finite++;
            } else {
                values[k] = Double.NaN;
            }
        }
        this.finiteCount = finite;
        this.min = finite > 0 ? lo : Double.NaN;
        this.max = finite > 0 ? hi : Double.NaN;
    }

    /** Samples {@code surface.value} on an nx x ny lattice (each >= 2) spanning the window, edges included. */
    public static SurfaceGrid sample(Surface surface, ViewWindow window, int nx, int ny) {
        return sample(surface::value, window, nx, ny);
    }

    /** Samples any f(x, y), e.g. a network's loss over two weight directions. */
    public static SurfaceGrid sample(DoubleBinaryOperator f, ViewWindow window, int nx, int ny) {
        checkSize(nx, ny);
        double[] values = new double[nx * ny];
        double dx = window.width() / (nx - 1);
        double dy = window.height() / (ny - 1);
        for (int j = 0; j < ny; j++) {
            double y = j == ny - 1 ? window.yMax() : window.yMin() + j * dy;
            for (int i = 0; i < nx; i++) {
                double x = i == nx - 1 ? window.xMax() : window.xMin() + i * dx;
                values[j * nx + i] = f.applyAsDouble(x, y);
            }
        }
        return new SurfaceGrid(window, nx, ny, values);
    }

    /** A grid from values already computed, row by row from the bottom (copied). */
    public static SurfaceGrid of(ViewWindow window, int nx, int ny, double[] values) {
        checkSize(nx, ny);
        if (values.length != nx * ny) {
            throw new IllegalArgumentException("values must have nx*ny = " + nx * ny + " entries, had " + values.length);
        }
        return new SurfaceGrid(window, nx, ny, values.clone());
    }

    private static void checkSize(int nx, int ny) {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 x 2 nodes, was " + nx + " x " + ny);
        }
        if ((long) nx * ny > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("grid of " + nx + " x " + ny + " nodes is too large");
        }
    }

    public ViewWindow window() {
        return window;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    /** x of column i. */
    public double x(int i) {
        return i == nx - 1 ? window.xMax() : window.xMin() + i * (window.width() / (nx - 1));
    }

    /** y of row j (row 0 is the bottom, yMin). */
    public double y(int j) {
        return j == ny - 1 ? window.yMax() : window.yMin() + j * (window.height() / (ny - 1));
    }

    /** The value at node (i, j); NaN where f was not finite. */
    public double value(int i, int j) {
        return values[j * nx + i];
    }

    /** A copy of all values, index {@code j*nx + i}. */
    public double[] values() {
        return values.clone();
    }

    /** Smallest finite value; NaN when no value is finite. */
    public double min() {
        return min;
    }

    /** Largest finite value; NaN when no value is finite. */
    public double max() {
        return max;
    }

    /** How many nodes hold a finite value. */
    public int finiteCount() {
        return finiteCount;
    }

    /** The finite values in ascending order (for quantiles). */
    double[] sortedFiniteValues() {
        double[] out = new double[finiteCount];
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        Arrays.sort(out);
        return out;
    }
}
