package dev.descent.ui.network;

import dev.descent.core.race.TrainingRaceEpoch;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per racer and epoch: loss (training dashed, validation solid; log axis), accuracy (same
 * strokes) and the learning rate, stacked over one epoch axis. A filled dot marks each racer's
 * best validation-loss epoch; an X marks where early stopping ended a racer's run.
 */
public final class MetricCurvesView extends CanvasPane {
    public static final String ID = "metricCurves";
    private NetworkFrame frame;
    private int plannedEpochs = 1;
    private boolean classification = true;
    private boolean raceFinished;

    public MetricCurvesView() {
        super(ID, 220, 200);
    }

    /**
     * @param finished whether the race has ended (a racer behind the others is marked stopped
     *                 once the race ends or the others have gone further)
     */
    public void show(NetworkFrame f, int epochs, boolean isClassification, boolean finished) {
        if (f == frame && epochs == plannedEpochs && isClassification == classification && finished == raceFinished) {
            return;
        }
        raceFinished = finished;
        frame = f;
        plannedEpochs = epochs;
        classification = isClassification;
        repaint();
    }

    @Override
    void paint(GraphicsContext gc, double w, double h) {
        if (frame == null) {
            return;
        }
        int maxEpoch = 1;
        for (RacerFrame r : frame.racers()) {
            if (r.lastEpoch() != null) {
                maxEpoch = Math.max(maxEpoch, r.lastEpoch().epoch());
            }
        }
        int panels = classification ? 3 : 2;
        double ph = h / panels;
        panel(gc, 0, w, ph, maxEpoch, "loss (train - -, validation —), log", true,
                TrainingRaceEpoch::trainLoss, TrainingRaceEpoch::valLoss, true);
        if (classification) {
            panel(gc, ph, w, ph, maxEpoch, "accuracy (train - -, validation —)", false,
                    TrainingRaceEpoch::trainAccuracy, TrainingRaceEpoch::valAccuracy, false);
        }
        panel(gc, ph * (panels - 1), w, ph, maxEpoch, "learning rate (last step of each epoch), log", true,
                null, TrainingRaceEpoch::learningRate, false);
    }

    private void panel(GraphicsContext gc, double top, double w, double h, int maxEpoch, String name, boolean log,
                       ToDoubleFunction<TrainingRaceEpoch> dashed, ToDoubleFunction<TrainingRaceEpoch> solid,
                       boolean markers) {
        double left = 52;
        double right = w - 10;
        double y0 = top + 18;
        double y1 = top + h - 18;
        if (y1 - y0 < 10) {
            return;
        }
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
        gc.setStroke(AXIS);
        gc.setLineWidth(1);
        gc.strokeLine(left, y1, right, y1);
        gc.strokeLine(left, y0, left, y1);
        title(gc, name, left + 4, top + 13);
        if (!Double.isFinite(lo)) {
            return;
        }
        if (hi - lo < 1e-12) {
            hi = lo + (log ? 0.5 : Math.max(1e-6, Math.abs(lo) * 0.1));
            lo -= log ? 0.5 : 0;
        }
        final double fLo = lo;
        final double fHi = hi;
        gc.setFill(TEXT);
        gc.fillText(fmt(log ? Math.pow(10, hi) : hi), 2, y0 + 8);
        gc.fillText(fmt(log ? Math.pow(10, lo) : lo), 2, y1);
        gc.fillText("epoch " + maxEpoch, right - 60, y1 + 13);
        java.util.function.IntToDoubleFunction px = ep -> left + (right - left) * (maxEpoch <= 1 ? 1 : (ep - 1.0) / (maxEpoch - 1));
        java.util.function.DoubleUnaryOperator py = v -> y1 - ((log ? Math.log10(v) : v) - fLo) / (fHi - fLo) * (y1 - y0);
        for (RacerFrame r : frame.racers()) {
            Color c = Color.web(r.colour());
            gc.setStroke(c);
            if (dashed != null) {
                gc.setLineDashes(5, 4);
                line(gc, r.epochs(), dashed, px, py, log);
                gc.setLineDashes((double[]) null);
            }
            line(gc, r.epochs(), solid, px, py, log);
            if (markers && !r.epochs().isEmpty()) {
                TrainingRaceEpoch best = null;
                for (TrainingRaceEpoch e : r.epochs()) {
                    double v = Double.isNaN(e.valLoss()) ? e.trainLoss() : e.valLoss();
                    double bv = best == null ? Double.POSITIVE_INFINITY
                            : Double.isNaN(best.valLoss()) ? best.trainLoss() : best.valLoss();
                    if (Double.isFinite(v) && v < bv) {
                        best = e;
                    }
                }
                if (best != null) {
                    double v = Double.isNaN(best.valLoss()) ? best.trainLoss() : best.valLoss();
                    double x = px.applyAsDouble(best.epoch());
                    double y = py.applyAsDouble(v);
                    gc.setFill(c);
                    gc.fillOval(x - 4, y - 4, 8, 8);
                    gc.setStroke(Color.BLACK);
                    gc.setLineWidth(1);
                    gc.strokeOval(x - 4, y - 4, 8, 8);
                }
                TrainingRaceEpoch last = r.lastEpoch();
                if (r.divergedMessage() == null && last.epoch() < plannedEpochs && (raceFinished || last.epoch() < maxEpoch)) {
                    double x = px.applyAsDouble(last.epoch());
                    double v = Double.isNaN(last.valLoss()) ? last.trainLoss() : last.valLoss();
                    double y = Double.isFinite(v) && v > 0 ? py.applyAsDouble(v) : y1;
                    gc.setStroke(c.darker());
                    gc.setLineWidth(2.5);
                    gc.strokeLine(x - 6, y - 6, x + 6, y + 6);
                    gc.strokeLine(x - 6, y + 6, x + 6, y - 6);
                    gc.fillText("stopped", Math.min(x - 18, right - 44), y - 9);
                }
            }
        }
    }

    private static void line(GraphicsContext gc, List<TrainingRaceEpoch> epochs, ToDoubleFunction<TrainingRaceEpoch> f,
                             java.util.function.IntToDoubleFunction px, java.util.function.DoubleUnaryOperator py,
                             boolean log) {
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
        gc.setLineWidth(1.8);
        gc.strokePolyline(xs, ys, m);
    }
}
