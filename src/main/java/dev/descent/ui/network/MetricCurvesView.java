package dev.descent.ui.network;

import dev.descent.core.race.TrainingRaceEpoch;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Per racer and epoch: loss (training dashed, validation solid; log axis), accuracy (same
 * strokes) and the learning rate, stacked over one epoch axis, with nice ticks and grid lines
 * and a legend of the racers on top. A filled dot marks each racer's best validation-loss epoch;
 * an X marks the epoch after which early stopping ended a racer (the engine's own record,
 * {@link RacerFrame#stoppedAt()}: a racer with fewer epochs is not thereby stopped, e.g. a
 * large-batch racer in lock-step with a small-batch one).
 */
public final class MetricCurvesView extends CanvasPane {
    public static final String ID = "metricCurves";
    private NetworkFrame frame;
    private boolean classification = true;

    public MetricCurvesView() {
        super(ID, 220, 200);
    }

    /** Shows {@code f}; repaints only when something changed. */
    public void show(NetworkFrame f, boolean isClassification) {
        if (f == frame && isClassification == classification) {
            return;
        }
        frame = f;
        classification = isClassification;
        repaint();
    }

    /** Where early stopping ended racer {@code r}, as the engine recorded it, or null. */
    static Integer stopMarkerEpoch(RacerFrame r) {
        return r.divergedMessage() == null ? r.stoppedAt() : null;
    }

    @Override
    void paint(GraphicsContext gc, double w, double h) {
        if (frame == null) {
            return;
        }
        double pad = 6 * scale();
        double top = legend(gc, pad, pad, w - 2 * pad);
        int maxEpoch = 1;
        for (RacerFrame r : frame.racers()) {
            if (r.lastEpoch() != null) {
                maxEpoch = Math.max(maxEpoch, r.lastEpoch().epoch());
            }
        }
        int panels = classification ? 3 : 2;
        double axisH = lineHeight() * 2.2;
        double ph = (h - top - axisH) / panels;
        List<Panel> list = new ArrayList<>();
        list.add(new Panel("loss (train - -, validation —)  ● best  ✕ early stop", true,
                TrainingRaceEpoch::trainLoss, TrainingRaceEpoch::valLoss, true));
        if (classification) {
            list.add(new Panel("accuracy (train - -, validation —)", false,
                    TrainingRaceEpoch::trainAccuracy, TrainingRaceEpoch::valAccuracy, false));
        }
        list.add(new Panel("learning rate (end of each epoch)", true, null, TrainingRaceEpoch::learningRate, false));
        int yTarget = Math.max(2, (int) ((ph - lineHeight()) / (28 * scale())));
        List<double[]> ranges = new ArrayList<>();
        List<List<AxisTicks.Tick>> ticks = new ArrayList<>();
        double labelW = textWidth("0.0");
        for (Panel p : list) {
            double[] range = p.range(frame);
            List<AxisTicks.Tick> t = range == null ? List.of() : p.ticks(range, yTarget);
            ranges.add(range);
            ticks.add(t);
            for (AxisTicks.Tick tick : t) {
                labelW = Math.max(labelW, textWidth(tick.label()));
            }
        }
        double left = pad + labelW + 6 * scale();
        double right = w - pad - textWidth(Integer.toString(maxEpoch)) / 2;
        for (int i = 0; i < list.size(); i++) {
            panel(gc, list.get(i), ranges.get(i), ticks.get(i), top + i * ph, ph, left, right, maxEpoch,
                    i == list.size() - 1);
        }
    }

    private record Panel(String name, boolean log, ToDoubleFunction<TrainingRaceEpoch> dashed,
                         ToDoubleFunction<TrainingRaceEpoch> solid, boolean markers) {
        double[] range(NetworkFrame frame) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (RacerFrame r : frame.racers()) {
                for (TrainingRaceEpoch e : r.epochs()) {
                    for (ToDoubleFunction<TrainingRaceEpoch> f : dashed == null ? List.of(solid) : List.of(dashed, solid)) {
                        double v = f.applyAsDouble(e);
                        if (Double.isFinite(v) && (!log || v > 0)) {
                            lo = Math.min(lo, log ? Math.log10(v) : v);
                            hi = Math.max(hi, log ? Math.log10(v) : v);
                        }
                    }
                }
            }
            if (!Double.isFinite(lo)) {
                return null;
            }
            if (hi - lo < 1e-12) {
                double d = log ? 0.15 : Math.max(1e-6, Math.abs(lo) * 0.05);
                return new double[] {lo - d, hi + d};
            }
            double margin = (hi - lo) * 0.04;
            return new double[] {lo - margin, hi + margin};
        }

        List<AxisTicks.Tick> ticks(double[] range, int target) {
            return log ? AxisTicks.log(range[0], range[1], target) : AxisTicks.linear(range[0], range[1], target);
        }
    }

    /** The racers' colours and labels in rows across the top; returns the y below them. */
    private double legend(GraphicsContext gc, double x0, double y0, double width) {
        double row = lineHeight() * 1.15;
        double swatch = 16 * scale();
        double x = x0;
        double y = y0;
        gc.setTextBaseline(VPos.CENTER);
        for (RacerFrame r : frame.racers()) {
            double entry = swatch + 4 * scale() + textWidth(r.label()) + 12 * scale();
            if (x > x0 && x + entry > x0 + width) {
                x = x0;
                y += row;
            }
            Color c = Color.web(r.colour());
            gc.setStroke(c);
            gc.setLineWidth(line(3));
            gc.strokeLine(x, y + row / 2, x + swatch, y + row / 2);
            gc.setFill(ink());
            gc.fillText(r.label(), x + swatch + 4 * scale(), y + row / 2);
            x += entry;
        }
        gc.setTextBaseline(VPos.BASELINE);
        return y + row + 2 * scale();
    }

    private void panel(GraphicsContext gc, Panel p, double[] range, List<AxisTicks.Tick> yTicks, double top, double h,
                       double left, double right, int maxEpoch, boolean epochAxis) {
        double y0 = top + lineHeight() + 2 * scale();
        double y1 = top + h - 4 * scale();
        if (y1 - y0 < 10) {
            return;
        }
        gc.setFill(ink());
        gc.fillText(p.name() + (p.log() ? ", log" : ""), left + 2 * scale(), top + lineHeight() * 0.85);
        List<AxisTicks.Tick> xTicks = AxisTicks.linear(1, Math.max(2, maxEpoch), Math.max(2, (int) ((right - left)
                / (70 * scale()))));
        DoubleUnaryOperator px = ep -> left + (right - left) * (maxEpoch <= 1 ? 1 : (ep - 1.0) / (maxEpoch - 1));
        gc.setStroke(grid());
        gc.setLineWidth(1);
        for (AxisTicks.Tick t : xTicks) {
            if (t.at() <= maxEpoch && t.at() == Math.rint(t.at())) {
                double x = Math.round(px.applyAsDouble(t.at())) + 0.5;
                gc.strokeLine(x, y0, x, y1);
            }
        }
        if (range != null) {
            double lo = range[0];
            double hi = range[1];
            DoubleUnaryOperator py = v -> y1 - ((p.log() ? Math.log10(v) : v) - lo) / (hi - lo) * (y1 - y0);
            DoubleUnaryOperator pyAxis = a -> y1 - (a - lo) / (hi - lo) * (y1 - y0);
            yGrid(gc, yTicks, pyAxis, left, right);
            // no clip: every value lies inside the range, and a canvas clip makes the software
            // renderer draw each curve through a mask (several times slower)
            for (RacerFrame r : frame.racers()) {
                curves(gc, p, r, px, py);
            }
            if (p.markers()) {
                for (RacerFrame r : frame.racers()) {
                    markers(gc, r, px, py, y1);
                }
            }
        }
        gc.setStroke(axis());
        gc.setLineWidth(1);
        gc.strokeLine(left, y1, right, y1);
        gc.strokeLine(left, y0, left, y1);
        if (epochAxis) {
            gc.setFill(ink());
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            for (AxisTicks.Tick t : xTicks) {
                if (t.at() <= maxEpoch && t.at() == Math.rint(t.at())) {
                    gc.fillText(t.label(), px.applyAsDouble(t.at()), y1 + 3 * scale());
                }
            }
            gc.fillText("epoch", (left + right) / 2, y1 + 3 * scale() + lineHeight());
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BASELINE);
        }
    }

    private void curves(GraphicsContext gc, Panel p, RacerFrame r, DoubleUnaryOperator px, DoubleUnaryOperator py) {
        Color c = Color.web(r.colour());
        gc.setStroke(c);
        if (p.dashed() != null) {
            gc.setLineDashes(5 * scale(), 4 * scale());
            line(gc, r.epochs(), p.dashed(), px, py, p.log());
            gc.setLineDashes((double[]) null);
        }
        line(gc, r.epochs(), p.solid(), px, py, p.log());
    }

    private void markers(GraphicsContext gc, RacerFrame r, DoubleUnaryOperator px, DoubleUnaryOperator py, double y1) {
        if (r.epochs().isEmpty()) {
            return;
        }
        Color c = Color.web(r.colour());
        TrainingRaceEpoch best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (TrainingRaceEpoch e : r.epochs()) {
            double v = monitored(e);
            if (Double.isFinite(v) && v > 0 && v < bestValue) {
                best = e;
                bestValue = v;
            }
        }
        double dot = 4 * scale();
        if (best != null) {
            double x = px.applyAsDouble(best.epoch());
            double y = py.applyAsDouble(bestValue);
            gc.setFill(c);
            gc.fillOval(x - dot, y - dot, 2 * dot, 2 * dot);
            gc.setStroke(ink());
            gc.setLineWidth(line(1));
            gc.strokeOval(x - dot, y - dot, 2 * dot, 2 * dot);
        }
        Integer stopped = stopMarkerEpoch(r);
        if (stopped != null) {
            TrainingRaceEpoch at = null;
            for (TrainingRaceEpoch e : r.epochs()) {
                if (e.epoch() == stopped) {
                    at = e;
                }
            }
            double v = at == null ? Double.NaN : monitored(at);
            double x = px.applyAsDouble(stopped);
            double y = Double.isFinite(v) && v > 0 ? py.applyAsDouble(v) : y1;
            double s = 6 * scale();
            gc.setStroke(ink());
            gc.setLineWidth(line(4));
            gc.strokeLine(x - s, y - s, x + s, y + s);
            gc.strokeLine(x - s, y + s, x + s, y - s);
            gc.setStroke(c);
            gc.setLineWidth(line(2.2));
            gc.strokeLine(x - s, y - s, x + s, y + s);
            gc.strokeLine(x - s, y + s, x + s, y - s);
        }
    }

    private static double monitored(TrainingRaceEpoch e) {
        return Double.isNaN(e.valLoss()) ? e.trainLoss() : e.valLoss();
    }

    private void line(GraphicsContext gc, List<TrainingRaceEpoch> epochs, ToDoubleFunction<TrainingRaceEpoch> f,
                      DoubleUnaryOperator px, DoubleUnaryOperator py, boolean log) {
        double[] xs = new double[epochs.size()];
        double[] ys = new double[epochs.size()];
        int m = 0;
        for (TrainingRaceEpoch e : epochs) {
            double v = f.applyAsDouble(e);
            if (Double.isFinite(v) && (!log || v > 0)) {
                xs[m] = px.applyAsDouble(e.epoch());
                ys[m] = py.applyAsDouble(v);
                m++;
            }
        }
        gc.setLineWidth(line(1.8));
        if (m == 1) {
            gc.strokeLine(xs[0] - 2, ys[0], xs[0] + 2, ys[0]);
        }
        strokeCurve(gc, xs, ys, m);
    }
}
