package dev.descent.ui.map;

import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What moves on the map every frame, as small scene-graph nodes over the kept canvases (see
 * {@link MapLayers}): each trail's tail from its last flushed vertex to the head, the head
 * (a dot, or a cross with "diverged at step k"), the selected racer's arrows and the cursor
 * rings. A node is touched only when its geometry changed, so the software pipeline repaints
 * only the small regions around what moved. Looks as {@link MapRenderer} draws the same
 * things on a canvas for export. Clipped to the map.
 */
final class MapOverlay extends Pane {
    private final Group tails = new Group();
    private final Group marks = new Group();
    private final Group tags = new Group();
    private final List<RacerNodes> racers = new ArrayList<>();
    private final List<ArrowNodes> arrows = new ArrayList<>();

    MapOverlay() {
        setMouseTransparent(true);
        setManaged(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        for (HeadArrows.Kind kind : HeadArrows.Kind.values()) {
            arrows.add(new ArrowNodes(kind));
        }
        Group arrowLayer = new Group();
        for (ArrowNodes a : arrows) {
            arrowLayer.getChildren().addAll(a.outline, a.line, a.head);
            tags.getChildren().add(a.tag);
        }
        getChildren().addAll(tails, marks, arrowLayer, tags);
    }

    /** Brings the nodes up to {@code p}; {@code trails.get(i)} is racer i's trail as the canvases hold it. */
    void update(MapPicture p, MapProjection proj, List<TrailPieces> trails) {
        List<RacerSnapshot> snapshot = p.frame().racers();
        while (racers.size() > snapshot.size()) {
            racers.remove(racers.size() - 1).remove();
        }
        while (racers.size() < snapshot.size()) {
            racers.add(new RacerNodes());
        }
        for (int i = 0; i < snapshot.size(); i++) {
            racers.get(i).update(snapshot.get(i), trails.get(i), proj, p, i == p.selected());
        }
        List<HeadArrows.Arrow> shown = List.of();
        if (p.selected() >= 0 && p.selected() < snapshot.size()) {
            RacerSnapshot r = snapshot.get(p.selected());
            if (!r.diverged() && !r.trace().isEmpty()) {
                shown = HeadArrows.of(r.trace().lastStep(), r.trace().last("x"), r.trace().last("y"), proj,
                        p.lineScale());
            }
        }
        for (ArrowNodes a : arrows) {
            a.update(shown, p.lineScale());
        }
        placeTags(shown, p.lineScale());
    }

    /** Moves the arrows' tags to {@link HeadArrows#labelSpots}, so that two close tips do not stack their labels. */
    private void placeTags(List<HeadArrows.Arrow> shown, double scale) {
        double[] widths = new double[shown.size()];
        Tag[] tagOf = new Tag[shown.size()];
        for (int i = 0; i < widths.length; i++) {
            HeadArrows.Kind kind = shown.get(i).kind();
            tagOf[i] = arrows.stream().filter(a -> a.kind == kind).findFirst().orElseThrow().tag;
            widths[i] = tagOf[i].width();
        }
        double[][] spots = HeadArrows.labelSpots(shown, widths, MapRenderer.labelHeight(scale), scale);
        for (int i = 0; i < widths.length; i++) {
            tagOf[i].setLayoutX(spots[i][0]);
            tagOf[i].setLayoutY(spots[i][1]);
        }
    }

    /**
     * A text on a translucent dark box: readable on any part of the heatmap, cheaper than a
     * stroked halo. A racer's tag has light text and a bar of the racer's colour at its left
     * (a dark racer colour would not read on the box).
     */
    static final class Tag extends Group {
        private final Rectangle box = new Rectangle();
        private final Rectangle bar = new Rectangle();
        private final Text text = new Text();
        private String shown = "";
        private double fontSize = -1;

        Tag() {
            box.setFill(MapRenderer.TAG_BOX);
            box.setArcWidth(6);
            box.setArcHeight(6);
            text.setTextOrigin(VPos.CENTER);
            getChildren().addAll(box, bar, text);
            setVisible(false);
        }

        /**
         * Shows {@code s} with its left edge at x, centred on y.
         *
         * @param swatch the racer's colour for the bar, or null for none (then the text takes {@code colour})
         */
        void show(String s, double x, double y, Color colour, Color swatch, double scale) {
            if (!s.equals(shown) || fontSize != 12 * scale) {
                shown = s;
                fontSize = 12 * scale;
                text.setFont(Font.font(fontSize));
                text.setText(s);
                double w = text.getLayoutBounds().getWidth();
                double h = text.getLayoutBounds().getHeight();
                box.setX(-3 * scale);
                box.setY(-h / 2 - scale);
                box.setWidth(w + 6 * scale);
                box.setHeight(h + 2 * scale);
                bar.setX(-3 * scale);
                bar.setY(-h / 2 - scale);
                bar.setWidth(3 * scale);
                bar.setHeight(h + 2 * scale);
            }
            bar.setVisible(swatch != null);
            if (swatch != null) {
                bar.setFill(swatch);
            }
            text.setX(swatch != null ? 3 * scale : 0);
            box.setWidth(text.getLayoutBounds().getWidth() + (swatch != null ? 9 : 6) * scale);
            text.setFill(swatch != null ? MapRenderer.TAG_TEXT : colour);
            setLayoutX(x);
            setLayoutY(y);
            setVisible(true);
        }

        double width() {
            return text.getLayoutBounds().getWidth();
        }
    }

    private final class RacerNodes {
        final Path tailOutline = new Path();
        final Path tail = new Path();
        final Circle head = new Circle();
        final Line crossA = new Line();
        final Line crossB = new Line();
        final Circle ringOuter = new Circle();
        final Circle ringInner = new Circle();
        final Tag tag = new Tag();
        /** The tail as drawn: its vertices (x, y, ...) and which of them start a run. */
        double[] points = new double[0];
        boolean[] runStarts = new boolean[0];
        /** The trail's unflushed vertices continued to the head, clipped as the trail is. */
        private final TrailPath tailPath = new TrailPath();
        String colourText = "";
        Color colour = Color.BLACK;

        RacerNodes() {
            for (Path l : List.of(tailOutline, tail)) {
                l.setStrokeLineCap(StrokeLineCap.ROUND);
                l.setStrokeLineJoin(StrokeLineJoin.BEVEL);
                l.setFill(null);
            }
            for (Line l : List.of(crossA, crossB)) {
                l.setStrokeLineCap(StrokeLineCap.ROUND);
            }
            ringOuter.setFill(null);
            ringInner.setFill(null);
            ringOuter.setStroke(Color.WHITE);
            tails.getChildren().addAll(tailOutline, tail);
            marks.getChildren().addAll(head, crossA, crossB, ringOuter, ringInner);
            tags.getChildren().add(tag);
        }

        void remove() {
            tails.getChildren().removeAll(tailOutline, tail);
            marks.getChildren().removeAll(head, crossA, crossB, ringOuter, ringInner);
            tags.getChildren().remove(tag);
        }

        void update(RacerSnapshot r, TrailPieces trail, MapProjection proj, MapPicture p, boolean selected) {
            TraceSnapshot t = r.trace();
            if (!r.colour().equals(colourText)) {
                colourText = r.colour();
                colour = Color.web(colourText);
            }
            double scale = MapRenderer.trailScale(p.lineScale(), selected);
            if (t.isEmpty()) {
                hide(tailOutline, tail, head, crossA, crossB, ringOuter, ringInner, tag);
                return;
            }
            double headX = proj.px(t.last("x"));
            double headY = proj.py(t.last("y"));
            tail(trail, headX, headY, scale);
            // the marks of a far-off head only need to be off the map, and finite
            double hx = MapRenderer.clampPixel(headX);
            double hy = MapRenderer.clampPixel(headY);
            double rad = MapRenderer.HEAD_RADIUS * scale;
            if (r.diverged()) {
                head.setVisible(false);
                cross(crossA, hx - rad, hy - rad, hx + rad, hy + rad, scale);
                cross(crossB, hx - rad, hy + rad, hx + rad, hy - rad, scale);
                String text = r.label() + ": diverged at step " + r.divergedAt();
                // the head of a diverged racer is usually far outside: keep its label on the map
                tag.show(text, 0, 0, colour, colour, scale);
                double lx = Math.max(4, Math.min(proj.width() - tag.width() - 10 * scale, hx + rad + 3));
                double ly = Math.max(10 * scale, Math.min(proj.height() - 10 * scale, hy));
                tag.show(text, lx, ly, colour, colour, scale);
            } else {
                hide(crossA, crossB, tag);
                head.setCenterX(hx);
                head.setCenterY(hy);
                head.setRadius(rad);
                head.setFill(colour);
                head.setStroke(MapRenderer.outline(colour));
                head.setStrokeWidth(MapRenderer.HEAD_OUTLINE * scale);
                head.setVisible(true);
            }
            ring(t, p, proj);
        }

        /** The tail: from the trail's last vertex on the canvas to the head at pixel (headX, headY). */
        private void tail(TrailPieces trail, double headX, double headY, double scale) {
            tailPath.copyTail(trail.path(), trail.tailFrom());
            tailPath.add(headX, headY);
            int n = tailPath.size();
            double[] fresh = new double[2 * n];
            boolean[] freshStarts = new boolean[n];
            for (int i = 0; i < n; i++) {
                fresh[2 * i] = tailPath.x(i);
                fresh[2 * i + 1] = tailPath.y(i);
                freshStarts[i] = i == 0 || tailPath.startsRun(i);
            }
            if (!Arrays.equals(points, fresh) || !Arrays.equals(runStarts, freshStarts)) {
                points = fresh;
                runStarts = freshStarts;
                tailOutline.getElements().setAll(elements(fresh, freshStarts));
                tail.getElements().setAll(elements(fresh, freshStarts));
            }
            tailOutline.setStroke(MapRenderer.outline(colour));
            tailOutline.setStrokeWidth(MapRenderer.TRAIL_WIDTH * scale + 2 * MapRenderer.OUTLINE_WIDTH);
            tail.setStroke(colour);
            tail.setStrokeWidth(MapRenderer.TRAIL_WIDTH * scale);
            tailOutline.setVisible(n > 1);
            tail.setVisible(n > 1);
        }

        private void cross(Line l, double x0, double y0, double x1, double y1, double scale) {
            l.setStartX(x0);
            l.setStartY(y0);
            l.setEndX(x1);
            l.setEndY(y1);
            l.setStroke(colour);
            l.setStrokeWidth(3 * scale);
            l.setVisible(true);
        }

        private void ring(TraceSnapshot t, MapPicture p, MapProjection proj) {
            int at = p.cursorStep() < 0 ? -1 : MapRenderer.indexAtStep(t, p.cursorStep());
            if (at < 0) {
                hide(ringOuter, ringInner);
                return;
            }
            double x = proj.px(t.value("x", at));
            double y = proj.py(t.value("y", at));
            double rad = MapRenderer.RING_RADIUS * p.lineScale();
            for (Circle c : List.of(ringOuter, ringInner)) {
                c.setCenterX(x);
                c.setCenterY(y);
                c.setRadius(rad);
                c.setVisible(true);
            }
            ringOuter.setStrokeWidth(2.5 * p.lineScale());
            ringInner.setStrokeWidth(1.5 * p.lineScale());
            ringInner.setStroke(colour);
        }
    }

    private final class ArrowNodes {
        final HeadArrows.Kind kind;
        final Line outline = new Line();
        final Line line = new Line();
        final Polygon head = new Polygon();
        final Tag tag = new Tag();
        final double[] drawn = new double[4];

        ArrowNodes(HeadArrows.Kind kind) {
            this.kind = kind;
            Color c = MapRenderer.arrowColour(kind);
            outline.setStroke(MapRenderer.ARROW_OUTLINE);
            line.setStroke(c);
            head.setFill(c);
            hide(outline, line, head, tag);
        }

        void update(List<HeadArrows.Arrow> shown, double scale) {
            HeadArrows.Arrow a = shown.stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
            if (a == null) {
                hide(outline, line, head, tag);
                Arrays.fill(drawn, Double.NaN);
                return;
            }
            double ex = a.x() + a.dx();
            double ey = a.y() + a.dy();
            if (drawn[0] == a.x() && drawn[1] == a.y() && drawn[2] == ex && drawn[3] == ey && line.isVisible()) {
                return;
            }
            drawn[0] = a.x();
            drawn[1] = a.y();
            drawn[2] = ex;
            drawn[3] = ey;
            for (Line l : List.of(outline, line)) {
                l.setStartX(a.x());
                l.setStartY(a.y());
                l.setEndX(ex);
                l.setEndY(ey);
                l.setVisible(true);
            }
            outline.setStrokeWidth(4 * scale);
            line.setStrokeWidth(2 * scale);
            double[] tri = MapRenderer.arrowHead(ex, ey, a.dx(), a.dy(), scale);
            ObservableList<Double> pts = head.getPoints();
            pts.setAll(tri[0], tri[1], tri[2], tri[3], tri[4], tri[5]);
            head.setVisible(true);
            // placed beside the tip by placeTags, clear of the other arrows' tags
            tag.show(kind.label, tag.getLayoutX(), tag.getLayoutY(), MapRenderer.arrowColour(kind), null, scale);
        }
    }

    /** Path elements through the points (x, y, ...): a move where a run starts, else a line. */
    private static List<PathElement> elements(double[] xy, boolean[] starts) {
        List<PathElement> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(starts[i] ? new MoveTo(xy[2 * i], xy[2 * i + 1]) : new LineTo(xy[2 * i], xy[2 * i + 1]));
        }
        return out;
    }

    private static void hide(Node... nodes) {
        for (Node n : nodes) {
            n.setVisible(false);
        }
    }
}
