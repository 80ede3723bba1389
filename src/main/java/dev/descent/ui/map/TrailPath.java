package dev.descent.ui.map;

import dev.descent.core.race.TraceSnapshot;

/**
 * A trail as a pixel polyline with at most about one vertex per pixel of travel: a trace
 * point closer than a pixel (in x and in y) to the previous vertex adds nothing. Ten
 * thousand steps crawling along a valley floor become a few hundred vertices, the same
 * picture at a fraction of the stroking cost. Points can be appended in pieces; the
 * vertices are the same as from one pass over all of them. The arrays are reused.
 */
final class TrailPath {
    /** Pixels beyond this are clamped, so a diverged racer's far-off points stay strokable. */
    private static final double FAR = 1e5;

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int size;
    /** The last vertex before clamping: the distance test uses it, as one pass would. */
    private double rawX;
    private double rawY;

    void clear() {
        size = 0;
    }

    /**
     * Appends the trace points {@code [from, to)} that are a pixel or more from the last vertex.
     *
     * @return the number of vertices added
     */
    int append(TraceSnapshot t, int from, int to, MapProjection proj) {
        int cx = t.indexOf("x");
        int cy = t.indexOf("y");
        int before = size;
        for (int i = from; i < to; i++) {
            double x = proj.px(t.value(cx, i));
            double y = proj.py(t.value(cy, i));
            if (size > 0 && Math.abs(x - rawX) < 1 && Math.abs(y - rawY) < 1) {
                continue;
            }
            add(x, y);
        }
        return size - before;
    }

    /** Adds a vertex whatever its distance to the last one. */
    void add(double x, double y) {
        if (size == xs.length) {
            xs = java.util.Arrays.copyOf(xs, 2 * size);
            ys = java.util.Arrays.copyOf(ys, 2 * size);
        }
        rawX = x;
        rawY = y;
        xs[size] = clamp(x);
        ys[size] = clamp(y);
        size++;
    }

    /** Moves the last vertex to (x, y): the line always ends exactly at the newest point. */
    void setLast(double x, double y) {
        rawX = x;
        rawY = y;
        xs[size - 1] = clamp(x);
        ys[size - 1] = clamp(y);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /** The vertex x coordinates; valid up to {@link #size()}. Not a copy. */
    double[] xs() {
        return xs;
    }

    /** The vertex y coordinates; valid up to {@link #size()}. Not a copy. */
    double[] ys() {
        return ys;
    }

    private static double clamp(double v) {
        return Math.max(-FAR, Math.min(FAR, v));
    }
}
