package dev.descent.ui.network;

import dev.descent.core.nn.MlpSpec;
import dev.descent.ui.curves.PlotStyle;
import dev.descent.ui.data.PreparedData;
import javafx.geometry.Dimension2D;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A data-set race as an exported figure, without UI chrome: a title and a subtitle (data set,
 * network, epochs), then the decision-boundary tiles, the metric curves (with their legend,
 * axes and ticks), the selected racer's insides (gradient norms, activation histograms, the
 * network drawing, and the LR range test once one has run), or all of them. The parts are
 * painted by the same classes as the window's views, into one canvas drawn under
 * {@code gc.scale(s, s)}, so a 2x or 4x figure has sharp lines, text and class maps. Call on
 * the JavaFX thread.
 */
public final class DataSetFigure {
    static final double PAD = 16;
    static final double TITLE_H = 50;
    static final double GAP = 14;
    static final double CURVES_W = 520;
    static final double INSIDE_H = 250;
    static final double INSIDE_W = 330;
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 19);
    private static final Font SUB_FONT = Font.font(12);
    /** Text and lines of the parts, a little larger than on screen. */
    private static final double PART_SCALE = 1.15;

    /** What the figure shows. */
    public enum Kind {
        BOUNDARIES, CURVES, BOTH, INSIDE, ALL;

        boolean boundaries() {
            return this == BOUNDARIES || this == BOTH || this == ALL;
        }

        boolean curves() {
            return this == CURVES || this == BOTH || this == ALL;
        }

        boolean inside() {
            return this == INSIDE || this == ALL;
        }

        /** The kind named {@code text} (boundaries, curves, both, inside, all; any case), or null. */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return k;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The race at one moment, as plain data.
     *
     * @param title     the heading
     * @param subtitle  the line under it (data set, network, epochs)
     * @param frame     the network frame shown
     * @param data      the data as the plots show it
     * @param validation whether validation points are drawn
     * @param selected  the racer whose insides are shown
     * @param captions  per racer a second caption line for its tile (may be empty)
     * @param lrRange   the LR range test result, or null
     */
    public record Content(String title, String subtitle, NetworkFrame frame, PreparedData data, boolean validation,
                          int selected, List<String> captions, LrRangeResult lrRange) {
        public Content {
            if (frame == null || data == null) {
                throw new IllegalArgumentException("frame and data are required");
            }
            title = title == null ? "" : title;
            subtitle = subtitle == null ? "" : subtitle;
            captions = List.copyOf(captions);
            selected = Math.max(0, Math.min(selected, frame.racers().size() - 1));
        }

        /** The same race at another moment. */
        public Content withFrame(NetworkFrame f) {
            return new Content(title, subtitle, f, data, validation, selected, captions, lrRange);
        }
    }

    private final BoundaryView boundaries = new BoundaryView();
    private final MetricCurvesView curves = new MetricCurvesView();
    private final InsideViews.GradientNorms gradients = new InsideViews.GradientNorms();
    private final InsideViews.Activations activations = new InsideViews.Activations();
    private final InsideViews.NetworkDrawing drawing = new InsideViews.NetworkDrawing();
    private final InsideViews.LrRange lrRange = new InsideViews.LrRange();
    private final double tileSize;

    /** A figure with boundary tiles of about {@code tileSize} layout units. */
    public DataSetFigure(double tileSize) {
        this.tileSize = tileSize;
        for (CanvasPane p : List.of(boundaries, curves, gradients, activations, drawing, lrRange)) {
            p.setPlotStyle(PlotStyle.light(PART_SCALE));
        }
    }

    /** Tiles of 210 units. */
    public DataSetFigure() {
        this(210);
    }

    /** Per racer the caption line the window shows under its label (optimizer, schedule, variant). */
    public static List<String> captions(TrainingSession session) {
        return DataModeView.subtitles(session.racers(), session::specOf);
    }

    /** "moons, 400 rows (300 train, 100 validation) · net 2-16-16-2 relu · epoch 30" */
    public static String subtitle(TrainingSession session, NetworkFrame frame) {
        PreparedData d = session.data();
        MlpSpec spec = session.specOf(0);
        StringBuilder b = new StringBuilder(d.source().name()).append(", ").append(d.source().size()).append(" rows (")
                .append(d.train().size()).append(" train, ").append(d.validation().size()).append(" validation)")
                .append("  ·  net ").append(spec.inputs());
        spec.hidden().forEach(h -> b.append('-').append(h));
        b.append('-').append(spec.outputs()).append(' ').append(activations(spec));
        int epoch = 0;
        for (RacerFrame r : frame.racers()) {
            epoch = Math.max(epoch, r.lastEpoch() == null ? 0 : r.lastEpoch().epoch());
        }
        b.append("  ·  epoch ").append(epoch).append("  ·  step ").append(frame.steps());
        return b.toString();
    }

    /** Fewer racers get larger tiles. */
    private double tile(int n) {
        return n <= 2 ? tileSize * 1.25 : tileSize;
    }

    private int columns(int n) {
        return n <= 4 ? n : (n + 1) / 2;
    }

    private double boundariesWidth(Content c) {
        int n = c.frame().racers().size();
        return columns(n) * (tile(n) + 6) - 6;
    }

    private double boundariesHeight(Content c) {
        int n = c.frame().racers().size();
        int rows = (n + columns(n) - 1) / columns(n);
        double caption = boundaries.lineHeight() * (c.captions().isEmpty() ? 1 : 2) + 2 * PART_SCALE;
        return rows * (tile(n) + caption + 6) - 6;
    }

    /** The insides' height: deep nets get room for readable histograms (two columns of cells). */
    private double insideHeight(Content c) {
        int layers = c.frame().racers().get(c.selected()).histograms().size();
        int rows = (layers + 1) / 2;
        return Math.max(INSIDE_H, 30 + rows * 72);
    }

    private int insideParts(Content c) {
        return c.lrRange() == null ? 3 : 4;
    }

    /** The figure's size in layout units (multiply by the scale for pixels). */
    public Dimension2D size(Content c, Kind kind) {
        double top = topRowSize(c, kind)[0];
        double topH = topRowSize(c, kind)[1];
        double w = top;
        double h = topH;
        if (kind.inside()) {
            w = Math.max(w, insideParts(c) * (INSIDE_W + GAP) - GAP);
            h += (topH > 0 ? GAP : 0) + insideHeight(c) + 22;
        }
        return new Dimension2D(Math.ceil(w + 2 * PAD), Math.ceil(PAD + TITLE_H + h + PAD));
    }

    /** {width, height} of the boundaries and curves row (zeros when neither is shown). */
    private double[] topRowSize(Content c, Kind kind) {
        double w = 0;
        double h = 0;
        if (kind.boundaries()) {
            w += boundariesWidth(c);
            h = Math.max(h, boundariesHeight(c));
        }
        if (kind.curves()) {
            w += (w > 0 ? GAP : 0) + CURVES_W;
            h = Math.max(h, kind.boundaries() ? Math.max(320, boundariesHeight(c)) : 460);
        }
        return new double[] {w, h};
    }

    /** Draws the whole figure into {@code gc} from (0, 0); class maps and points are rasterised at {@code pixelScale}. */
    public void draw(GraphicsContext gc, Content c, Kind kind, double pixelScale) {
        Dimension2D size = size(c, kind);
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, size.getWidth(), size.getHeight());
        heading(gc, c);
        double y = PAD + TITLE_H;
        double x = PAD;
        double[] top = topRowSize(c, kind);
        if (kind.boundaries()) {
            boundaries.setPixelScale(pixelScale);
            boundaries.show(c.frame(), c.data(), c.validation(), -1, c.captions());
            part(gc, boundaries, x, y, boundariesWidth(c), boundariesHeight(c));
            x += boundariesWidth(c) + GAP;
        }
        if (kind.curves()) {
            curves.show(c.frame(), c.data().classification());
            part(gc, curves, x, y, CURVES_W, top[1]);
        }
        if (kind.inside()) {
            double iy = y + (top[1] > 0 ? top[1] + GAP : 0);
            RacerFrame r = c.frame().racers().get(c.selected());
            gc.setFill(Color.web("#24292f"));
            gc.setFont(Font.font("System", FontWeight.BOLD, 13));
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText("Inside: " + r.label(), PAD, iy);
            iy += 22;
            gradients.show(r);
            activations.show(r);
            drawing.show(r);
            List<CanvasPane> parts = c.lrRange() == null ? List.of(gradients, activations, drawing)
                    : List.of(gradients, activations, drawing, lrRange);
            lrRange.show(c.lrRange());
            for (int i = 0; i < parts.size(); i++) {
                part(gc, parts.get(i), PAD + i * (INSIDE_W + GAP), iy, INSIDE_W, insideHeight(c));
            }
        }
    }

    private static void part(GraphicsContext gc, CanvasPane p, double x, double y, double w, double h) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.clip();
        gc.translate(x, y);
        p.paintInto(gc, w, h);
        gc.restore();
    }

    private static void heading(GraphicsContext gc, Content c) {
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(Color.web("#24292f"));
        gc.setFont(TITLE_FONT);
        gc.fillText(c.title(), PAD, PAD);
        gc.setFill(Color.web("#57606a"));
        gc.setFont(SUB_FONT);
        gc.fillText(c.subtitle(), PAD, PAD + 26);
    }

    /** The figure as an image of {@code size * scale} pixels. */
    public WritableImage render(Content c, Kind kind, int scale) {
        Dimension2D size = size(c, kind);
        Canvas canvas = new Canvas(size.getWidth() * scale, size.getHeight() * scale);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.scale(scale, scale);
        draw(gc, c, kind, scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return canvas.snapshot(params, null);
    }

    /** "relu", or one name per hidden layer when they differ ("relu,tanh"). */
    static String activations(MlpSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        List<String> perLayer = new ArrayList<>();
        for (int l = 0; l < spec.hidden().size(); l++) {
            String name = spec.activation(l).function().cliName();
            names.add(name);
            perLayer.add(name);
        }
        return names.size() <= 1 ? String.join("", names) : String.join(",", perLayer);
    }
}
