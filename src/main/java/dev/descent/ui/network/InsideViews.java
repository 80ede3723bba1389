package dev.descent.ui.network;

import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.ParameterLayout;
import dev.descent.core.race.TrainingRaceEpoch;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The "inside the network" plots of the selected racer. */
public final class InsideViews {
    private InsideViews() {
    }

    /**
     * Hidden layers L1, L2, ... in ten clearly different hues (Tableau 10); the output layer is
     * drawn in the ink colour so it never shares a hue with a hidden layer.
     */
    private static final Color[] LAYER = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
            Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"),
            Color.web("#17becf"), Color.web("#bcbd22"), Color.web("#7f7f7f")};

    /** Colour of hidden layer {@code l} (0-based); repeats after ten layers. */
    static Color layerColour(int l) {
        return LAYER[Math.floorMod(l, LAYER.length)];
    }

    /** The colour of dense layer {@code l} of {@code layers}, the last being the output layer. */
    static Color denseLayerColour(int l, int layers, Color ink) {
        return l == layers - 1 ? ink : layerColour(l);
    }

    static String denseLayerName(int l, int layers) {
        return l == layers - 1 ? "out" : "L" + (l + 1);
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
            double pad = 6 * scale();
            title(gc, "gradient norm per layer ||dL/dW||, log", pad, lineHeight());
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
            double top = lineHeight() * 1.5;
            double bottom = h - lineHeight() * 1.4;
            List<AxisTicks.Tick> ticks = AxisTicks.log(lo, hi, Math.max(2, (int) ((bottom - top) / (26 * scale()))));
            double labelW = 0;
            for (AxisTicks.Tick t : ticks) {
                labelW = Math.max(labelW, textWidth(t.label()));
            }
            double left = pad + labelW + 5 * scale();
            double right = w - pad;
            final double fLo = lo;
            final double fHi = hi;
            DoubleUnaryOperator py = a -> bottom - (a - fLo) / (fHi - fLo) * (bottom - top);
            yGrid(gc, ticks, py, left, right);
            gc.setStroke(axis());
            gc.setLineWidth(1);
            gc.strokeLine(left, bottom, right, bottom);
            gc.strokeLine(left, top, left, bottom);
            int n = racer.epochs().size();
            for (int l = 0; l < layers; l++) {
                double[] xs = new double[n];
                double[] ys = new double[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    double v = racer.epochs().get(i).gradientNorms()[l];
                    if (v > 0 && Double.isFinite(v)) {
                        xs[m] = left + (right - left) * (n == 1 ? 1 : (double) i / (n - 1));
                        ys[m] = py.applyAsDouble(Math.log10(v));
                        m++;
                    }
                }
                gc.setStroke(denseLayerColour(l, layers, ink()));
                gc.setLineWidth(line(1.8));
                strokeCurve(gc, xs, ys, m);
            }
            // under the plot: the epochs on the left, the layer key L1 L2 ... out on the right
            String span = "epochs 1-" + racer.lastEpoch().epoch();
            double key = 0;
            for (int l = 0; l < layers; l++) {
                key += textWidth(denseLayerName(l, layers)) + 6 * scale();
            }
            gc.setTextBaseline(VPos.TOP);
            gc.setFill(ink());
            double min = left;
            if (key + textWidth(span) + 8 * scale() <= right - left) {
                // the layer key comes first; the epoch span only where there is room
                gc.fillText(span, left, bottom + 2 * scale());
                min = left + textWidth(span) + 8 * scale();
            }
            double x = right;
            gc.setTextAlign(TextAlignment.RIGHT);
            for (int l = layers - 1; l >= 0 && x - textWidth(denseLayerName(l, layers)) >= min; l--) {
                String name = denseLayerName(l, layers);
                gc.setFill(denseLayerColour(l, layers, ink()));
                gc.fillText(name, x, bottom + 2 * scale());
                x -= textWidth(name) + 6 * scale();
            }
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BASELINE);
        }
    }

    /**
     * Per hidden layer, a histogram of its activations on the evaluation rows now (see
     * {@link ActivationHistograms}), as small multiples in a grid: each cell has the layer's
     * name, mean and std beside its bars and the value range under them, and is at least
     * {@link #MIN_CELL_HEIGHT} tall (more columns for deep nets), so eight layers stay readable.
     * Saturated tanh/sigmoid layers pile up at the ends, a too-small init shrinks the spread
     * layer after layer, dead ReLUs pile up at 0.
     */
    public static final class Activations extends CanvasPane {
        public static final String ID = "activations";
        /** Least cell height at scale 1. */
        static final double MIN_CELL_HEIGHT = 54;
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

        /** Columns for {@code layers} cells in a w x h area with cells at least {@code minH} tall. */
        static int columns(int layers, double w, double h, double minH, double minW) {
            int rowsFit = Math.max(1, (int) Math.floor(h / minH));
            int columns = (layers + rowsFit - 1) / rowsFit;
            int widest = Math.max(1, (int) Math.floor(w / minW));
            return Math.max(1, Math.min(columns, Math.min(widest, layers)));
        }

        @Override
        void paint(GraphicsContext gc, double w, double h) {
            double pad = 6 * scale();
            title(gc, "activation histograms per hidden layer", pad, lineHeight());
            if (racer == null || racer.histograms().isEmpty()) {
                if (racer != null) {
                    title(gc, "no hidden layer", pad, lineHeight() * 2.3);
                }
                return;
            }
            int layers = racer.histograms().size();
            double top = lineHeight() * 1.5;
            double areaW = w - 2 * pad;
            double areaH = h - top - 2 * scale();
            int columns = columns(layers, areaW, areaH, MIN_CELL_HEIGHT * scale(), 130 * scale());
            int rows = (layers + columns - 1) / columns;
            double cw = areaW / columns;
            double ch = areaH / rows;
            for (int l = 0; l < layers; l++) {
                double x0 = pad + (l % columns) * cw;
                double y0 = top + (l / columns) * ch;
                cell(gc, l, racer.histograms().get(l), x0, y0, cw - 8 * scale(), ch - 4 * scale());
            }
        }

        private void cell(GraphicsContext gc, int l, LayerHistogram hist, double x0, double y0, double cw, double ch) {
            String mean = "μ " + fmt(hist.mean());
            String std = "σ " + fmt(hist.std());
            double labelW = Math.max(textWidth("L" + (l + 1)), Math.max(textWidth(mean), textWidth(std))) + 6 * scale();
            double lh = lineHeight();
            double left = x0 + labelW;
            double right = x0 + cw;
            double base = y0 + ch - lh;
            double barTop = y0 + 2 * scale();
            gc.setTextBaseline(VPos.TOP);
            gc.setFill(layerColour(l));
            gc.fillText("L" + (l + 1), x0, y0);
            gc.setFill(ink());
            if (ch > lh * 2) {
                gc.fillText(mean, x0, y0 + lh);
            }
            if (ch > lh * 3) {
                gc.fillText(std, x0, y0 + 2 * lh);
            }
            if (base - barTop < 4 || right - left < 10) {
                gc.setTextBaseline(VPos.BASELINE);
                return;
            }
            int max = 1;
            for (int c : hist.counts()) {
                max = Math.max(max, c);
            }
            double bw = (right - left) / hist.counts().length;
            gc.setFill(layerColour(l).deriveColor(0, 1, 1, 0.8));
            for (int b = 0; b < hist.counts().length; b++) {
                double bh = (base - barTop) * hist.counts()[b] / max;
                if (bh > 0) {
                    gc.fillRect(left + b * bw, base - bh, Math.max(1, bw - 1), bh);
                }
            }
            gc.setStroke(axis());
            gc.setLineWidth(1);
            gc.strokeLine(left, base, right, base);
            gc.setFill(ink());
            gc.fillText(fmt(hist.lo()), left, base + 1);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(fmt(hist.hi()), right, base + 1);
            if (hist.lo() < 0 && hist.hi() > 0) {
                double x0v = left + (0 - hist.lo()) / (hist.hi() - hist.lo()) * (right - left);
                gc.setStroke(axis());
                gc.strokeLine(x0v, base, x0v, base + 3 * scale());
                double half = textWidth("0") / 2 + 3 * scale();
                if (x0v - half > left + textWidth(fmt(hist.lo())) && x0v + half < right - textWidth(fmt(hist.hi()))) {
                    gc.setTextAlign(TextAlignment.CENTER);
                    gc.fillText("0", x0v, base + 1);
                }
            }
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BASELINE);
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
            double pad = 6 * scale();
            if (racer == null) {
                title(gc, "weights (blue +, red -, width |w|)", pad, lineHeight());
                return;
            }
            MlpSpec spec = racer.spec();
            boolean capped = spec.hidden().stream().anyMatch(u -> u > MAX_UNITS);
            String heading = "weights (blue +, red -, width |w|)";
            String note = "; first " + MAX_UNITS + " units of a layer";
            title(gc, capped && textWidth(heading + note) <= w - 2 * pad ? heading + note : fit(heading, w - 2 * pad),
                    pad, lineHeight());
            ParameterLayout layout = new ParameterLayout(spec);
            double[] p = racer.parameters();
            int columns = spec.layers() + 1;
            double left = 20 * scale();
            double right = w - 20 * scale();
            double top = lineHeight() * 2;
            double bottom = h - lineHeight() * 1.2;
            double maxW = 1e-12;
            for (int l = 0; l < spec.layers(); l++) {
                for (int i = 0; i < layout.weightCount(l); i++) {
                    maxW = Math.max(maxW, Math.abs(p[layout.weight(l) + i]));
                }
            }
            Color positive = Color.web("#2166ac");
            Color negative = Color.web("#d6604d");
            for (int l = 0; l < spec.layers(); l++) {
                int in = spec.fanIn(l);
                int out = spec.fanOut(l);
                double x0 = left + (right - left) * l / (columns - 1);
                double x1 = left + (right - left) * (l + 1) / (columns - 1);
                for (int i = 0; i < Math.min(in, MAX_UNITS); i++) {
                    for (int j = 0; j < Math.min(out, MAX_UNITS); j++) {
                        double v = p[layout.weight(l) + i * out + j];
                        double a = Math.abs(v) / maxW;
                        gc.setStroke((v >= 0 ? positive : negative).deriveColor(0, 1, 1, 0.15 + 0.85 * a));
                        gc.setLineWidth(line(0.3 + 3 * a));
                        gc.strokeLine(x0, y(i, in, top, bottom), x1, y(j, out, top, bottom));
                    }
                }
            }
            double unit = 4 * scale();
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            for (int c = 0; c < columns; c++) {
                int units = c == 0 ? spec.inputs() : spec.fanOut(c - 1);
                double x = left + (right - left) * c / (columns - 1);
                for (int i = 0; i < Math.min(units, MAX_UNITS); i++) {
                    double y = y(i, units, top, bottom);
                    gc.setFill(paper());
                    gc.fillOval(x - unit, y - unit, 2 * unit, 2 * unit);
                    gc.setStroke(ink());
                    gc.setLineWidth(1);
                    gc.strokeOval(x - unit, y - unit, 2 * unit, 2 * unit);
                }
                gc.setFill(ink());
                gc.fillText(Integer.toString(units), x, bottom + 2 * scale());
            }
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BASELINE);
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
            double pad = 6 * scale();
            title(gc, "LR range test: loss vs lr (log)", pad, lineHeight());
            if (result == null || result.learningRates().length < 2) {
                gc.setFill(axis());
                gc.fillText("running…", pad, lineHeight() * 2.3);
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
            double top = lineHeight() * 1.5;
            double bottom = h - lineHeight() * 1.4;
            List<AxisTicks.Tick> yTicks = AxisTicks.linear(lo, hi, Math.max(2, (int) ((bottom - top) / (26 * scale()))));
            double labelW = textWidth("0.0");
            for (AxisTicks.Tick t : yTicks) {
                labelW = Math.max(labelW, textWidth(t.label()));
            }
            double left = pad + labelW + 5 * scale();
            double right = w - pad - 10 * scale();
            double lx0 = Math.log10(lr[0]);
            double lx1 = Math.log10(lr[lr.length - 1]);
            final double fLo = lo;
            final double fHi = hi;
            DoubleUnaryOperator pxLog = a -> left + (a - lx0) / (lx1 - lx0) * (right - left);
            DoubleUnaryOperator px = v -> pxLog.applyAsDouble(Math.log10(v));
            DoubleUnaryOperator py = v -> Math.max(top, Math.min(bottom, bottom - (v - fLo) / (fHi - fLo) * (bottom - top)));
            yGrid(gc, yTicks, py, left, right);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            for (AxisTicks.Tick t : AxisTicks.log(lx0, lx1, Math.max(2, (int) ((right - left) / (50 * scale()))))) {
                double x = pxLog.applyAsDouble(t.at());
                gc.setStroke(grid());
                gc.strokeLine(x, top, x, bottom);
                gc.setFill(ink());
                gc.fillText(t.label(), x, bottom + 2 * scale());
            }
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.BASELINE);
            gc.setStroke(axis());
            gc.strokeLine(left, bottom, right, bottom);
            gc.strokeLine(left, top, left, bottom);
            curve(gc, lr, loss, px, py, axis().interpolate(paper(), 0.4), line(1));
            curve(gc, lr, sm, px, py, Color.web("#1f77b4"), line(2));
            if (!Double.isNaN(result.suggestedMaxLr())) {
                double x = px.applyAsDouble(result.suggestedMaxLr());
                double xm = px.applyAsDouble(lr[result.minLossIndex()]);
                gc.setStroke(Color.web("#2ca02c"));
                gc.setLineWidth(line(2));
                gc.strokeLine(x, top, x, bottom);
                gc.setStroke(axis());
                gc.setLineWidth(1);
                gc.setLineDashes(4, 4);
                gc.strokeLine(xm, top, xm, bottom);
                gc.setLineDashes((double[]) null);
                gc.setFill(Color.web("#2ca02c"));
                String text = "max lr " + fmt(result.suggestedMaxLr());
                double tw = textWidth(text);
                gc.fillText(text, x - 4 * scale() - tw > left ? x - 4 * scale() - tw : x + 4 * scale(), top + lineHeight());
            }
        }

        private static void curve(GraphicsContext gc, double[] xs, double[] ys, DoubleUnaryOperator px,
                                  DoubleUnaryOperator py, Color c, double width) {
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
            strokeCurve(gc, a, b, m);
        }
    }
}
