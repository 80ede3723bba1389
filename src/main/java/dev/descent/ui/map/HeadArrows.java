package dev.descent.ui.map;

import dev.descent.core.optim.StepTrace;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrows at the selected racer's head, in pixels: the negative gradient, the way the
 * momentum (first moment) pushes, and the step taken. Every surface vector goes through the
 * map's {@link MapProjection}, so with its equal scales an arrow's pixel direction is the
 * surface direction (the "-grad" arrow is perpendicular to the contour lines on screen).
 * Lengths: the gradient arrow is {@value #PIXELS} pixels (times the line scale), the momentum
 * arrow that times |v| / max(|v|, |g|) (at least a quarter), the step its true length on the
 * map, at most 1.5 times that, none under half a pixel. A gradient or momentum of norm {@value #AT_REST} or less gets no
 * arrow: at a minimum its direction is rounding noise (a racer settled in a well showed a
 * full-length "-grad" arrow for g = (-1.8e-15, 1.5e-77)).
 */
final class HeadArrows {
    static final double PIXELS = 70;
    /** Vectors this short have no direction worth drawing. */
    static final double AT_REST = 1e-9;
    /** A step shorter than this on screen gets no arrow (its label would mark a point). */
    static final double MIN_STEP_PIXELS = 0.5;

    enum Kind {
        GRADIENT("-grad"), MOMENTUM("-momentum"), STEP("step");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One arrow from pixel (x, y) by (dx, dy) pixels. */
    record Arrow(Kind kind, double x, double y, double dx, double dy) {
    }

    private HeadArrows() {
    }

    /** The arrows of step {@code s} taken to the head at surface point (headX, headY); none drawable when empty. */
    static List<Arrow> of(StepTrace s, double headX, double headY, MapProjection proj, double scale) {
        List<Arrow> out = new ArrayList<>(3);
        if (s == null || !Double.isFinite(headX) || !Double.isFinite(headY)) {
            return out;
        }
        double hx = proj.px(headX);
        double hy = proj.py(headY);
        double[] g = s.gradient();
        double[] v = s.firstMoment();
        double[] d = s.delta();
        double gn = Math.hypot(g[0], g[1]);
        if (gn > AT_REST) {
            add(out, Kind.GRADIENT, hx, hy, proj.dpx(-g[0]), proj.dpy(-g[1]), PIXELS * scale);
        }
        if (v != null && Math.hypot(v[0], v[1]) > AT_REST) {
            double vn = Math.hypot(v[0], v[1]);
            double fraction = Math.max(0.25, Math.min(1, vn / Math.max(vn, gn)));
            add(out, Kind.MOMENTUM, hx, hy, proj.dpx(-v[0]), proj.dpy(-v[1]), PIXELS * scale * fraction);
        }
        if (d != null) {
            double dx = proj.dpx(d[0]);
            double dy = proj.dpy(d[1]);
            double len = Math.hypot(dx, dy);
            if (len >= MIN_STEP_PIXELS) {
                add(out, Kind.STEP, hx, hy, dx, dy, Math.min(len, PIXELS * 1.5 * scale));
            }
        }
        return out;
    }

    /**
     * Where each arrow's label goes: left edge and vertical centre, beside the arrow's tip (to
     * its right, or to its left for an arrow pointing left). A label that would overlap one
     * placed before it moves up or down, away from that one, by a label's height until it is
     * clear (arrows in nearly the same direction put their tips, and so their labels, close).
     *
     * @param widths the labels' text widths, in the order of {@code arrows}
     * @param height a label's height (its box), in pixels
     * @return {x, y} per arrow
     */
    static double[][] labelSpots(List<Arrow> arrows, double[] widths, double height, double scale) {
        int n = arrows.size();
        double[][] spots = new double[n][];
        double pad = 6 * scale;
        for (int i = 0; i < n; i++) {
            Arrow a = arrows.get(i);
            double ex = a.x() + a.dx();
            double x = a.dx() >= 0 ? ex + 8 * scale : ex - 8 * scale - widths[i];
            double y = a.y() + a.dy();
            for (int tries = 0; tries < 2 * n; tries++) {
                int hit = -1;
                for (int j = 0; j < i && hit < 0; j++) {
                    boolean apartX = x + widths[i] + pad <= spots[j][0] || spots[j][0] + widths[j] + pad <= x;
                    boolean apartY = Math.abs(y - spots[j][1]) >= height;
                    hit = apartX || apartY ? -1 : j;
                }
                if (hit < 0) {
                    break;
                }
                y = spots[hit][1] + (y >= spots[hit][1] ? height : -height);
            }
            spots[i] = new double[] {x, y};
        }
        return spots;
    }

    /** Adds the arrow along (ux, uy) with {@code length} pixels; nothing when the direction is zero or not finite. */
    private static void add(List<Arrow> out, Kind kind, double x, double y, double ux, double uy, double length) {
        double n = Math.hypot(ux, uy);
        if (!(n > 0) || !Double.isFinite(n) || !(length > 0)) {
            return;
        }
        out.add(new Arrow(kind, x, y, ux / n * length, uy / n * length));
    }
}
