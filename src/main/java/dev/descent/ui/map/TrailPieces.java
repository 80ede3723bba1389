package dev.descent.ui.map;

import dev.descent.core.race.TraceSnapshot;

/**
 * One racer's trail as it is drawn on a kept canvas in pieces: the {@link TrailPath} of its
 * trace's kept points, and how many of its vertices are already on the canvas. {@link #take}
 * hands out the next piece; the vertices after the last stroked one (the tail) are drawn by
 * the overlay until the next piece takes them. Only points before the trace's newest are
 * appended: the newest may be a transient point that thinning will not keep.
 *
 * <p>Stroked in pieces, the trail has the same segments as stroked in one pass: each piece
 * starts at the last vertex of the previous one, and repaints the previous piece's last
 * segment in colour over the new outline's round cap (TrailPiecesTest).
 */
final class TrailPieces {
    /** A range of vertices to stroke: the outline along [from, from + count), the colour from colourFrom on. */
    record Piece(int from, int count, int colourFrom) {
        static final Piece NONE = new Piece(0, 0, 0);

        boolean isEmpty() {
            return count < 2;
        }
    }

    private final TrailPath path = new TrailPath();
    private int used;
    private int stroked;
    private long lastStep;
    private double lastX;
    private double lastY;

    void clear() {
        path.clear();
        used = 0;
        stroked = 0;
    }

    TrailPath path() {
        return path;
    }

    /** Vertices already on the canvas. */
    int stroked() {
        return stroked;
    }

    /** The first vertex of the tail: the last one on the canvas (0 before any). */
    int tailFrom() {
        return Math.max(0, stroked - 1);
    }

    /** True when {@code t} starts with the points appended so far (false after a reset or a thinning that dropped one). */
    boolean continuedBy(TraceSnapshot t) {
        if (used == 0) {
            return true;
        }
        return used <= t.size() && t.step(used - 1) == lastStep
                && t.value(t.indexOf("x"), used - 1) == lastX && t.value(t.indexOf("y"), used - 1) == lastY;
    }

    /** Appends the points of {@code t} not yet in the path, all but its newest. */
    void append(TraceSnapshot t, MapProjection proj) {
        int to = Math.max(used, t.size() - 1);
        if (to > used) {
            path.append(t, used, to, proj);
            used = to;
            lastStep = t.step(used - 1);
            lastX = t.value(t.indexOf("x"), used - 1);
            lastY = t.value(t.indexOf("y"), used - 1);
        }
    }

    /** The vertices not yet on the canvas, joined to the last one that is; they count as stroked from now on. */
    Piece take() {
        int size = path.size();
        if (size <= stroked || size < 2) {
            return Piece.NONE;
        }
        int from = Math.max(0, stroked - 1);
        stroked = size;
        return new Piece(from, size - from, Math.max(0, from - 1));
    }
}
