package dev.descent.ui.curves;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Draws the loss curve of every racer (linear or log y) and, under it, the learning-rate
 * curve, with a shared step cursor and a cross where a racer diverged. Plain data in,
 * pixels out: the export reuses it offscreen.
 */
public final class CurveRenderer {
    private static final double LEFT = 62;
    private static final double RIGHT = 14;
    private static final double TOP = 22;
    private static final double GAP = 34;
    private static final double BOTTOM = 30;
    /** Column indices of SurfaceRacer.COLUMNS ("x", "y", "loss", "grad_norm", "lr"). */
    private static final int LOSS = dev.descent.core.race.SurfaceRacer.COLUMNS.indexOf("loss");
    private static final int LR = dev.descent.core.race.SurfaceRacer.COLUMNS.indexOf("lr");

    private double[] xs = new double[0];
    private double[] ys = new double[0];

    /**
     * @param cursorStep the step under the shared cursor, -1 for none
     */
    public void draw(GraphicsContext gc, RaceSnapshot frame, double width, double height, boolean logY,
                     int cursorStep, PlotStyle style) {
        gc.setFill(style.background());
        gc.fillRect(0, 0, width, height);
        double s = style.scale();
        double plotW = width - LEFT * s - RIGHT * s;
        double lossH = (height - TOP * s - GAP * s - BOTTOM * s) * 0.68;
        double lrH = (height - TOP * s - GAP * s - BOTTOM * s) - lossH;
        if (plotW < 20 || lossH < 20) {
            return;
        }
        long maxStep = maxStep(frame);
        Panel loss = new Panel(LEFT * s, TOP * s, plotW, lossH, maxStep);
        Panel lr = new Panel(LEFT * s, TOP * s + lossH + GAP * s, plotW, lrH, maxStep);
        boolean shifted = logY && frame.racers().stream().anyMatch(t -> min(t, false) <= 0);
        double floor = shifted ? frame.racers().stream().mapToDouble(t -> min(t, false)).min().orElse(0) : 0;
        String lossTitle = logY ? (shifted ? "log10(loss - min)" : "log10(loss)") : "loss";
        ToDoubleBiFunction<RacerSnapshot, Integer> lossAt = (t, i) -> lossValue(t.trace().value(LOSS, i), logY, floor);
        ToDoubleBiFunction<RacerSnapshot, Integer> lrAt = (t, i) -> t.trace().value(LR, i);
        range(loss, frame.racers(), lossAt, true);
        range(lr, frame.racers(), lrAt, false);
        axes(gc, loss, lossTitle, false, style);
        axes(gc, lr, "learning rate", true, style);
        for (RacerSnapshot t : frame.racers()) {
            curve(gc, loss, t, lossAt, style);
            curve(gc, lr, t, lrAt, style);
            if (t.diverged()) {
                divergence(gc, loss, t, lossAt, style);
            }
        }
        if (cursorStep >= 0) {
            cursor(gc, loss, lr, cursorStep, frame, lossAt, style);
        }
    }

    /** The step under pixel column {@code px}, -1 outside the plots. */
    public static int stepAt(double px, double width, RaceSnapshot frame, double scale) {
        double plotW = width - LEFT * scale - RIGHT * scale;
        long maxStep = maxStep(frame);
        double f = (px - LEFT * scale) / plotW;
        return f < 0 || f > 1 ? -1 : (int) Math.round(f * maxStep);
    }

    private static long maxStep(RaceSnapshot frame) {
        long maxStep = 10;
        for (RacerSnapshot t : frame.racers()) {
            maxStep = Math.max(maxStep, t.stepsRun());
        }
        return maxStep;
    }

    private static double lossValue(double v, boolean logY, double floor) {
        if (!logY) {
            return v;
        }
        double shifted = v - floor;
        return Math.log10(Math.max(shifted, 1e-300) + (floor != 0 ? 1e-12 : 0));
    }

    private static double min(RacerSnapshot t, boolean unused) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.trace().size(); i++) {
            m = Math.min(m, t.trace().value(LOSS, i));
        }
        return m;
    }

    /**
     * The y range of the racers that are still fine (all racers when every one diverged): a
     * racer shooting off to 1e29 would flatten the others; its curve leaves through the top.
     */
    private static void range(Panel p, List<RacerSnapshot> racers, ToDoubleBiFunction<RacerSnapshot, Integer> value,
                              boolean skipDiverged) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean anyFine = skipDiverged && racers.stream().anyMatch(r -> !r.diverged());
        for (RacerSnapshot t : racers) {
            if (anyFine && t.diverged()) {
                continue;
            }
            for (int i = 0; i < t.trace().size(); i++) {
                double v = value.applyAsDouble(t, i);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(Math.abs(hi) * 0.1, 1e-3);
            lo -= pad;
            hi += pad;
        }
        double pad = (hi - lo) * 0.05;
        p.yMin = lo - pad;
        p.yMax = hi + pad;
    }

    private static void axes(GraphicsContext gc, Panel p, String title, boolean xLabels, PlotStyle style) {
        double s = style.scale();
        gc.setFont(Font.font(11 * s));
        gc.setLineWidth(1);
        gc.setStroke(style.grid());
        gc.setFill(style.foreground());
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        for (double t : Ticks.nice(p.yMin, p.yMax, 4)) {
            double y = p.py(t);
            gc.strokeLine(p.x, y, p.x + p.w, y);
            gc.fillText(Ticks.label(t), p.x - 6, y);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double t : Ticks.nice(0, p.maxStep, 6)) {
            double x = p.px(t);
            gc.strokeLine(x, p.y, x, p.y + p.h);
            if (xLabels) {
                gc.fillText(Ticks.label(t), x, p.y + p.h + 4);
            }
        }
        gc.setStroke(style.foreground());
        gc.strokeRect(p.x, p.y, p.w, p.h);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setFont(Font.font(12 * s));
        gc.fillText(title + (xLabels ? "" : ""), p.x, p.y - 4);
        if (xLabels) {
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText("step", p.x + p.w, p.y - 4);
        }
    }

    private void curve(GraphicsContext gc, Panel p, RacerSnapshot t, ToDoubleBiFunction<RacerSnapshot, Integer> value,
                       PlotStyle style) {
        double scale = style.scale();
        int n = t.trace().size();
        if (xs.length < 4 * n) {
            xs = new double[Math.max(4 * n, 2 * xs.length)];
            ys = new double[xs.length];
        }
        // M4 decimation: per pixel column keep the first, lowest, highest and last point, so a
        // noisy 10,000-point curve costs at most four vertices per column and looks the same
        int m = 0;
        int column = Integer.MIN_VALUE;
        double first = 0;
        double low = 0;
        double high = 0;
        double last = 0;
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(t, i);
            if (!Double.isFinite(v)) {
                continue;
            }
            double x = p.px(t.trace().step(i));
            double y = Math.max(p.y, Math.min(p.y + p.h, p.py(v)));
            int c = (int) Math.floor(x);
            if (c != column) {
                m = flush(column, first, low, high, last, m);
                column = c;
                first = y;
                low = y;
                high = y;
            }
            low = Math.min(low, y);
            high = Math.max(high, y);
            last = y;
        }
        m = flush(column, first, low, high, last, m);
        // no clip(): the software pipeline renders a clip as a mask and that cost ~0.5 s per
        // frame at 12 curves; the y range covers every finite value, so nothing leaves the panel
        gc.setStroke(ink(t.colour(), style));
        gc.setLineWidth(1.5 * scale);
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        gc.strokePolyline(xs, ys, m);
    }

    /** A racer's colour made readable on the plot background (white racers on white, say). */
    private static Color ink(String colour, PlotStyle style) {
        Color c = Color.web(colour);
        boolean darkBackground = style.background().getBrightness() < 0.5;
        if (darkBackground) {
            return c.getBrightness() < 0.35 ? c.deriveColor(0, 1, 1, 1).brighter().brighter() : c;
        }
        return c.getBrightness() > 0.85 && c.getSaturation() < 0.2 ? Color.gray(0.55) : c.deriveColor(0, 1, 0.85, 1);
    }

    /** Appends one column's first/low/high/last (skipping repeats); returns the new count. */
    private int flush(int column, double first, double low, double high, double last, int m) {
        if (column == Integer.MIN_VALUE) {
            return m;
        }
        m = vertex(column, first, m);
        if (first <= last) {
            m = vertex(column, low, m);
            m = vertex(column, high, m);
        } else {
            m = vertex(column, high, m);
            m = vertex(column, low, m);
        }
        return vertex(column, last, m);
    }

    private int vertex(double x, double y, int m) {
        if (m > 0 && xs[m - 1] == x && ys[m - 1] == y) {
            return m;
        }
        if (m > 1 && ys[m - 1] == y && ys[m - 2] == y && xs[m - 1] > xs[m - 2] && x > xs[m - 1]) {
            // a flat run (a constant learning rate, a loss at its floor) is one segment, not one per column
            xs[m - 1] = x;
            return m;
        }
        xs[m] = x;
        ys[m] = y;
        return m + 1;
    }

    private static void divergence(GraphicsContext gc, Panel p, RacerSnapshot t,
                                   ToDoubleBiFunction<RacerSnapshot, Integer> value, PlotStyle style) {
        double s = style.scale();
        double x = p.px(t.divergedAt());
        if (t.trace().isEmpty()) {
            return;
        }
        double v = value.applyAsDouble(t, t.trace().size() - 1);
        double y = Double.isFinite(v) ? p.py(v) : p.y + 10;
        y = Math.max(p.y + 8, Math.min(p.y + p.h - 8, y));
        double r = 6 * s;
        Color c = ink(t.colour(), style);
        gc.setStroke(c);
        gc.setLineWidth(2.5 * s);
        gc.strokeLine(x - r, y - r, x + r, y + r);
        gc.strokeLine(x - r, y + r, x + r, y - r);
        gc.setFill(c);
        gc.setFont(Font.font(11 * s));
        gc.setTextBaseline(VPos.CENTER);
        String text = "diverged at step " + t.divergedAt();
        boolean left = x > p.x + p.w * 0.6;
        gc.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        gc.fillText(text, left ? x - r - 4 : x + r + 4, y);
    }

    private static void cursor(GraphicsContext gc, Panel loss, Panel lr, int step, RaceSnapshot frame,
                               ToDoubleBiFunction<RacerSnapshot, Integer> lossAt, PlotStyle style) {
        double x = loss.px(step);
        gc.setStroke(style.foreground());
        gc.setLineWidth(1);
        gc.setLineDashes(4, 4);
        gc.strokeLine(x, loss.y, x, loss.y + loss.h);
        gc.strokeLine(x, lr.y, x, lr.y + lr.h);
        gc.setLineDashes(null);
        gc.setFill(style.foreground());
        gc.setFont(Font.font(11 * style.scale()));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText("step " + step, x, lr.y - 2);
        for (RacerSnapshot t : frame.racers()) {
            int i = indexAt(t, step);
            if (i >= 0) {
                double v = lossAt.applyAsDouble(t, i);
                if (Double.isFinite(v)) {
                    gc.setFill(Color.web(t.colour()));
                    gc.fillOval(x - 3.5, loss.py(v) - 3.5, 7, 7);
                }
            }
        }
    }

    /** The last recorded point at or before {@code step}, -1 when none. */
    private static int indexAt(RacerSnapshot t, int step) {
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

    /** One plot area with its data ranges. */
    private static final class Panel {
        final double x;
        final double y;
        final double w;
        final double h;
        final long maxStep;
        double yMin;
        double yMax;

        Panel(double x, double y, double w, double h, long maxStep) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
            this.maxStep = maxStep;
        }

        double px(double step) {
            return x + step / (double) maxStep * w;
        }

        double py(double v) {
            return y + (yMax - v) / (yMax - yMin) * h;
        }
    }
}
