package dev.descent.ui.curves;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.ui.Styles;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss and learning-rate curves with a legend on a kept canvas ({@link CurveRenderer#update}
 * strokes only what is new), and a step cursor that follows the pointer on every mouse move:
 * the cursor is a few nodes over the canvas, so moving it redraws no curve.
 */
public final class CurvesView extends Pane {
    public static final String ID = "curves";

    private final Canvas canvas = new Canvas();
    private final CurveRenderer renderer = new CurveRenderer();
    private final Group cursor = new Group();
    private final Line lossLine = new Line();
    private final Line lrLine = new Line();
    private final Text cursorText = new Text();
    private final Group dots = new Group();
    private final List<Circle> dotNodes = new ArrayList<>();
    private boolean logY;
    private int cursorStep = -1;
    private double cursorX = -1;
    private boolean dirty = true;
    private RaceSnapshot drawn;
    private PlotStyle style = PlotStyle.light(1);

    public CurvesView() {
        setId(ID);
        getStyleClass().add(Styles.PLOT);
        for (Line l : List.of(lossLine, lrLine)) {
            l.getStrokeDashArray().setAll(4.0, 4.0);
            l.setStrokeWidth(1);
        }
        cursorText.setTextOrigin(VPos.BOTTOM);
        cursorText.setTextAlignment(TextAlignment.CENTER);
        cursor.getChildren().addAll(lossLine, lrLine, cursorText, dots);
        cursor.setMouseTransparent(true);
        cursor.setManaged(false);
        cursor.setVisible(false);
        getChildren().addAll(canvas, cursor);
        setMinSize(200, 200);
        setStyle(style);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> dirty = true);
        canvas.heightProperty().addListener(o -> dirty = true);
        canvas.setOnMouseMoved(e -> {
            cursorX = e.getX();
            updateCursor();
        });
        canvas.setOnMouseExited(e -> {
            cursorX = -1;
            updateCursor();
        });
    }

    public void setLogY(boolean on) {
        logY = on;
        dirty = true;
    }

    public void setStyle(PlotStyle s) {
        style = s;
        // opaque, so this pane is the render root of its dirty region and the software
        // pipeline does not repaint the window's backgrounds under the canvas on every redraw
        setBackground(new Background(new BackgroundFill(s.background(), null, null)));
        for (Line l : List.of(lossLine, lrLine)) {
            l.setStroke(s.foreground());
        }
        cursorText.setFill(s.foreground());
        cursorText.setFont(Font.font(11 * s.scale()));
        dirty = true;
    }

    /** The step under the shared cursor, -1 when the pointer is outside. */
    public int cursorStep() {
        return cursorStep;
    }

    /** Brings the curves up to {@code frame}: new columns only, or everything when an axis or the view changed. */
    public void redraw(RaceSnapshot frame) {
        if (!dirty && frame == drawn) {
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        if (dirty) {
            renderer.invalidate();
        }
        renderer.update(canvas.getGraphicsContext2D(), frame, w, h, logY, style, true);
        drawn = frame;
        dirty = false;
        updateCursor();
    }

    private void updateCursor() {
        PlotArea loss = renderer.lossArea();
        PlotArea lr = renderer.lrArea();
        long step = cursorX < 0 || loss == null || drawn == null ? -1 : loss.stepAt(cursorX);
        cursorStep = (int) Math.min(Integer.MAX_VALUE, step);
        if (step < 0) {
            cursor.setVisible(false);
            return;
        }
        double x = loss.px(step);
        lossLine.setStartX(x);
        lossLine.setEndX(x);
        lossLine.setStartY(loss.y());
        lossLine.setEndY(loss.y() + loss.h());
        lrLine.setStartX(x);
        lrLine.setEndX(x);
        lrLine.setStartY(lr.y());
        lrLine.setEndY(lr.y() + lr.h());
        cursorText.setText("step " + step);
        cursorText.setX(x - cursorText.getLayoutBounds().getWidth() / 2);
        cursorText.setY(lr.y() - 2);
        List<RacerSnapshot> racers = drawn.racers();
        while (dotNodes.size() < racers.size()) {
            Circle c = new Circle(3.5);
            c.setStrokeWidth(0.8);
            dotNodes.add(c);
            dots.getChildren().add(c);
        }
        for (int i = 0; i < dotNodes.size(); i++) {
            Circle c = dotNodes.get(i);
            double v = Double.NaN;
            if (i < racers.size()) {
                RacerSnapshot r = racers.get(i);
                int at = indexAt(r, step);
                v = at < 0 ? Double.NaN : renderer.lossPlotValue(r, at);
                c.setFill(Color.web(r.colour()));
                c.setStroke(style.foreground());
            }
            boolean shown = Double.isFinite(v) && v >= loss.range().min() && v <= loss.range().max();
            c.setVisible(shown);
            if (shown) {
                c.setRadius(3.5 * style.scale());
                c.setCenterX(x);
                c.setCenterY(loss.py(v));
            }
        }
        cursor.setVisible(true);
    }

    /** The last recorded point at or before {@code step}, -1 when none. */
    private static int indexAt(RacerSnapshot t, long step) {
        int lo = 0;
        int hi = t.trace().size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (t.trace().step(mid) <= step) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}
