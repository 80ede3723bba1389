package dev.descent.ui.map;

import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

import java.util.ArrayList;
import java.util.List;

/**
 * The on-screen map as two layers, so that a frame costs only what changed (the one-shot
 * {@link MapRenderer#draw} redraws everything, which at twelve 10,000-step trails took the
 * software pipeline 40-90 ms per frame).
 *
 * <p>The base layer (opaque) holds the heatmap image, the start and every trail but the
 * selected one up to the trace's second newest point (the newest may be a transient point
 * that thinning will not keep). Each frame only the vertices added since are stroked onto
 * it. It is rebuilt when {@link #invalidate} says the view changed (surface, window, size,
 * line scale, start), when the selection or the racers change, and when a trace no longer
 * continues the drawn one (a reset, or thinning dropped the last drawn point).
 *
 * <p>The overlay (transparent, cleared every frame) holds what moves: the selected trail
 * with its outline, each racer's last segment and head, the arrows and the cursor rings.
 */
final class MapLayers {
    private final List<Drawn> drawn = new ArrayList<>();
    private final TrailPath selectedPath = new TrailPath();
    private boolean stale = true;
    private int drawnSelected = -2;
    private double[] newXs = new double[64];
    private double[] newYs = new double[64];

    /** What the base layer shows of one racer: its trail's vertices for trace points [0, used). */
    private static final class Drawn {
        final TrailPath path = new TrailPath();
        String colour;
        int used;
        long lastStep;
        double lastX;
        double lastY;

        /** True when {@code t} starts with the points drawn so far. */
        boolean continuedBy(TraceSnapshot t, int cx, int cy) {
            if (used == 0) {
                return true;
            }
            return used <= t.size() && t.step(used - 1) == lastStep
                    && t.value(cx, used - 1) == lastX && t.value(cy, used - 1) == lastY;
        }

        void remember(TraceSnapshot t, int newUsed, int cx, int cy) {
            used = newUsed;
            if (used > 0) {
                lastStep = t.step(used - 1);
                lastX = t.value(cx, used - 1);
                lastY = t.value(cy, used - 1);
            }
        }
    }

    /** The base layer must be redrawn from scratch on the next {@link #draw}. */
    void invalidate() {
        stale = true;
    }

    /**
     * Brings both layers up to {@code p}.
     *
     * @param background the heatmap, contours and critical points at {@code width x height}
     */
    void draw(GraphicsContext base, GraphicsContext overlay, MapPicture p, Image background,
              double width, double height) {
        MapProjection proj = new MapProjection(p.window(), width, height);
        List<RacerSnapshot> racers = p.frame().racers();
        if (stale || p.selected() != drawnSelected || !continues(racers)) {
            rebuild(base, p, background, proj);
        } else {
            extend(base, p, proj);
        }
        drawOverlay(overlay, p, proj, width, height);
    }

    private boolean continues(List<RacerSnapshot> racers) {
        if (racers.size() != drawn.size()) {
            return false;
        }
        for (int i = 0; i < racers.size(); i++) {
            RacerSnapshot r = racers.get(i);
            TraceSnapshot t = r.trace();
            Drawn d = drawn.get(i);
            if (!r.colour().equals(d.colour) || !d.continuedBy(t, t.indexOf("x"), t.indexOf("y"))) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(GraphicsContext gc, MapPicture p, Image background, MapProjection proj) {
        gc.setImageSmoothing(false);
        gc.drawImage(background, 0, 0);
        MapRenderer.drawStart(gc, p, proj);
        List<RacerSnapshot> racers = p.frame().racers();
        while (drawn.size() > racers.size()) {
            drawn.remove(drawn.size() - 1);
        }
        while (drawn.size() < racers.size()) {
            drawn.add(new Drawn());
        }
        double scale = MapRenderer.trailScale(p.lineScale(), false);
        for (int i = 0; i < racers.size(); i++) {
            RacerSnapshot r = racers.get(i);
            TraceSnapshot t = r.trace();
            Drawn d = drawn.get(i);
            d.colour = r.colour();
            d.path.clear();
            int used = Math.max(0, t.size() - 1);
            if (i != p.selected()) {
                d.path.append(t, 0, used, proj);
                MapRenderer.strokeTrail(gc, d.path.xs(), d.path.ys(), d.path.size(), MapRenderer.colour(r), scale);
            }
            d.remember(t, i != p.selected() ? used : 0, t.indexOf("x"), t.indexOf("y"));
        }
        drawnSelected = p.selected();
        stale = false;
    }

    /** Strokes each unselected trail's new vertices, joined to the last one drawn. */
    private void extend(GraphicsContext gc, MapPicture p, MapProjection proj) {
        List<RacerSnapshot> racers = p.frame().racers();
        double scale = MapRenderer.trailScale(p.lineScale(), false);
        for (int i = 0; i < racers.size(); i++) {
            if (i == p.selected()) {
                continue;
            }
            RacerSnapshot r = racers.get(i);
            TraceSnapshot t = r.trace();
            Drawn d = drawn.get(i);
            int used = Math.max(d.used, t.size() - 1);
            int before = d.path.size();
            int added = d.path.append(t, d.used, used, proj);
            d.remember(t, used, t.indexOf("x"), t.indexOf("y"));
            if (added == 0) {
                continue;
            }
            int from = Math.max(0, before - 1);
            int count = d.path.size() - from;
            if (newXs.length < count) {
                newXs = new double[Math.max(count, 2 * newXs.length)];
                newYs = new double[newXs.length];
            }
            System.arraycopy(d.path.xs(), from, newXs, 0, count);
            System.arraycopy(d.path.ys(), from, newYs, 0, count);
            MapRenderer.strokeTrail(gc, newXs, newYs, count, MapRenderer.colour(r), scale);
        }
    }

    private void drawOverlay(GraphicsContext gc, MapPicture p, MapProjection proj, double width, double height) {
        gc.clearRect(0, 0, width, height);
        List<RacerSnapshot> racers = p.frame().racers();
        double plain = MapRenderer.trailScale(p.lineScale(), false);
        for (int i = 0; i < racers.size(); i++) {
            TraceSnapshot t = racers.get(i).trace();
            Drawn d = drawn.get(i);
            if (i == p.selected() || d.path.isEmpty() || t.isEmpty()) {
                continue;
            }
            // from the last vertex on the base layer to the newest point
            newXs[0] = d.path.x(d.path.size() - 1);
            newYs[0] = d.path.y(d.path.size() - 1);
            newXs[1] = MapRenderer.clampPixel(proj.px(t.last("x")));
            newYs[1] = MapRenderer.clampPixel(proj.py(t.last("y")));
            MapRenderer.strokeTrail(gc, newXs, newYs, 2, MapRenderer.colour(racers.get(i)), plain);
        }
        if (p.selected() >= 0 && p.selected() < racers.size()) {
            TraceSnapshot t = racers.get(p.selected()).trace();
            if (!t.isEmpty()) {
                selectedPath.clear();
                selectedPath.append(t, 0, t.size(), proj);
                selectedPath.setLast(proj.px(t.last("x")), proj.py(t.last("y")));
                MapRenderer.strokeTrail(gc, selectedPath.xs(), selectedPath.ys(), selectedPath.size(),
                        MapRenderer.colour(racers.get(p.selected())), MapRenderer.trailScale(p.lineScale(), true));
            }
        }
        for (int i = 0; i < racers.size(); i++) {
            MapRenderer.drawHead(gc, racers.get(i), proj, MapRenderer.trailScale(p.lineScale(), i == p.selected()));
        }
        if (p.selected() >= 0 && p.selected() < racers.size()) {
            MapRenderer.drawArrows(gc, racers.get(p.selected()), proj, p.lineScale());
        }
        if (p.cursorStep() >= 0) {
            for (RacerSnapshot r : racers) {
                MapRenderer.drawCursor(gc, r, p.cursorStep(), proj, p.lineScale());
            }
        }
    }
}
