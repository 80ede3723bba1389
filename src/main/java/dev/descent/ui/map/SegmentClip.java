package dev.descent.ui.map;

/**
 * Clips a line segment to an axis-aligned rectangle in double, by Cohen and Sutherland's
 * method (Newman and Sproull, "Principles of Interactive Computer Graphics", 2nd ed., 1979):
 * each endpoint gets a code of the sides of the rectangle it lies beyond; a segment whose
 * endpoints lie beyond one same side is outside; otherwise an outside endpoint is moved to
 * where the segment's line crosses one of its sides, until both are inside. What is kept lies
 * on the segment's line, so a clipped trail keeps its true direction.
 *
 * <p>Not Liang and Barsky's parametric form: with an endpoint at 1e300 the parameter of a cut
 * near the other endpoint rounds to 1 and the cut is lost. Here a cut lies exactly on its
 * side, and its other coordinate is interpolated from the endpoint nearer that side, so a
 * segment from the view to (1e300, 3e299) is cut as exactly as one to (1e9, 3e8). Between two
 * far-off endpoints the cut is as exact as their coordinates: a few units in the last place
 * of the larger one.
 */
final class SegmentClip {
    private static final int BEYOND_X_MIN = 1;
    private static final int BEYOND_X_MAX = 2;
    private static final int BEYOND_Y_MIN = 4;
    private static final int BEYOND_Y_MAX = 8;
    /** Cuts before giving up on rounding: a cut can land an ulp beyond a side it was not cut at. */
    private static final int MAX_CUTS = 8;

    private SegmentClip() {
    }

    /**
     * Clips the segment (x0, y0) - (x1, y1) to [xMin, xMax] x [yMin, yMax] (xMin < xMax, yMin < yMax).
     *
     * @param out where the kept part is stored as (x0', y0', x1', y1'); an endpoint inside the
     *            rectangle is kept exactly. Modified only when something is kept.
     * @return false when no part of positive length is inside, or an endpoint is not finite
     */
    static boolean clip(double x0, double y0, double x1, double y1,
                        double xMin, double yMin, double xMax, double yMax, double[] out) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            return false;
        }
        if (!Double.isFinite(x1 - x0) || !Double.isFinite(y1 - y0)) {
            // the endpoints are more than Double.MAX_VALUE apart: halve everything, which is exact
            if (!clip(x0 / 2, y0 / 2, x1 / 2, y1 / 2, xMin / 2, yMin / 2, xMax / 2, yMax / 2, out)) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                out[i] *= 2;
            }
            return true;
        }
        double ax = x0;
        double ay = y0;
        double bx = x1;
        double by = y1;
        int ca = code(ax, ay, xMin, yMin, xMax, yMax);
        int cb = code(bx, by, xMin, yMin, xMax, yMax);
        for (int cuts = 0; (ca | cb) != 0; cuts++) {
            if ((ca & cb) != 0) {
                return false;
            }
            if (cuts == MAX_CUTS) {
                // both within rounding of the rectangle's corner regions: what is left is the rounding
                ax = clamp(ax, xMin, xMax);
                ay = clamp(ay, yMin, yMax);
                bx = clamp(bx, xMin, xMax);
                by = clamp(by, yMin, yMax);
                break;
            }
            int c = ca != 0 ? ca : cb;
            double cx;
            double cy;
            // the cut of the whole segment's line, whichever endpoint moves, from the original endpoints
            if ((c & (BEYOND_X_MIN | BEYOND_X_MAX)) != 0) {
                cx = (c & BEYOND_X_MIN) != 0 ? xMin : xMax;
                cy = along(cx, x0, y0, x1, y1);
            } else {
                cy = (c & BEYOND_Y_MIN) != 0 ? yMin : yMax;
                cx = along(cy, y0, x0, y1, x1);
            }
            if (ca != 0) {
                ax = cx;
                ay = cy;
                ca = code(ax, ay, xMin, yMin, xMax, yMax);
            } else {
                bx = cx;
                by = cy;
                cb = code(bx, by, xMin, yMin, xMax, yMax);
            }
        }
        if (ax == bx && ay == by && (x0 != x1 || y0 != y1)) {
            return false; // touches a corner from outside
        }
        out[0] = ax;
        out[1] = ay;
        out[2] = bx;
        out[3] = by;
        return true;
    }

    private static int code(double x, double y, double xMin, double yMin, double xMax, double yMax) {
        int c = 0;
        if (x < xMin) {
            c |= BEYOND_X_MIN;
        } else if (x > xMax) {
            c |= BEYOND_X_MAX;
        }
        if (y < yMin) {
            c |= BEYOND_Y_MIN;
        } else if (y > yMax) {
            c |= BEYOND_Y_MAX;
        }
        return c;
    }

    /**
     * The second coordinate where the line through (a, b) and (oa, ob) has first coordinate
     * {@code e} (strictly between a and oa), interpolated from the point nearer to e: the
     * fraction (e - a) / (oa - a) is then at most 1/2, and the rounding stays near that of the
     * result, not that of a far-off endpoint.
     */
    private static double along(double e, double a, double b, double oa, double ob) {
        if (Math.abs(e - a) <= Math.abs(e - oa)) {
            return b + (e - a) / (oa - a) * (ob - b);
        }
        return ob + (e - oa) / (a - oa) * (b - ob);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
