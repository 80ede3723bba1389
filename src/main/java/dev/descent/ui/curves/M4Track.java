package dev.descent.ui.curves;

import java.util.Arrays;

/**
 * One curve decimated for drawing, built point by point: per pixel column it keeps the first,
 * lowest, highest and last point (M4 decimation; Jugel et al., VLDB 2014), so a noisy
 * 10,000-point curve costs at most four vertices per column and looks the same. A column is
 * committed when a point of a later column arrives; the open column is handed out separately
 * ({@link #open}), so the drawing can reach the newest point and still be extended column by
 * column. Feeding the points in pieces commits the same vertices as one pass (M4TrackTest).
 */
final class M4Track {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;
    private int column = Integer.MIN_VALUE;
    private double first;
    private double low;
    private double high;
    private double last;

    void clear() {
        size = 0;
        column = Integer.MIN_VALUE;
    }

    /** Adds the point at pixel (x, y); points must come in order of x. */
    void add(double x, double y) {
        int c = (int) Math.floor(x);
        if (c != column) {
            commitOpen();
            column = c;
            first = y;
            low = y;
            high = y;
        }
        low = Math.min(low, y);
        high = Math.max(high, y);
        last = y;
    }

    /** The committed vertices. */
    int size() {
        return size;
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }

    /**
     * The open column's vertices as a one-pass drawing would end, with the point (x, y) added
     * to it if {@code withPoint}; written to {@code outX/outY} from index 0. Changes nothing.
     *
     * @return the number of vertices written (at most 5)
     */
    int open(boolean withPoint, double x, double y, double[] outX, double[] outY) {
        int c = column;
        double f = first;
        double lo = low;
        double hi = high;
        double la = last;
        int n = 0;
        if (withPoint) {
            int pc = (int) Math.floor(x);
            if (pc != c) {
                n = columnVertices(c, f, lo, hi, la, outX, outY, 0);
                return columnVertices(pc, y, y, y, y, outX, outY, n);
            }
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
            la = y;
        }
        return columnVertices(c, f, lo, hi, la, outX, outY, 0);
    }

    private int columnVertices(int c, double f, double lo, double hi, double la, double[] outX, double[] outY, int n) {
        if (c == Integer.MIN_VALUE) {
            return n;
        }
        double px = n > 0 ? outX[n - 1] : size > 0 ? xs[size - 1] : Double.NaN;
        double py = n > 0 ? outY[n - 1] : size > 0 ? ys[size - 1] : Double.NaN;
        double[] order = f <= la ? new double[] {f, lo, hi, la} : new double[] {f, hi, lo, la};
        for (double v : order) {
            if (px == c && py == v) {
                continue;
            }
            outX[n] = c;
            outY[n] = v;
            px = c;
            py = v;
            n++;
        }
        return n;
    }

    private void commitOpen() {
        if (column == Integer.MIN_VALUE) {
            return;
        }
        if (xs.length < size + 4) {
            xs = Arrays.copyOf(xs, 2 * (size + 4));
            ys = Arrays.copyOf(ys, xs.length);
        }
        double[] order = first <= last ? new double[] {first, low, high, last} : new double[] {first, high, low, last};
        for (double v : order) {
            if (size > 0 && xs[size - 1] == column && ys[size - 1] == v) {
                continue;
            }
            xs[size] = column;
            ys[size] = v;
            size++;
        }
    }
}
