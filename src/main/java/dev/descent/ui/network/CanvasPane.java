package dev.descent.ui.network;

import dev.descent.ui.Styles;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A pane holding one canvas that fills it; subclasses paint from data handed to them. */
abstract class CanvasPane extends Pane {
    static final Color AXIS = Color.web("#777777");
    static final Color TEXT = Color.web("#333333");
    static final Font SMALL = Font.font(11);
    final Canvas canvas = new Canvas();

    CanvasPane(String id, double minW, double minH) {
        setId(id);
        getStyleClass().add(Styles.PLOT);
        getChildren().add(canvas);
        setMinSize(minW, minH);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> repaint());
        canvas.heightProperty().addListener(o -> repaint());
    }

    /** Clears and paints; does nothing while the pane has no size. */
    final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 4 || h < 4) {
            return;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        gc.setFont(SMALL);
        paint(gc, w, h);
    }

    abstract void paint(GraphicsContext gc, double w, double h);

    static void title(GraphicsContext gc, String text, double x, double y) {
        gc.setFill(TEXT);
        gc.fillText(text, x, y);
    }

    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-3 ? String.format(java.util.Locale.ROOT, "%.1e", v)
                : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
