package dev.descent.ui.network;

import dev.descent.ui.Styles;
import dev.descent.ui.curves.PlotStyle;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A pane holding one canvas that fills it; subclasses paint from data handed to them. The
 * {@link PlotStyle} gives the theme's colours and a scale for text and lines (larger in
 * presentation mode); {@link #paintInto} paints the same picture into any context, which is how
 * the exported figures are drawn.
 */
abstract class CanvasPane extends Pane {
    /** Text size at scale 1, in layout units. */
    static final double FONT_SIZE = 11;
    final Canvas canvas = new Canvas();
    private PlotStyle style = PlotStyle.light(1);
    private Font font = Font.font(FONT_SIZE);
    private final Text measure = new Text();

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

    /** Theme colours and the text/line scale; repaints. */
    public void setPlotStyle(PlotStyle s) {
        if (!s.equals(style)) {
            style = s;
            font = Font.font(FONT_SIZE * s.scale());
            repaint();
        }
    }

    /** The theme colours and text/line scale this plot paints with. */
    public PlotStyle plotStyle() {
        return style;
    }

    PlotStyle style() {
        return style;
    }

    /** The text and line scale (1 normally). */
    double scale() {
        return style.scale();
    }

    /** A line width of {@code w} at scale 1. */
    double line(double w) {
        return w * style.scale();
    }

    Font font() {
        return font;
    }

    /** Height of one line of text. */
    double lineHeight() {
        return Math.ceil(FONT_SIZE * style.scale() * 1.35);
    }

    Color ink() {
        return style.foreground();
    }

    Color axis() {
        return style.foreground().interpolate(style.background(), 0.45);
    }

    Color grid() {
        return style.grid();
    }

    Color paper() {
        return style.background();
    }

    /** Width of {@code s} in the current font. */
    double textWidth(String s) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** Clears and paints; does nothing while the pane has no size. */
    final void repaint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 4 || h < 4) {
            return;
        }
        paintInto(canvas.getGraphicsContext2D(), w, h);
    }

    /** Paints the picture into {@code gc} over (0, 0, w, h): background, then {@link #paint}. */
    final void paintInto(GraphicsContext gc, double w, double h) {
        gc.save();
        gc.setFill(paper());
        gc.fillRect(0, 0, w, h);
        gc.setFont(font);
        gc.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        gc.setTextBaseline(javafx.geometry.VPos.BASELINE);
        gc.setLineDashes((double[]) null);
        paint(gc, w, h);
        gc.restore();
    }

    abstract void paint(GraphicsContext gc, double w, double h);

    /** A heading at (x, y) (baseline). */
    void title(GraphicsContext gc, String text, double x, double y) {
        gc.setFill(ink());
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
