package dev.descent.ui.map;

import dev.descent.core.surface.CriticalPoint;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Draws the map: heatmap, critical points, the start, every racer's trail with its head,
 * divergence marks, and for the selected racer the arrows of its last step (negative
 * gradient, velocity/first moment, actual step). Reads only a {@link MapPicture}.
 */
public final class MapRenderer {
    private static final Color ARROW_GRADIENT = Color.web("#ffffff");
    private static final Color ARROW_MOMENTUM = Color.web("#ff9f1c");
    private static final Color ARROW_STEP = Color.web("#ff4d4d");

    private final HeatmapRenderer heatmap = new HeatmapRenderer();
    private final ContourRenderer contours = new ContourRenderer();
    /** The box under map labels (instead of a stroked halo, which costs the software renderer much more). */
    static final Color TAG_BOX = Color.rgb(0, 0, 0, 0.6);
    static final Color TAG_TEXT = Color.rgb(245, 245, 245);
    static final Color ARROW_OUTLINE = Color.rgb(0, 0, 0, 0.6);
    static final double HEAD_RADIUS = 5;
    static final double HEAD_OUTLINE = 1.5;
    static final double RING_RADIUS = 7;
    private static final Color OUTLINE_DARK = Color.rgb(20, 20, 20);
    private static final Color OUTLINE_LIGHT = Color.rgb(240, 240, 240);
    /** Trail width at line scale 1, and the outline on each side of it, in pixels. */
    static final double TRAIL_WIDTH = 2;
    static final double OUTLINE_WIDTH = 0.8;
    private static final double SELECTED_SCALE = 1.8;

    private final TrailPath path = new TrailPath();

    public HeatmapRenderer heatmap() {
        return heatmap;
    }

    /** Draws the whole map into {@code gc} over {@code width x height} pixels (export, one layer). */
    public void draw(GraphicsContext gc, MapPicture p, double width, double height, double resolution) {
        drawBackground(gc, p, width, height, resolution);
        drawRace(gc, p, width, height);
    }

    /** The layer that changes only with surface, window, size or scale: heatmap, contours, critical points. */
    public void drawBackground(GraphicsContext gc, MapPicture p, double width, double height, double resolution) {
        MapProjection proj = new MapProjection(p.window(), width, height);
        // sample what is shown: the requested window extended to the area's aspect ratio
        heatmap.draw(gc, p.surface(), proj.visible(), width, height, p.logScale(), resolution);
        contours.draw(gc, p.surface(), proj.visible(), proj, p.lineScale());
        drawCriticalPoints(gc, p, proj);
    }

    /** The layer that changes every frame: start, trails, heads, arrows. Does not clear. */
    public void drawRace(GraphicsContext gc, MapPicture p, double width, double height) {
        MapProjection proj = new MapProjection(p.window(), width, height);
        drawStart(gc, p, proj);
        var racers = p.frame().racers();
        for (int i = 0; i < racers.size(); i++) {
            drawTrail(gc, racers.get(i), proj, trailScale(p.lineScale(), i == p.selected()));
        }
        if (p.selected() >= 0 && p.selected() < racers.size()) {
            drawArrows(gc, racers.get(p.selected()), proj, p.lineScale());
        }
        if (p.cursorStep() >= 0) {
            for (RacerSnapshot r : racers) {
                drawCursor(gc, r, p.cursorStep(), proj, p.lineScale());
            }
        }
    }

    private static void drawCriticalPoints(GraphicsContext gc, MapPicture p, MapProjection proj) {
        double s = 6 * p.lineScale();
        gc.setLineWidth(2 * p.lineScale());
        for (CriticalPoint c : p.criticalPoints()) {
            double x = proj.px(c.x());
            double y = proj.py(c.y());
            switch (c.kind()) {
                case GLOBAL_MINIMUM, LOCAL_MINIMUM -> {
                    gc.setStroke(Color.BLACK);
                    gc.strokeOval(x - s - 1, y - s - 1, 2 * s + 2, 2 * s + 2);
                    gc.setStroke(Color.WHITE);
                    gc.strokeOval(x - s, y - s, 2 * s, 2 * s);
                    if (c.kind() == CriticalPoint.Kind.GLOBAL_MINIMUM) {
                        gc.setFill(Color.WHITE);
                        gc.fillOval(x - s / 3, y - s / 3, 2 * s / 3, 2 * s / 3);
                    }
                }
                case SADDLE -> {
                    gc.setStroke(Color.WHITE);
                    gc.strokeLine(x - s, y - s, x + s, y + s);
                    gc.strokeLine(x - s, y + s, x + s, y - s);
                }
                case MAXIMUM -> {
                    gc.setStroke(Color.WHITE);
                    gc.strokePolygon(new double[] {x, x - s, x + s}, new double[] {y - s, y + s, y + s}, 3);
                }
            }
        }
    }

    static void drawStart(GraphicsContext gc, MapPicture p, MapProjection proj) {
        double x = proj.px(p.startX());
        double y = proj.py(p.startY());
        double s = 7 * p.lineScale();
        gc.setFill(Color.WHITE);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1.5 * p.lineScale());
        gc.fillRect(x - s / 2, y - s / 2, s, s);
        gc.strokeRect(x - s / 2, y - s / 2, s, s);
    }

    private void drawTrail(GraphicsContext gc, RacerSnapshot r, MapProjection proj, double scale) {
        TraceSnapshot t = r.trace();
        int n = t.size();
        if (n == 0) {
            return;
        }
        path.clear();
        path.append(t, 0, n - 1, proj);
        // the newest point is always the trace's last one: the line reaches it whatever its distance
        path.add(proj.px(t.value("x", n - 1)), proj.py(t.value("y", n - 1)));
        strokeTrail(gc, path, 0, path.size(), 0, colour(r), scale);
        drawHead(gc, r, proj, scale);
    }

    /** The width factor of a trail: the selected one is drawn thicker. */
    static double trailScale(double lineScale, boolean selected) {
        return lineScale * (selected ? SELECTED_SCALE : 1.0);
    }

    /**
     * Strokes vertices {@code [from, from + count)} of {@code path} (a new run moves instead of
     * drawing) over a thin outline (dark, or light under a dark colour), so every trail reads on
     * both ends of viridis and on white: the outline along all of them, the colour from
     * {@code colourFrom} on (at most {@code from}), so a piece appended to a drawn trail repaints
     * the end of the previous piece in colour over the new outline's cap. The outline is opaque:
     * where pieces of one trail overlap, it does not darken.
     */
    static void strokeTrail(GraphicsContext gc, TrailPath path, int from, int count, int colourFrom,
                            Color colour, double scale) {
        if (count < 1) {
            return;
        }
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        gc.setStroke(outline(colour));
        gc.setLineWidth(TRAIL_WIDTH * scale + 2 * OUTLINE_WIDTH);
        polyline(gc, path, from, count);
        gc.setStroke(colour);
        gc.setLineWidth(TRAIL_WIDTH * scale);
        polyline(gc, path, colourFrom, from + count - colourFrom);
    }

    private static void polyline(GraphicsContext gc, TrailPath path, int from, int count) {
        double[] px = path.xs();
        double[] py = path.ys();
        if (from == 0 && !path.breaksWithin(0, count)) {
            gc.strokePolyline(px, py, count);
            return;
        }
        gc.beginPath();
        gc.moveTo(px[from], py[from]);
        for (int i = from + 1; i < from + count; i++) {
            if (path.startsRun(i)) {
                gc.moveTo(px[i], py[i]);
            } else {
                gc.lineTo(px[i], py[i]);
            }
        }
        gc.stroke();
    }

    /** The outline for a trail or head of {@code colour}: near-black, or near-white under a dark colour. */
    static Color outline(Color colour) {
        double luminance = 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue();
        return luminance < 0.12 ? OUTLINE_LIGHT : OUTLINE_DARK;
    }

    /** The head marker (a dot), or for a diverged racer a cross with "diverged at step k". */
    static void drawHead(GraphicsContext gc, RacerSnapshot r, MapProjection proj, double scale) {
        TraceSnapshot t = r.trace();
        if (t.isEmpty()) {
            return;
        }
        double hx = clampPixel(proj.px(t.last("x")));
        double hy = clampPixel(proj.py(t.last("y")));
        Color colour = colour(r);
        double rad = HEAD_RADIUS * scale;
        if (r.diverged()) {
            gc.setStroke(colour);
            gc.setLineWidth(3 * scale);
            gc.strokeLine(hx - rad, hy - rad, hx + rad, hy + rad);
            gc.strokeLine(hx - rad, hy + rad, hx + rad, hy - rad);
            String text = r.label() + ": diverged at step " + r.divergedAt();
            // the head of a diverged racer is usually far outside: keep its label on the map
            double lx = Math.max(4, Math.min(proj.width() - textWidth(text, scale) - 10 * scale, hx + rad + 3));
            double ly = Math.max(10 * scale, Math.min(proj.height() - 10 * scale, hy));
            label(gc, text, lx, ly, colour, colour, scale);
        } else {
            gc.setFill(colour);
            gc.fillOval(hx - rad, hy - rad, 2 * rad, 2 * rad);
            gc.setStroke(outline(colour));
            gc.setLineWidth(HEAD_OUTLINE * scale);
            gc.strokeOval(hx - rad, hy - rad, 2 * rad, 2 * rad);
        }
    }

    static Color colour(RacerSnapshot r) {
        return Color.web(r.colour());
    }

    /** A ring where the racer was at the curves' cursor step (the last kept point at or before it). */
    static void drawCursor(GraphicsContext gc, RacerSnapshot r, long step, MapProjection proj, double scale) {
        TraceSnapshot t = r.trace();
        int at = indexAtStep(t, step);
        if (at < 0) {
            return;
        }
        double x = proj.px(t.value("x", at));
        double y = proj.py(t.value("y", at));
        double rad = RING_RADIUS * scale;
        gc.setLineWidth(2.5 * scale);
        gc.setStroke(Color.WHITE);
        gc.strokeOval(x - rad, y - rad, 2 * rad, 2 * rad);
        gc.setLineWidth(1.5 * scale);
        gc.setStroke(Color.web(r.colour()));
        gc.strokeOval(x - rad, y - rad, 2 * rad, 2 * rad);
    }

    /** The last kept point at or before {@code step}, -1 when none. */
    static int indexAtStep(TraceSnapshot t, long step) {
        int lo = 0;
        int hi = t.size() - 1;
        int at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (t.step(mid) <= step) {
                at = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return at;
    }

    /** A head's pixel coordinate kept within the trails' clip rectangle (a far-off mark only needs to be off the map). */
    static double clampPixel(double v) {
        return Math.max(-TrailPath.FAR, Math.min(TrailPath.FAR, v));
    }

    static void drawArrows(GraphicsContext gc, RacerSnapshot r, MapProjection proj, double scale) {
        if (r.diverged() || r.trace().isEmpty()) {
            return;
        }
        List<HeadArrows.Arrow> arrows = HeadArrows.of(r.trace().lastStep(), r.trace().last("x"), r.trace().last("y"),
                proj, scale);
        double[] widths = new double[arrows.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = textWidth(arrows.get(i).kind().label, scale);
        }
        double[][] spots = HeadArrows.labelSpots(arrows, widths, labelHeight(scale), scale);
        for (int i = 0; i < widths.length; i++) {
            HeadArrows.Arrow a = arrows.get(i);
            arrowPixels(gc, a.x(), a.y(), a.dx(), a.dy(), arrowColour(a.kind()), scale);
            label(gc, a.kind().label, spots[i][0], spots[i][1], arrowColour(a.kind()), null, scale);
        }
    }

    private static double heightScale = Double.NaN;
    private static double height;

    /** The height of a label's box (text plus a pixel above and below, times the scale); FX thread. */
    static double labelHeight(double scale) {
        if (scale != heightScale) {
            Text t = new Text("Ag");
            t.setFont(Font.font(12 * scale));
            height = t.getLayoutBounds().getHeight() + 2 * scale;
            heightScale = scale;
        }
        return height;
    }

    static Color arrowColour(HeadArrows.Kind kind) {
        return switch (kind) {
            case GRADIENT -> ARROW_GRADIENT;
            case MOMENTUM -> ARROW_MOMENTUM;
            case STEP -> ARROW_STEP;
        };
    }

    private static void arrowPixels(GraphicsContext gc, double x, double y, double dx, double dy, Color colour,
                                    double scale) {
        double ex = x + dx;
        double ey = y + dy;
        gc.setStroke(ARROW_OUTLINE);
        gc.setLineWidth(4 * scale);
        gc.strokeLine(x, y, ex, ey);
        gc.setStroke(colour);
        gc.setLineWidth(2 * scale);
        gc.strokeLine(x, y, ex, ey);
        gc.setFill(colour);
        double[] tri = arrowHead(ex, ey, dx, dy, scale);
        gc.fillPolygon(new double[] {tri[0], tri[2], tri[4]}, new double[] {tri[1], tri[3], tri[5]}, 3);
    }

    /** The arrow head's corners (x0, y0, x1, y1, x2, y2) at the tip (ex, ey) of an arrow along (dx, dy). */
    static double[] arrowHead(double ex, double ey, double dx, double dy, double scale) {
        double a = Math.atan2(dy, dx);
        double h = 9 * scale;
        return new double[] {ex, ey, ex - h * Math.cos(a - 0.4), ey - h * Math.sin(a - 0.4),
            ex - h * Math.cos(a + 0.4), ey - h * Math.sin(a + 0.4)};
    }

    /** The width of a label's text. */
    private static double textWidth(String text, double scale) {
        Text t = new Text(text);
        t.setFont(Font.font(12 * scale));
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Text on a translucent dark box, left edge at x, centred on y (the overlay's
     * {@link MapOverlay.Tag}); with a {@code swatch}, light text after a bar of that colour.
     */
    private static void label(GraphicsContext gc, String text, double x, double y, Color colour, Color swatch,
                              double scale) {
        Text t = new Text(text);
        t.setFont(Font.font(12 * scale));
        double w = t.getLayoutBounds().getWidth();
        double h = t.getLayoutBounds().getHeight();
        double indent = swatch != null ? 6 * scale : 0;
        gc.setFill(TAG_BOX);
        gc.fillRoundRect(x - 3 * scale, y - h / 2 - scale, w + indent + 6 * scale, h + 2 * scale, 6, 6);
        if (swatch != null) {
            gc.setFill(swatch);
            gc.fillRect(x - 3 * scale, y - h / 2 - scale, 3 * scale, h + 2 * scale);
        }
        gc.setFont(t.getFont());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(swatch != null ? TAG_TEXT : colour);
        gc.fillText(text, x + indent, y);
    }
}
