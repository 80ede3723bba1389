package dev.descent.ui.curves;

import dev.descent.ui.Styles;
import dev.descent.core.race.RaceSnapshot;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;

/** Loss and learning-rate curves on a canvas, with a step cursor that follows the pointer. */
public final class CurvesView extends Pane {
    public static final String ID = "curves";

    private final Canvas canvas = new Canvas();
    private final CurveRenderer renderer = new CurveRenderer();
    private boolean logY;
    private int cursorStep = -1;
    private double cursorX = -1;
    private boolean dirty = true;
    private RaceSnapshot drawn;
    private PlotStyle style = PlotStyle.light(1);

    public CurvesView() {
        setId(ID);
        getStyleClass().add(Styles.PLOT);
        getChildren().add(canvas);
        setMinSize(200, 200);
        setStyle(style);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> dirty = true);
        canvas.heightProperty().addListener(o -> dirty = true);
        canvas.setOnMouseMoved(e -> {
            cursorX = e.getX();
            dirty = true;
        });
        canvas.setOnMouseExited(e -> {
            cursorX = -1;
            dirty = true;
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
        dirty = true;
    }

    /** The step under the shared cursor, -1 when the pointer is outside. */
    public int cursorStep() {
        return cursorStep;
    }

    public void redraw(RaceSnapshot frame) {
        if (!dirty && frame == drawn) {
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        cursorStep = cursorX < 0 ? -1 : CurveRenderer.stepAt(cursorX, w, frame, style.scale());
        renderer.draw(canvas.getGraphicsContext2D(), frame, w, h, logY, cursorStep, style);
        drawn = frame;
        dirty = false;
    }
}
