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
import javafx.scene.text.TextAlignment;

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
    private static final Color OUTLINE = Color.rgb(0, 0, 0, 0.5);
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
        for (CriticalPoint c : p.surface().criticalPoints()) {
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
        path.append(t, 0, n, proj);
        // the newest point is always the trace's last one: make sure the line reaches it
        path.setLast(proj.px(t.value("x", n - 1)), proj.py(t.value("y", n - 1)));
        strokeTrail(gc, path.xs(), path.ys(), path.size(), colour(r), scale);
        drawHead(gc, r, proj, scale);
    }

    /** The width factor of a trail: the selected one is drawn thicker. */
    static double trailScale(double lineScale, boolean selected) {
        return lineScale * (selected ? SELECTED_SCALE : 1.0);
    }

    /**
     * Strokes the polyline through the first {@code count} vertices; a thick trail (the
     * selected one) gets a dark outline under it.
     */
    static void strokeTrail(GraphicsContext gc, double[] px, double[] py, int count, Color colour, double scale) {
        if (count < 1) {
            return;
        }
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        if (scale > 1) {
            // the selected trail gets a dark outline; one per trail would double the stroking cost
            gc.setStroke(OUTLINE);
            gc.setLineWidth(3.5 * scale);
            gc.strokePolyline(px, py, count);
        }
        gc.setStroke(colour);
        gc.setLineWidth(2 * scale);
        gc.strokePolyline(px, py, count);
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
        double rad = 5 * scale;
        if (r.diverged()) {
            gc.setStroke(colour);
            gc.setLineWidth(3 * scale);
            gc.strokeLine(hx - rad, hy - rad, hx + rad, hy + rad);
            gc.strokeLine(hx - rad, hy + rad, hx + rad, hy - rad);
            String text = r.label() + ": diverged at step " + r.divergedAt();
            // the head of a diverged racer is usually far outside: keep its label on the map
            double lx = Math.max(4, Math.min(proj.width() - textWidth(text, scale) - 4, hx + rad + 3));
            double ly = Math.max(10 * scale, Math.min(proj.height() - 10 * scale, hy));
            label(gc, text, lx, ly, colour, scale);
        } else {
            gc.setFill(colour);
            gc.fillOval(hx - rad, hy - rad, 2 * rad, 2 * rad);
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(1.2 * scale);
            gc.strokeOval(hx - rad, hy - rad, 2 * rad, 2 * rad);
        }
    }

    static Color colour(RacerSnapshot r) {
        return Color.web(r.colour());
    }

    /** A ring where the racer was at the curves' cursor step (the last kept point at or before it). */
    static void drawCursor(GraphicsContext gc, RacerSnapshot r, long step, MapProjection proj, double scale) {
        TraceSnapshot t = r.trace();
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
        if (at < 0) {
            return;
        }
        double x = proj.px(t.value("x", at));
        double y = proj.py(t.value("y", at));
        double rad = 7 * scale;
        gc.setLineWidth(2.5 * scale);
        gc.setStroke(Color.WHITE);
        gc.strokeOval(x - rad, y - rad, 2 * rad, 2 * rad);
        gc.setLineWidth(1.5 * scale);
        gc.setStroke(Color.web(r.colour()));
        gc.strokeOval(x - rad, y - rad, 2 * rad, 2 * rad);
    }

    static double clampPixel(double v) {
        return Math.max(-1e5, Math.min(1e5, v));
    }

    static void drawArrows(GraphicsContext gc, RacerSnapshot r, MapProjection proj, double scale) {
        if (r.diverged() || r.trace().isEmpty()) {
            return;
        }
        for (HeadArrows.Arrow a : HeadArrows.of(r.trace().lastStep(), r.trace().last("x"), r.trace().last("y"),
                proj, scale)) {
            arrowPixels(gc, a.x(), a.y(), a.dx(), a.dy(), arrowColour(a.kind()), a.kind().label, scale);
        }
    }

    static Color arrowColour(HeadArrows.Kind kind) {
        return switch (kind) {
            case GRADIENT -> ARROW_GRADIENT;
            case MOMENTUM -> ARROW_MOMENTUM;
            case STEP -> ARROW_STEP;
        };
    }

    private static void arrowPixels(GraphicsContext gc, double x, double y, double dx, double dy, Color colour,
                             String text, double scale) {
        double ex = x + dx;
        double ey = y + dy;
        double a = Math.atan2(dy, dx);
        double h = 9 * scale;
        gc.setStroke(Color.rgb(0, 0, 0, 0.6));
        gc.setLineWidth(4 * scale);
        gc.strokeLine(x, y, ex, ey);
        gc.setStroke(colour);
        gc.setLineWidth(2 * scale);
        gc.strokeLine(x, y, ex, ey);
        gc.setFill(colour);
        gc.fillPolygon(new double[] {ex, ex - h * Math.cos(a - 0.4), ex - h * Math.cos(a + 0.4)},
                new double[] {ey, ey - h * Math.sin(a - 0.4), ey - h * Math.sin(a + 0.4)}, 3);
        label(gc, text, ex + (dx >= 0 ? 8 : -8) * scale - (dx >= 0 ? 0 : textWidth(text, scale)), ey, colour, scale);
    }

    /** Rough width of a label, to put it left of an arrow that points left. */
    private static double textWidth(String text, double scale) {
        return text.length() * 7 * scale;
    }

    private static void label(GraphicsContext gc, String text, double x, double y, Color colour, double scale) {
        gc.setFont(Font.font(12 * scale));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(3 * scale);
        gc.setStroke(Color.rgb(0, 0, 0, 0.7));
        gc.strokeText(text, x, y);
        gc.setFill(colour);
        gc.fillText(text, x, y);
    }
}
