package dev.descent.ui.network;

import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.ParameterLayout;
import dev.descent.core.race.TrainingRaceEpoch;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The "inside the network" plots of the selected racer. */
public final class InsideViews {
    private InsideViews() {
    }

    private static final Color[] LAYER = {Color.web("#1b9e77"), Color.web("#d95f02"), Color.web("#7570b3"),
            Color.web("#e7298a"), Color.web("#66a61e"), Color.web("#e6ab02"), Color.web("#a6761d"),
            Color.web("#666666"), Color.web("#000000")};

    static Color layerColour(int l) {
        return LAYER[Math.min(l, LAYER.length - 1)];
    }

    /**
     * Per dense layer, the mean over each epoch's steps of ||dL/dW_l||_2, on a log axis: with
     * sigmoid in deep nets the first layers' norms fall decades below the last (vanishing
     * gradients); a too-large init makes them explode.
     */
    public static final class GradientNorms extends CanvasPane {
        public static final String ID = "gradientNorms";
        private RacerFrame racer;

        public GradientNorms() {
            super(ID, 160, 120);
        }

        public void show(RacerFrame r) {
            if (r != racer) {
                racer = r;
                repaint();
            }
        }

        @Override
        void paint(GraphicsContext gc, double w, double h) {
            title(gc, "gradient norm per layer ||dL/dW||, log", 6, 13);
            if (racer == null || racer.epochs().isEmpty()) {
                return;
            }
            int layers = racer.spec().layers();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (TrainingRaceEpoch e : racer.epochs()) {
                for (double v : e.gradientNorms()) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, Math.log10(v));
                        hi = Math.max(hi, Math.log10(v));
                    }
                }
            }
            if (!Double.isFinite(lo)) {
                return;
            }
            if (hi - lo < 0.5) {
                hi += 0.25;
                lo -= 0.25;
            }
            double left = 48;
            double right = w - 8;
            double top = 22;
            double bottom = h - 16;
            gc.setStroke(AXIS);
            gc.strokeLine(left, bottom, right, bottom);
            gc.strokeLine(left, top, left, bottom);
            gc.setFill(TEXT);
            gc.fillText(fmt(Math.pow(10, hi)), 2, top + 8);
            gc.fillText(fmt(Math.pow(10, lo)), 2, bottom);
            int n = racer.epochs().size();
            for (int l = 0; l < layers; l++) {
                double[] xs = new double[n];
                double[] ys = new double[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    double v = racer.epochs().get(i).gradientNorms()[l];
                    if (v > 0 && Double.isFinite(v)) {
                        xs[m] = left + (right - left) * (n == 1 ? 1 : (double) i / (n - 1));
                        ys[m] = bottom - (Math.log10(v) - lo) / (hi - lo) * (bottom - top);
                        m++;
                    }
                }
                gc.setStroke(layerColour(l));
                gc.setLineWidth(1.8);
                gc.strokePolyline(xs, ys, m);
                gc.setFill(layerColour(l));
                gc.fillText(l == layers - 1 ? "out" : "L" + (l + 1), right - 30 - 30 * (layers - 1 - l), bottom + 13);
            }
        }
    }

    /**
     * Per hidden layer, a histogram of its activations on the evaluation rows now (see
     * {@link ActivationHistograms}), one row per layer with its range, mean and std: saturated
     * tanh/sigmoid layers pile up at the ends, a too-small init shrinks the spread layer after
     * layer, dead ReLUs pile up at 0.
     */
    public static final class Activations extends CanvasPane {
        public static final String ID = "activations";
        private RacerFrame racer;

        public Activations() {
            super(ID, 160, 120);
        }

        public void show(RacerFrame r) {
            if (r != racer) {
                racer = r;
                repaint();
            }
        }

        @Override
        void paint(GraphicsContext gc, double w, double h) {
            title(gc, "activation histograms per hidden layer", 6, 13);
            if (racer == null || racer.histograms().isEmpty()) {
                if (racer != null) {
                    title(gc, "no hidden layer", 6, 30);
                }
                return;
            }
            int layers = racer.histograms().size();
            double top = 20;
            double rowH = (h - top - 4) / layers;
            double left = 8;
            double right = w - 8;
            for (int l = 0; l < layers; l++) {
                LayerHistogram hist = racer.histograms().get(l);
                double y0 = top + l * rowH;
                double base = y0 + rowH - 14;
                double barTop = y0 + 12;
                int max = 1;
                for (int c : hist.counts()) {
                    max = Math.max(max, c);
                }
                double bw = (right - left) / hist.counts().length;
                gc.setFill(layerColour(l).deriveColor(0, 1, 1, 0.7));
                for (int b = 0; b < hist.counts().length; b++) {
                    double bh = (base - barTop) * hist.counts()[b] / max;
                    gc.fillRect(left + b * bw, base - bh, Math.max(1, bw - 1), bh);
                }
                gc.setStroke(AXIS);
                gc.setLineWidth(1);
                gc.strokeLine(left, base, right, base);
                gc.setFill(TEXT);
                gc.fillText("L" + (l + 1) + "  mean " + fmt(hist.mean()) + "  std " + fmt(hist.std()), left, y0 + 10);
                gc.fillText(fmt(hist.lo()), left, base + 12);
                String hi = fmt(hist.hi());
                gc.fillText(hi, right - hi.length() * 6, base + 12);
            }
        }
    }

    /**
     * The network as a graph: a column of units per layer, every weight an edge coloured by
     * sign (blue positive, red negative) with width and opacity by |w| relative to the largest.
     * Layers wider than 24 units are drawn with their first 24.
     */
    public static final class NetworkDrawing extends CanvasPane {
        public static final String ID = "networkDrawing";
        private static final int MAX_UNITS = 24;
        private RacerFrame racer;

        public NetworkDrawing() {
            super(ID, 160, 120);
        }

        public void show(RacerFrame r) {
            if (r != racer) {
                racer = r;
                repaint();
            }
        }

        @Override
        void paint(GraphicsContext gc, double w, double h) {
            title(gc, "weights (blue +, red -, width |w|)", 6, 13);
            if (racer == null) {
                return;
            }
            MlpSpec spec = racer.spec();
            ParameterLayout layout = new ParameterLayout(spec);
            double[] p = racer.parameters();
            int columns = spec.layers() + 1;
            double left = 20;
            double right = w - 20;
            double top = 26;
            double bottom = h - 10;
            double maxW = 1e-12;
            for (int l = 0; l < spec.layers(); l++) {
                for (int i = 0; i < layout.weightCount(l); i++) {
                    maxW = Math.max(maxW, Math.abs(p[layout.weight(l) + i]));
                }
            }
            for (int l = 0; l < spec.layers(); l++) {
                int in = spec.fanIn(l);
                int out = spec.fanOut(l);
                double x0 = left + (right - left) * l / (columns - 1);
                double x1 = left + (right - left) * (l + 1) / (columns - 1);
                for (int i = 0; i < Math.min(in, MAX_UNITS); i++) {
                    for (int j = 0; j < Math.min(out, MAX_UNITS); j++) {
                        double v = p[layout.weight(l) + i * out + j];
                        double a = Math.abs(v) / maxW;
                        gc.setStroke((v >= 0 ? Color.web("#2166ac") : Color.web("#b2182b")).deriveColor(0, 1, 1,
                                0.15 + 0.85 * a));
                        gc.setLineWidth(0.3 + 3 * a);
                        gc.strokeLine(x0, y(i, in, top, bottom), x1, y(j, out, top, bottom));
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                int units = c == 0 ? spec.inputs() : spec.fanOut(c - 1);
                double x = left + (right - left) * c / (columns - 1);
                for (int i = 0; i < Math.min(units, MAX_UNITS); i++) {
                    double y = y(i, units, top, bottom);
                    gc.setFill(Color.WHITE);
                    gc.fillOval(x - 4, y - 4, 8, 8);
                    gc.setStroke(Color.web("#333333"));
                    gc.setLineWidth(1);
                    gc.strokeOval(x - 4, y - 4, 8, 8);
                }
                if (units > MAX_UNITS) {
                    gc.setFill(TEXT);
                    gc.fillText(units + "", x - 8, bottom + 2);
                }
            }
        }

        private static double y(int i, int units, double top, double bottom) {
            int shown = Math.min(units, MAX_UNITS);
            return top + (bottom - top) * (i + 0.5) / shown;
        }
    }

    /** The LR range test: minibatch loss (grey) and its smoothed curve against the rate on a log axis, the suggestion marked. */
    public static final class LrRange extends CanvasPane {
        public static final String ID = "lrRange";
        private LrRangeResult result;

        public LrRange() {
            super(ID, 160, 120);
        }

        public void show(LrRangeResult r) {
            if (r != result) {
                result = r;
                repaint();
            }
        }

        @Override
        void paint(GraphicsContext gc, double w, double h) {
            title(gc, "LR range test: loss vs lr (log)", 6, 13);
            if (result == null || result.learningRates().length < 2) {
                title(gc, "press \"LR range test\"", 6, 30);
                return;
            }
            double[] lr = result.learningRates();
            double[] loss = result.losses();
            double[] sm = result.smoothed();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : sm) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!Double.isFinite(lo)) {
                return;
            }
            // clip the blow-up: show up to 3x the first smoothed loss
            hi = Math.min(hi, Math.max(lo * 1.01, 3 * sm[0]));
            double left = 46;
            double right = w - 8;
            double top = 22;
            double bottom = h - 18;
            double lx0 = Math.log10(lr[0]);
            double lx1 = Math.log10(lr[lr.length - 1]);
            final double fLo = lo;
            final double fHi = hi;
            java.util.function.DoubleUnaryOperator px = v -> left + (Math.log10(v) - lx0) / (lx1 - lx0) * (right - left);
            java.util.function.DoubleUnaryOperator py = v -> Math.max(top, Math.min(bottom,
                    bottom - (v - fLo) / (fHi - fLo) * (bottom - top)));
            gc.setStroke(AXIS);
            gc.strokeLine(left, bottom, right, bottom);
            gc.strokeLine(left, top, left, bottom);
            gc.setFill(TEXT);
            gc.fillText(fmt(lr[0]), left, bottom + 13);
            gc.fillText(fmt(lr[lr.length - 1]), right - 40, bottom + 13);
            gc.fillText(fmt(hi), 2, top + 8);
            gc.fillText(fmt(lo), 2, bottom);
            curve(gc, lr, loss, px, py, Color.web("#bbbbbb"), 1);
            curve(gc, lr, sm, px, py, Color.web("#1f77b4"), 2);
            if (!Double.isNaN(result.suggestedMaxLr())) {
                double x = px.applyAsDouble(result.suggestedMaxLr());
                double xm = px.applyAsDouble(lr[result.minLossIndex()]);
                gc.setStroke(Color.web("#2ca02c"));
                gc.setLineWidth(2);
                gc.strokeLine(x, top, x, bottom);
                gc.setStroke(Color.web("#999999"));
                gc.setLineDashes(4, 4);
                gc.strokeLine(xm, top, xm, bottom);
                gc.setLineDashes((double[]) null);
                gc.setFill(Color.web("#2ca02c"));
                String text = "max lr " + fmt(result.suggestedMaxLr());
                gc.fillText(text, x - 4 - text.length() * 6 > left ? x - 4 - text.length() * 6 : x + 4, top + 12);
            }
        }

        private static void curve(GraphicsContext gc, double[] xs, double[] ys, java.util.function.DoubleUnaryOperator px,
                                  java.util.function.DoubleUnaryOperator py, Color c, double width) {
            double[] a = new double[xs.length];
            double[] b = new double[xs.length];
            int m = 0;
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(ys[i])) {
                    a[m] = px.applyAsDouble(xs[i]);
                    b[m] = py.applyAsDouble(ys[i]);
                    m++;
                }
            }
            gc.setStroke(c);
            gc.setLineWidth(width);
            gc.strokePolyline(a, b, m);
        }
    }
}
