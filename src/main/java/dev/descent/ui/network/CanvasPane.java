package dev.descent.ui.network;

import dev.descent.ui.Styles;
import dev.descent.ui.curves.PlotStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

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

    /**
     * Horizontal grid lines from {@code left} to {@code right} at the ticks, each labelled at
     * the left, right-aligned; leaves the text alignment at LEFT and the baseline at BASELINE.
     *
     * @param py the tick value to its pixel row
     */
    void yGrid(GraphicsContext gc, List<AxisTicks.Tick> ticks, DoubleUnaryOperator py, double left, double right) {
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (AxisTicks.Tick t : ticks) {
            double y = Math.round(py.applyAsDouble(t.at())) + 0.5;
            gc.setStroke(grid());
            gc.setLineWidth(1);
            gc.strokeLine(left, y, right, y);
            gc.setFill(ink());
            gc.fillText(t.label(), left - 4 * scale(), y);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
    }

    /** Width of {@code s} in the current font. */
    double textWidth(String s) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** {@code s}, shortened with an ellipsis to fit {@code width}. */
    String fit(String s, double width) {
        if (textWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && textWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
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

    /**
     * Strokes the polyline (xs, ys) of {@code m} points, x increasing, reduced to the lowest and
     * highest point of each pixel column (in their order; the curve's first and last points
     * always kept): the same picture, but a curve of thousands of epochs costs the software
     * renderer two segments per pixel column instead of one per epoch. Polylines were 85% of the
     * render thread's time in data-set mode ({@code tools/perf/fps-data.sh} with a profiler).
     */
    static void strokeCurve(GraphicsContext gc, double[] xs, double[] ys, int m) {
        int n = decimate(xs, ys, m);
        gc.strokePolyline(xs, ys, n);
    }

    /** Reduces (xs, ys) in place as {@link #strokeCurve} draws it; returns the points kept. Modifies both arrays. */
    static int decimate(double[] xs, double[] ys, int m) {
        int out = 0;
        int i = 0;
        while (i < m) {
            long column = (long) Math.floor(xs[i]);
            int start = i;
            int lo = i;
            int hi = i;
            while (i < m && (long) Math.floor(xs[i]) == column) {
                if (ys[i] < ys[lo]) {
                    lo = i;
                }
                if (ys[i] > ys[hi]) {
                    hi = i;
                }
                i++;
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            if (start == 0 && first != 0) {
                out = keep(xs, ys, out, 0);
            }
            out = keep(xs, ys, out, first);
            if (second != first) {
                out = keep(xs, ys, out, second);
            }
            if (i == m && second != m - 1) {
                out = keep(xs, ys, out, m - 1);
            }
        }
        return out;
    }

    private static int keep(double[] xs, double[] ys, int out, int index) {
        xs[out] = xs[index];
        ys[out] = ys[index];
        return out + 1;
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
