package dev.descent.ui.map;

import dev.descent.core.race.TraceSnapshot;

import java.util.Arrays;

/**
 * A trail as a pixel polyline with at most about one vertex per pixel of travel: a trace
 * point closer than a pixel (in x and in y) to the previous point adds nothing. Ten
 * thousand steps crawling along a valley floor become a few hundred vertices, the same
 * picture at a fraction of the stroking cost. Points can be appended in pieces; the
 * vertices are the same as from one pass over all of them. The arrays are reused.
 *
 * <p>Each segment is clipped ({@link SegmentClip}) to [-{@value #FAR}, {@value #FAR}]^2
 * pixels, far outside any view, so a diverging racer's far-off points stay strokable (the
 * renderer works in float) and what is visible of a segment keeps its true direction. A
 * segment wholly outside adds nothing; where the trail comes back, a new run starts
 * ({@link #startsRun}: move there, do not draw from where it left). A point that is not
 * finite ends the trail: nothing after it is drawn, since where the racer went is unknown.
 */
final class TrailPath {
    /** The clip rectangle's half side in pixels; float has about 0.008 px of resolution there. */
    static final double FAR = 1e5;

    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private boolean[] runStarts = new boolean[256];
    private int size;
    /** The last point added, before clipping: the next segment starts here and the pixel test uses it. */
    private double rawX;
    private double rawY;
    private boolean hasRaw;
    /** True while the last vertex is that point itself, so the next segment continues the run. */
    private boolean open;
    /** A non-finite point came: the trail ends there. */
    private boolean ended;
    private final double[] clipped = new double[4];

    void clear() {
        size = 0;
        hasRaw = false;
        open = false;
        ended = false;
    }

    /**
     * Appends the trace points {@code [from, to)} that are a pixel or more from the last point.
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
            if (hasRaw && Math.abs(x - rawX) < 1 && Math.abs(y - rawY) < 1) {
                continue;
            }
            add(x, y);
        }
        return size - before;
    }

    /** Adds the pixel point (x, y) whatever its distance to the last one: the visible part of the segment to it. */
    void add(double x, double y) {
        if (ended) {
            return;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            ended = true;
            open = false;
            return;
        }
        if (!hasRaw) {
            open = Math.abs(x) <= FAR && Math.abs(y) <= FAR;
            if (open) {
                vertex(x, y, true);
            }
        } else if (SegmentClip.clip(rawX, rawY, x, y, -FAR, -FAR, FAR, FAR, clipped)) {
            if (!(open && clipped[0] == rawX && clipped[1] == rawY)) {
                vertex(clipped[0], clipped[1], true);
            }
            vertex(clipped[2], clipped[3], false);
            open = clipped[2] == x && clipped[3] == y;
        } else {
            open = false;
        }
        rawX = x;
        rawY = y;
        hasRaw = true;
    }

    /**
     * Makes this path the vertices {@code [from, source.size())} of {@code source} (the first
     * one starting a run), continued from where {@code source} is: a tail that {@link #add} can
     * take on to the head.
     */
    void copyTail(TrailPath source, int from) {
        clear();
        for (int i = from; i < source.size; i++) {
            vertex(source.xs[i], source.ys[i], i == from || source.runStarts[i]);
        }
        rawX = source.rawX;
        rawY = source.rawY;
        hasRaw = source.hasRaw;
        open = source.open && source.size > from;
        ended = source.ended;
    }

    private void vertex(double x, double y, boolean startsRun) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, 2 * size);
            ys = Arrays.copyOf(ys, 2 * size);
            runStarts = Arrays.copyOf(runStarts, 2 * size);
        }
        xs[size] = x;
        ys[size] = y;
        runStarts[size] = startsRun;
        size++;
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

    /** True when vertex {@code i} starts a run: the line moves to it instead of being drawn to it. */
    boolean startsRun(int i) {
        return runStarts[i];
    }

    /** True when a vertex in {@code (from, to)} starts a run, so the range is not one polyline. */
    boolean breaksWithin(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (runStarts[i]) {
                return true;
            }
        }
        return false;
    }

    /** The vertex x coordinates; valid up to {@link #size()}. Not a copy. */
    double[] xs() {
        return xs;
    }

    /** The vertex y coordinates; valid up to {@link #size()}. Not a copy. */
    double[] ys() {
        return ys;
    }
}
