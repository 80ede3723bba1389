package dev.descent.ui.map;

import dev.descent.core.race.RacerSnapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * The on-screen map as layers, so that a frame costs only what moved. The software pipeline
 * repaints a canvas's whole area whenever anything is drawn on it, so the canvases change a
 * few times a second and what moves every frame is a handful of small scene-graph nodes,
 * whose dirty regions are small.
 *
 * <ul>
 *   <li>the base canvas (opaque): the heatmap image, the start, and every trail but the
 *       selected one, extended by the vertices added since the last flush
 *       ({@value #FLUSH_NANOS} ns apart);</li>
 *   <li>the selected canvas (transparent): the selected trail, thicker, extended the same way;</li>
 *   <li>the {@link MapOverlay} (nodes): each trail's tail from its last flushed vertex to the
 *       head, the heads, the arrows, labels and cursor rings.</li>
 * </ul>
 * The canvases are redrawn from scratch when {@link #invalidate} says the view changed
 * (surface, window, size, line scale, start), when the selection or the racers change, and
 * when a trace no longer continues the drawn one (a reset, or thinning dropped a drawn point).
 */
final class MapLayers {
    /** How often the trails' new vertices go onto the canvases: 10 times a second. */
    static final long FLUSH_NANOS = 100_000_000L;

    private final List<TrailPieces> trails = new ArrayList<>();
    private final List<String> colours = new ArrayList<>();
    private boolean stale = true;
    private int drawnSelected = -2;
    private long lastFlush;

    /** The canvases must be redrawn from scratch on the next {@link #draw}. */
    void invalidate() {
        stale = true;
    }

    /**
     * Brings the layers up to {@code p}.
     *
     * @param background the heatmap, contours and critical points at {@code width x height}
     * @param now        the frame's time in nanoseconds
     */
    void draw(GraphicsContext base, GraphicsContext selected, MapOverlay overlay, MapPicture p, Image background,
              double width, double height, long now) {
        MapProjection proj = new MapProjection(p.window(), width, height);
        List<RacerSnapshot> racers = p.frame().racers();
        if (stale || p.selected() != drawnSelected || !continues(racers)) {
            rebuild(base, selected, p, background, proj, width, height);
            lastFlush = now;
        } else {
            for (int i = 0; i < racers.size(); i++) {
                trails.get(i).append(racers.get(i).trace(), proj);
            }
            if (now - lastFlush >= FLUSH_NANOS) {
                flush(base, selected, p);
                lastFlush = now;
            }
        }
        overlay.update(p, proj, trails);
    }

    private boolean continues(List<RacerSnapshot> racers) {
        if (racers.size() != trails.size()) {
            return false;
        }
        for (int i = 0; i < racers.size(); i++) {
            if (!racers.get(i).colour().equals(colours.get(i)) || !trails.get(i).continuedBy(racers.get(i).trace())) {
                return false;
            }
        }
        return true;
    }

    private void rebuild(GraphicsContext base, GraphicsContext selected, MapPicture p, Image background,
                         MapProjection proj, double width, double height) {
        base.setImageSmoothing(false);
        base.drawImage(background, 0, 0);
        selected.clearRect(0, 0, width, height);
        MapRenderer.drawStart(base, p, proj);
        List<RacerSnapshot> racers = p.frame().racers();
        while (trails.size() > racers.size()) {
            trails.remove(trails.size() - 1);
            colours.remove(colours.size() - 1);
        }
        while (trails.size() < racers.size()) {
            trails.add(new TrailPieces());
            colours.add("");
        }
        for (int i = 0; i < racers.size(); i++) {
            TrailPieces d = trails.get(i);
            d.clear();
            colours.set(i, racers.get(i).colour());
            d.append(racers.get(i).trace(), proj);
        }
        flush(base, selected, p);
        drawnSelected = p.selected();
        stale = false;
    }

    /** Strokes each trail's vertices added since the last flush onto its canvas. */
    private void flush(GraphicsContext base, GraphicsContext selected, MapPicture p) {
        List<RacerSnapshot> racers = p.frame().racers();
        for (int i = 0; i < racers.size(); i++) {
            TrailPieces d = trails.get(i);
            TrailPieces.Piece piece = d.take();
            if (piece.isEmpty()) {
                continue;
            }
            boolean isSelected = i == p.selected();
            Color colour = MapRenderer.colour(racers.get(i));
            MapRenderer.strokeTrail(isSelected ? selected : base, d.path(), piece.from(), piece.count(),
                    piece.colourFrom(), colour, MapRenderer.trailScale(p.lineScale(), isSelected));
        }
    }
}
