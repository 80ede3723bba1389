package dev.descent.ui.curves;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.SurfaceRacer;
import dev.descent.core.race.TraceSnapshot;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the loss curve of every racer (linear or log y) and, under it, the learning-rate
 * curve (on a log axis when the rates span more than {@value #LOG_LR_DECADES} decades), with
 * an optional legend on top and a cross where a racer diverged. Plain data in, pixels out: the
 * export draws a figure with {@link #draw}; the app keeps its canvas and calls {@link #update},
 * which strokes only the columns added since the last call and redraws everything only when an
 * axis or the legend changes: the step axis ends at the next 1-2-5 value, a y range grows only
 * when a value escapes it ({@link AxisRange}), and each racer's curves are built point by point
 * ({@link M4Track}), tracking their ranges as they go.
 */
public final class CurveRenderer {
    static final double LOG_LR_DECADES = 1.5;
    private static final double LEFT = 62;
    private static final double RIGHT = 14;
    private static final double TOP = 22;
    private static final double GAP = 34;
    private static final double BOTTOM = 30;
    private static final double LEGEND_ROW = 17;
    private static final double SWATCH = 18;
    /** Log-axis ticks at least this many pixels apart. */
    private static final double TICK_PIXELS = 30;
    private static final int LOSS = SurfaceRacer.COLUMNS.indexOf("loss");
    private static final int LR = SurfaceRacer.COLUMNS.indexOf("lr");
    private static final Color DIVERGED = Color.web("#cf222e");

    /** What a full drawing was made for; any change redraws everything. */
    private record Key(double width, double height, boolean logY, PlotStyle style, boolean legend,
                       List<String> racers, long xMax, boolean lrLog, double floor) {
    }

    private Key key;
    private PlotArea loss;
    private PlotArea lr;
    private final List<Track> tracks = new ArrayList<>();
    private final double[] openX = new double[5];
    private final double[] openY = new double[5];
    private double[] pieceX = new double[64];
    private double[] pieceY = new double[64];

    /** One racer's two curves as drawn, and the ranges of what was fed. */
    private static final class Track {
        final M4Track loss = new M4Track();
        final M4Track lr = new M4Track();
        int used;
        long lastStep;
        double lastLoss;
        int lossStroked;
        int lrStroked;
        /** The newest step the drawing reaches (-1 for none). */
        long drawnNewest = -1;
        final Stats stats = new Stats();
        Color ink;

        void clear() {
            loss.clear();
            lr.clear();
            used = 0;
            lossStroked = 0;
            lrStroked = 0;
            drawnNewest = -1;
            stats.clear();
        }
    }

    /** Minimum and maximum of a racer's values, in data units, grown point by point. */
    private static final class Stats {
        double rawLossMin;
        double lossMin;
        double lossMax;
        double lrMin;
        double lrMax;
        double lrPositiveMin;

        void clear() {
            rawLossMin = Double.POSITIVE_INFINITY;
            lossMin = Double.POSITIVE_INFINITY;
            lossMax = Double.NEGATIVE_INFINITY;
            lrMin = Double.POSITIVE_INFINITY;
            lrMax = Double.NEGATIVE_INFINITY;
            lrPositiveMin = Double.POSITIVE_INFINITY;
        }

        void scan(TraceSnapshot t, int from, int to) {
            for (int i = from; i < to; i++) {
                double l = t.value(LOSS, i);
                if (Double.isFinite(l)) {
                    rawLossMin = Math.min(rawLossMin, l);
                    lossMin = Math.min(lossMin, l);
                    lossMax = Math.max(lossMax, l);
                }
                double r = t.value(LR, i);
                if (Double.isFinite(r)) {
                    lrMin = Math.min(lrMin, r);
                    lrMax = Math.max(lrMax, r);
                    if (r > 0) {
                        lrPositiveMin = Math.min(lrPositiveMin, r);
                    }
                }
            }
        }
    }

    /** The loss panel of the last drawing (null before the first). */
    public PlotArea lossArea() {
        return loss;
    }

    /** The learning-rate panel of the last drawing (null before the first). */
    public PlotArea lrArea() {
        return lr;
    }

    /** Racer {@code r}'s loss at point {@code i} as the loss panel plots it (log10 of it on a log axis), NaN when not shown. */
    public double lossPlotValue(RacerSnapshot r, int i) {
        return key == null ? Double.NaN : lossValue(r.trace().value(LOSS, i), key.logY(), key.floor());
    }

    /**
     * Draws everything afresh into {@code gc} over {@code width x height}, the step axis ending
     * at the last step (a figure; the live view's {@link #update} ends it at a 1-2-5 value).
     */
    public void draw(GraphicsContext gc, RaceSnapshot frame, double width, double height, boolean logY,
                     PlotStyle style, boolean legend) {
        drawAll(gc, frame, width, height, logY, style, legend, null, null, Math.max(10, steps(frame)));
        key = null;
    }

    /** The next {@link #update} redraws everything. */
    public void invalidate() {
        key = null;
    }

    /**
     * Brings a canvas that holds this renderer's last drawing up to {@code frame}: strokes only
     * what is new, or redraws everything when the size, style, racers, an axis or a range changed.
     *
     * @return true when it redrew everything
     */
    public boolean update(GraphicsContext gc, RaceSnapshot frame, double width, double height, boolean logY,
                          PlotStyle style, boolean legend) {
        List<RacerSnapshot> racers = frame.racers();
        if (key == null || key.width() != width || key.height() != height || key.logY() != logY
                || !key.style().equals(style) || key.legend() != legend || !key.racers().equals(identities(racers))
                || key.xMax() != xMax(frame) || tracks.size() != racers.size()) {
            drawAll(gc, frame, width, height, logY, style, legend, null, null, xMax(frame));
            return true;
        }
        // where each racer's new points start, and the ranges with them
        int[] resume = new int[racers.size()];
        for (int k = 0; k < racers.size(); k++) {
            Track tr = tracks.get(k);
            TraceSnapshot t = racers.get(k).trace();
            resume[k] = resumeAt(tr, t);
            if (resume[k] < 0) {
                drawAll(gc, frame, width, height, logY, style, legend, null, null, xMax(frame));
                return true;
            }
            tr.stats.scan(t, resume[k], t.size());
        }
        Ranges now = ranges(racers, logY);
        if (now.floor() != key.floor() || now.lrLog() != key.lrLog()
                || !loss.range().contains(now.lossLo(), now.lossHi()) || !lr.range().contains(now.lrLo(), now.lrHi())) {
            drawAll(gc, frame, width, height, logY, style, legend, loss.range(), lr.range(), xMax(frame));
            return true;
        }
        for (int k = 0; k < racers.size(); k++) {
            Track tr = tracks.get(k);
            TraceSnapshot t = racers.get(k).trace();
            int kept = Math.max(0, t.size() - 1);
            if (tr.used == kept && t.lastStepNumber() == tr.drawnNewest) {
                continue;
            }
            feed(tr, t, resume[k], kept);
            strokeNew(gc, tr, t, style);
        }
        return false;
    }

    /** Index of the first point not yet fed for this racer, or -1 when the trace no longer continues the drawn one. */
    private static int resumeAt(Track tr, TraceSnapshot t) {
        if (tr.used == 0) {
            return 0;
        }
        int i = tr.used - 1;
        if (i < t.size() && t.step(i) == tr.lastStep && sameValue(t.value(LOSS, i), tr.lastLoss)) {
            return tr.used;
        }
        // thinning dropped points: find the last fed one by its step
        int lo = 0;
        int hi = t.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = t.step(mid);
            if (s == tr.lastStep) {
                if (sameValue(t.value(LOSS, mid), tr.lastLoss)) {
                    tr.used = mid + 1;
                    return mid + 1;
                }
                return -1;
            }
            if (s < tr.lastStep) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static boolean sameValue(double a, double b) {
        return a == b || Double.isNaN(a) && Double.isNaN(b);
    }

    private record Ranges(double lossLo, double lossHi, double lrLo, double lrHi, boolean lrLog, double floor) {
    }

    /** The data ranges in plot units over the racers' tracked stats (loss: the fine racers, when any is). */
    private Ranges ranges(List<RacerSnapshot> racers, boolean logY) {
        boolean anyFine = racers.stream().anyMatch(r -> !r.diverged());
        double rawMin = Double.POSITIVE_INFINITY;
        double lrPosMin = Double.POSITIVE_INFINITY;
        double lrMin = Double.POSITIVE_INFINITY;
        double lrMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < racers.size(); k++) {
            Stats s = tracks.get(k).stats;
            if (!anyFine || !racers.get(k).diverged()) {
                rawMin = Math.min(rawMin, s.rawLossMin);
            }
            lrPosMin = Math.min(lrPosMin, s.lrPositiveMin);
            lrMin = Math.min(lrMin, s.lrMin);
            lrMax = Math.max(lrMax, s.lrMax);
        }
        double floor = logY && rawMin <= 0 ? rawMin : 0;
        boolean lrLog = lrMax > 0 && lrPosMin < Double.POSITIVE_INFINITY
                && Math.log10(lrMax / lrPosMin) > LOG_LR_DECADES;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < racers.size(); k++) {
            if (anyFine && racers.get(k).diverged()) {
                continue;
            }
            Stats s = tracks.get(k).stats;
            if (s.lossMin <= s.lossMax) {
                // the transforms are increasing: the range's ends are the ends' images
                lo = Math.min(lo, lossValue(s.lossMin, logY, floor));
                hi = Math.max(hi, lossValue(s.lossMax, logY, floor));
            }
        }
        double rLo = lrLog ? Math.log10(lrPosMin) : lrMin;
        double rHi = lrLog ? Math.log10(lrMax) : lrMax;
        return new Ranges(lo, hi, rLo, rHi, lrLog, floor);
    }

    private void drawAll(GraphicsContext gc, RaceSnapshot frame, double width, double height, boolean logY,
                         PlotStyle style, boolean legend, AxisRange lossHint, AxisRange lrHint, long xMax) {
        List<RacerSnapshot> racers = frame.racers();
        while (tracks.size() > racers.size()) {
            tracks.remove(tracks.size() - 1);
        }
        while (tracks.size() < racers.size()) {
            tracks.add(new Track());
        }
        for (int k = 0; k < racers.size(); k++) {
            Track tr = tracks.get(k);
            tr.clear();
            tr.stats.scan(racers.get(k).trace(), 0, racers.get(k).trace().size());
            tr.ink = ink(racers.get(k).colour(), style);
        }
        Ranges r = ranges(racers, logY);
        key = new Key(width, height, logY, style, legend, identities(racers), xMax, r.lrLog(), r.floor());
        gc.setFill(style.background());
        gc.fillRect(0, 0, width, height);
        double s = style.scale();
        double legendH = legend ? legendHeight(racers, width - LEFT * s - RIGHT * s, style) : 0;
        double top = legendH + TOP * s;
        double plotW = width - LEFT * s - RIGHT * s;
        double lossH = (height - top - GAP * s - BOTTOM * s) * 0.68;
        double lrH = (height - top - GAP * s - BOTTOM * s) - lossH;
        AxisRange lossRange = lossHint != null ? lossHint.widenedFor(r.lossLo(), r.lossHi())
                : AxisRange.fit(r.lossLo(), r.lossHi());
        AxisRange lrRange = lrHint != null ? lrHint.widenedFor(r.lrLo(), r.lrHi()) : AxisRange.fit(r.lrLo(), r.lrHi());
        loss = new PlotArea(LEFT * s, top, plotW, lossH, xMax, lossRange, logY);
        lr = new PlotArea(LEFT * s, top + lossH + GAP * s, plotW, lrH, xMax, lrRange, r.lrLog());
        if (plotW < 20 || lossH < 20) {
            return;
        }
        if (legend) {
            legend(gc, racers, LEFT * s, 4 * s, plotW, style);
        }
        String lossTitle = logY ? (r.floor() != 0 ? "loss - min (log scale)" : "loss (log scale)") : "loss";
        axes(gc, loss, lossTitle, false, style);
        axes(gc, lr, r.lrLog() ? "learning rate (log scale)" : "learning rate", true, style);
        for (int k = 0; k < racers.size(); k++) {
            Track tr = tracks.get(k);
            TraceSnapshot t = racers.get(k).trace();
            feed(tr, t, 0, Math.max(0, t.size() - 1));
            strokeNew(gc, tr, t, style);
        }
        for (RacerSnapshot t : racers) {
            if (t.diverged()) {
                divergence(gc, t, style);
            }
        }
    }

    private static long xMax(RaceSnapshot frame) {
        return Ticks.niceMax(steps(frame), 10);
    }

    private static long steps(RaceSnapshot frame) {
        long steps = 0;
        for (RacerSnapshot t : frame.racers()) {
            steps = Math.max(steps, t.stepsRun());
        }
        return steps;
    }

    private static List<String> identities(List<RacerSnapshot> racers) {
        List<String> out = new ArrayList<>(racers.size());
        for (RacerSnapshot r : racers) {
            out.add(r.label() + "\u0000" + r.colour() + "\u0000" + r.divergedAt());
        }
        return out;
    }

    private static double lossValue(double v, boolean logY, double floor) {
        if (!logY) {
            return v;
        }
        double shifted = v - floor;
        return Math.log10(Math.max(shifted, 1e-300) + (floor != 0 ? 1e-12 : 0));
    }

    private double lrValue(double v) {
        return key.lrLog() ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    /** Feeds the kept points [from, to) of {@code t} into the racer's tracks. */
    private void feed(Track tr, TraceSnapshot t, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = loss.px(t.step(i));
            double l = lossValue(t.value(LOSS, i), key.logY(), key.floor());
            if (Double.isFinite(l)) {
                tr.loss.add(x, clampY(loss, l));
            }
            double r = lrValue(t.value(LR, i));
            if (Double.isFinite(r)) {
                tr.lr.add(x, clampY(lr, r));
            }
        }
        if (to > tr.used) {
            tr.used = to;
            tr.lastStep = t.step(to - 1);
            tr.lastLoss = t.value(LOSS, to - 1);
        }
    }

    private static double clampY(PlotArea p, double v) {
        return Math.max(p.y(), Math.min(p.y() + p.h(), p.py(v)));
    }

    /** Strokes each curve from its last stroked vertex through the new ones, its open column and the newest point. */
    private void strokeNew(GraphicsContext gc, Track tr, TraceSnapshot t, PlotStyle style) {
        gc.setStroke(tr.ink);
        gc.setLineWidth(1.5 * style.scale());
        gc.setLineJoin(StrokeLineJoin.BEVEL);
        gc.setLineCap(StrokeLineCap.SQUARE);
        boolean hasNewest = !t.isEmpty();
        double x = hasNewest ? loss.px(t.step(t.size() - 1)) : 0;
        double l = hasNewest ? lossValue(t.value(LOSS, t.size() - 1), key.logY(), key.floor()) : Double.NaN;
        double r = hasNewest ? lrValue(t.value(LR, t.size() - 1)) : Double.NaN;
        tr.lossStroked = stroke(gc, tr.loss, tr.lossStroked, Double.isFinite(l), x, Double.isFinite(l) ? clampY(loss, l) : 0);
        tr.lrStroked = stroke(gc, tr.lr, tr.lrStroked, Double.isFinite(r), x, Double.isFinite(r) ? clampY(lr, r) : 0);
        tr.drawnNewest = t.lastStepNumber();
    }

    /** Strokes committed vertices from {@code stroked - 1} on plus the open column; returns the new stroked count. */
    private int stroke(GraphicsContext gc, M4Track track, int stroked, boolean withPoint, double x, double y) {
        int from = Math.max(0, stroked - 1);
        int committed = track.size();
        int open = track.open(withPoint, x, y, openX, openY);
        int n = committed - from + open;
        if (n < 1) {
            return committed;
        }
        if (pieceX.length < n) {
            pieceX = new double[Math.max(n, 2 * pieceX.length)];
            pieceY = new double[pieceX.length];
        }
        int m = 0;
        for (int i = from; i < committed; i++) {
            m = vertex(track.xs()[i], track.ys()[i], m);
        }
        for (int i = 0; i < open; i++) {
            m = vertex(openX[i], openY[i], m);
        }
        if (m == 1) {
            // a single point (the first step): a dot-sized segment, so it shows
            pieceX[1] = pieceX[0] + 0.5;
            pieceY[1] = pieceY[0];
            m = 2;
        }
        gc.strokePolyline(pieceX, pieceY, m);
        return committed;
    }

    /** Appends a vertex to the piece; a flat run (a constant learning rate) becomes one segment. */
    private int vertex(double x, double y, int m) {
        if (m > 1 && pieceY[m - 1] == y && pieceY[m - 2] == y && pieceX[m - 1] > pieceX[m - 2] && x > pieceX[m - 1]) {
            pieceX[m - 1] = x;
            return m;
        }
        pieceX[m] = x;
        pieceY[m] = y;
        return m + 1;
    }

    private static void axes(GraphicsContext gc, PlotArea p, String title, boolean xLabels, PlotStyle style) {
        double s = style.scale();
        gc.setFont(Font.font(11 * s));
        gc.setLineWidth(1);
        gc.setStroke(style.grid());
        gc.setFill(style.foreground());
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        AxisRange r = p.range();
        List<Double> yTicks = p.log()
                ? Ticks.log(r.min(), r.max(), p.h() / (r.max() - r.min()), TICK_PIXELS * s)
                : Ticks.nice(r.min(), r.max(), 4);
        for (double t : yTicks) {
            double y = p.py(t);
            gc.strokeLine(p.x(), y, p.x() + p.w(), y);
            gc.fillText(p.log() ? Ticks.logLabel(t) : Ticks.label(t), p.x() - 6, y);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double t : Ticks.nice(0, p.xMax(), 5)) {
            double x = p.px(t);
            gc.strokeLine(x, p.y(), x, p.y() + p.h());
            if (xLabels) {
                // the last label ends at the panel's edge instead of running off the canvas
                boolean last = t >= p.xMax();
                gc.setTextAlign(last ? TextAlignment.RIGHT : TextAlignment.CENTER);
                gc.fillText(Ticks.label(t), last ? x + 4 : x, p.y() + p.h() + 4);
            }
        }
        gc.setStroke(style.foreground());
        gc.strokeRect(p.x(), p.y(), p.w(), p.h());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setFont(Font.font(12 * s));
        gc.fillText(title, p.x(), p.y() - 4);
        if (xLabels) {
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText("step", p.x() + p.w(), p.y() - 4);
        }
    }

    static String legendText(RacerSnapshot r) {
        return r.diverged() ? r.label() + " \u00b7 diverged at " + r.divergedAt() : r.label();
    }

    private static double[] legendWidths(List<RacerSnapshot> racers, PlotStyle style) {
        double s = style.scale();
        Text probe = new Text();
        probe.setFont(Font.font(11 * s));
        double[] widths = new double[racers.size()];
        for (int i = 0; i < racers.size(); i++) {
            probe.setText(legendText(racers.get(i)));
            widths[i] = SWATCH * s + 5 * s + probe.getLayoutBounds().getWidth();
        }
        return widths;
    }

    private static double legendHeight(List<RacerSnapshot> racers, double width, PlotStyle style) {
        LegendLayout l = LegendLayout.of(legendWidths(racers, style), 12 * style.scale(), width);
        return l.rowCount() * LEGEND_ROW * style.scale();
    }

    /** Swatch (a short line with a dot, a cross when diverged) and label per racer, in rows. */
    private void legend(GraphicsContext gc, List<RacerSnapshot> racers, double x0, double y0, double width,
                        PlotStyle style) {
        double s = style.scale();
        LegendLayout l = LegendLayout.of(legendWidths(racers, style), 12 * s, width);
        gc.setFont(Font.font(11 * s));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i < racers.size(); i++) {
            RacerSnapshot r = racers.get(i);
            double x = x0 + l.xs()[i];
            double y = y0 + (l.rows()[i] + 0.5) * LEGEND_ROW * s;
            Color c = tracks.get(i).ink;
            gc.setStroke(c);
            gc.setLineWidth(2.5 * s);
            gc.strokeLine(x + 1 * s, y, x + SWATCH * s - 1 * s, y);
            double mid = x + SWATCH * s / 2;
            double rad = 3.5 * s;
            if (r.diverged()) {
                gc.setLineWidth(2 * s);
                gc.strokeLine(mid - rad, y - rad, mid + rad, y + rad);
                gc.strokeLine(mid - rad, y + rad, mid + rad, y - rad);
            } else {
                gc.setFill(c);
                gc.fillOval(mid - rad, y - rad, 2 * rad, 2 * rad);
                gc.setStroke(style.foreground());
                gc.setLineWidth(0.8);
                gc.strokeOval(mid - rad, y - rad, 2 * rad, 2 * rad);
            }
            gc.setFill(r.diverged() ? DIVERGED : style.foreground());
            gc.fillText(legendText(r), x + SWATCH * s + 5 * s, y);
        }
    }

    /** A racer's colour made readable on the plot background (white racers on white, say). */
    static Color ink(String colour, PlotStyle style) {
        Color c = Color.web(colour);
        boolean darkBackground = style.background().getBrightness() < 0.5;
        if (darkBackground) {
            return c.getBrightness() < 0.35 ? c.deriveColor(0, 1, 1, 1).brighter().brighter() : c;
        }
        return c.getBrightness() > 0.85 && c.getSaturation() < 0.2 ? Color.gray(0.55) : c.deriveColor(0, 1, 0.85, 1);
    }

    private void divergence(GraphicsContext gc, RacerSnapshot t, PlotStyle style) {
        if (t.trace().isEmpty()) {
            return;
        }
        double s = style.scale();
        double x = loss.px(t.divergedAt());
        double v = lossValue(t.trace().value(LOSS, t.trace().size() - 1), key.logY(), key.floor());
        double y = Double.isFinite(v) ? loss.py(v) : loss.y() + 10;
        y = Math.max(loss.y() + 8, Math.min(loss.y() + loss.h() - 8, y));
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
        boolean left = x > loss.x() + loss.w() * 0.6;
        gc.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        gc.fillText(text, left ? x - r - 4 : x + r + 4, y);
    }
}
