package dev.descent.ui.network;

import dev.descent.core.data.Dataset;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.ui.data.PreparedData;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decision boundaries as small multiples, one tile per racer: the class-probability map over
 * the input plane (each cell the probability-weighted mix of class colours, paler where the net
 * is unsure), training points filled, validation points as rings; for regression on one
 * feature the fitted curve over the points. Tiles fill the pane (near-square, within
 * {@link #MIN_ASPECT}..{@link #MAX_ASPECT}); each has the racer's colour, label, metric and an
 * optional second line (its optimizer). Clicking a tile selects the racer.
 *
 * <p>Cheap per frame: the class map is drawn as the {@code g x g} grid image scaled up by the
 * renderer (bilinear), and the points, which do not change while a race runs, are one cached
 * transparent image per tile size laid over it.
 */
public final class BoundaryView extends CanvasPane {
    public static final String ID = "boundaries";
    static final double MIN_ASPECT = 0.75;
    static final double MAX_ASPECT = 1.35;
    private NetworkFrame frame;
    private PreparedData data;
    private boolean showValidation = true;
    private int selected;
    private List<String> subtitles = List.of();
    private java.util.function.IntConsumer onSelect = i -> { };
    private final List<Rectangle2D> tiles = new ArrayList<>();
    private double pixelScale = 1;
    private WritableImage points;
    private Object pointsKey;
    private PreparedData pointsData;

    public BoundaryView() {
        super(ID, 200, 160);
        setOnMouseClicked(e -> {
            int i = tileAt(e.getX(), e.getY());
            if (i >= 0) {
                onSelect.accept(i);
            }
        });
    }

    public void setOnSelect(java.util.function.IntConsumer handler) {
        onSelect = handler;
    }

    /** Output pixels per layout unit of the canvas the tiles are drawn into (2 for a 2x export). */
    void setPixelScale(double s) {
        pixelScale = s;
    }

    /** The tile under (x, y), or -1. */
    int tileAt(double x, double y) {
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    /** The tiles as last painted, in racer order. */
    List<Rectangle2D> tiles() {
        return List.copyOf(tiles);
    }

    /**
     * @param subtitles per racer a second caption line (e.g. its optimizer), or an empty list
     */
    public void show(NetworkFrame f, PreparedData d, boolean validation, int selectedRacer, List<String> subtitles) {
        if (f == frame && d == data && validation == showValidation && selectedRacer == selected
                && subtitles.equals(this.subtitles)) {
            return;
        }
        frame = f;
        data = d;
        showValidation = validation;
        selected = selectedRacer;
        this.subtitles = List.copyOf(subtitles);
        repaint();
    }

    /**
     * The grid of {@code n} tiles over w x h: columns, rows and the tile size, chosen for the
     * largest plot area with the plot's aspect ratio clamped to [MIN_ASPECT, MAX_ASPECT].
     *
     * @param caption height of the caption above each plot
     * @return {columns, rows, tile width, tile height}
     */
    static double[] layout(int n, double w, double h, double caption) {
        double[] best = {1, n, w, h / n};
        double bestArea = -1;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double cw = w / c;
            double ch = h / rows;
            double plotH = ch - caption;
            if (plotH <= 0) {
                continue;
            }
            double pw = Math.min(cw, plotH * MAX_ASPECT);
            double ph = Math.min(plotH, pw / MIN_ASPECT);
            double area = pw * ph;
            if (area > bestArea + 1e-9) {
                bestArea = area;
                best = new double[] {c, rows, pw, ph + caption};
            }
        }
        return best;
    }

    @Override
    void paint(GraphicsContext gc, double w, double h) {
        tiles.clear();
        if (frame == null || data == null || frame.racers().isEmpty()) {
            return;
        }
        int n = frame.racers().size();
        double gap = 6 * scale();
        double caption = captionHeight();
        double[] grid = layout(n, w + gap, h + gap, caption + gap);
        int columns = (int) grid[0];
        int rows = (int) grid[1];
        double tw = grid[2] - gap;
        double th = grid[3] - gap;
        // the block of tiles centred across the pane, from its top
        double x0 = Math.max(0, (w - (columns * (tw + gap) - gap)) / 2);
        double y0 = 0;
        for (int i = 0; i < n; i++) {
            double x = x0 + (i % columns) * (tw + gap);
            double y = y0 + (i / columns) * (th + gap);
            tiles.add(new Rectangle2D(x, y, tw, th));
            paintTile(gc, i, x, y, tw, th - caption, caption);
        }
    }

    private double captionHeight() {
        return lineHeight() * (subtitles.isEmpty() ? 1 : 2) + 2 * scale();
    }

    private void paintTile(GraphicsContext gc, int index, double x0, double y0, double pw, double ph, double caption) {
        RacerFrame r = frame.racers().get(index);
        if (pw < 10 || ph < 10) {
            return;
        }
        double top = y0 + caption;
        double[] pl = frame.plane();
        if (data.curve()) {
            gc.setFill(paper().interpolate(Color.GRAY, 0.06));
            gc.fillRect(x0, top, pw, ph);
        } else if (r.grid() != null) {
            gc.setImageSmoothing(true);
            gc.drawImage(classMap(r.grid()), x0, top, pw, ph);
        }
        gc.setImageSmoothing(false);
        gc.drawImage(points(pw, ph, pl), x0, top, pw, ph);
        if (data.curve() && r.grid() != null) {
            double[] xs = new double[frame.gridSize()];
            double[] ys = new double[frame.gridSize()];
            for (int i = 0; i < xs.length; i++) {
                double x = pl[0] + (i + 0.5) / xs.length * (pl[1] - pl[0]);
                xs[i] = x0 + (x - pl[0]) / (pl[1] - pl[0]) * pw;
                double y = top + (pl[3] - r.grid()[i]) / (pl[3] - pl[2]) * ph;
                ys[i] = Math.max(top, Math.min(top + ph, y));
            }
            gc.setStroke(Color.web(r.colour()));
            gc.setLineWidth(line(2.5));
            gc.strokePolyline(xs, ys, xs.length);
        }
        boolean isSelected = index == selected;
        gc.setStroke(isSelected ? ink() : axis());
        gc.setLineWidth(isSelected ? line(2.5) : 1);
        gc.strokeRect(x0, top, pw, ph);
        caption(gc, r, index, x0, y0, pw);
    }

    private void caption(GraphicsContext gc, RacerFrame r, int index, double x0, double y0, double width) {
        double sw = 10 * scale();
        double lh = lineHeight();
        gc.setFill(Color.web(r.colour()));
        gc.fillRect(x0, y0 + (lh - sw) / 2, sw, sw);
        gc.setTextBaseline(VPos.CENTER);
        boolean second = !subtitles.isEmpty() && index < subtitles.size();
        String status = status(r);
        // the metric stays whole at the right; the label gives way
        String metric = metric(r, false) + (second ? "" : status);
        double labelX = x0 + sw + 4 * scale();
        double room = width - (labelX - x0) - textWidth(metric) - 6 * scale();
        if (room < textWidth("abcd…")) {
            // a narrow tile: "84.2%" instead of "val acc 84.2%"
            metric = metric(r, true) + (second ? "" : status);
            room = width - (labelX - x0) - textWidth(metric) - 6 * scale();
        }
        Color text = r.diverged() != null ? Color.web("#cf222e") : ink();
        gc.setFill(text);
        if (room < textWidth("ab…")) {
            gc.fillText(fit(r.label() + "  " + metric, width - (labelX - x0)), labelX, y0 + lh / 2);
        } else {
            gc.fillText(fit(r.label(), room), labelX, y0 + lh / 2);
            gc.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
            gc.fillText(metric, x0 + width, y0 + lh / 2);
            gc.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        }
        if (second) {
            String line = status.isEmpty() ? subtitles.get(index) : status.strip() + " · " + subtitles.get(index);
            gc.setFill(status.isEmpty() ? axis() : text);
            gc.fillText(fit(line, width), x0, y0 + lh * 1.5);
        }
        gc.setTextBaseline(VPos.BASELINE);
    }

    private String metric(RacerFrame r, boolean brief) {
        TrainingRaceEpoch e = r.lastEpoch();
        if (e == null) {
            return "";
        }
        boolean val = !Double.isNaN(e.valLoss());
        String which = brief ? "" : (val ? "val " : "train ");
        return data.classification()
                ? String.format(Locale.ROOT, "%s%s%.1f%%", which, brief ? "" : "acc ",
                100 * (val ? e.valAccuracy() : e.trainAccuracy()))
                : which + (brief ? "" : "loss ") + fmt(val ? e.valLoss() : e.trainLoss());
    }

    private static String status(RacerFrame r) {
        if (r.diverged() != null) {
            return "  DIVERGED";
        }
        return r.stoppedAt() != null ? "  stopped after epoch " + r.stoppedAt() : "";
    }

    /** The class map at grid resolution; the renderer scales it up bilinearly. */
    private WritableImage classMap(float[] grid) {
        int g = frame.gridSize();
        int[] cells = frame.classes() <= 1 ? regressionColours(grid) : cellColours(grid);
        WritableImage img = new WritableImage(g, g);
        img.getPixelWriter().setPixels(0, 0, g, g, PixelFormat.getIntArgbInstance(), cells, 0, g);
        return img;
    }

    /** The points, which do not change during a race, as one transparent image (cached per size). */
    private WritableImage points(double pw, double ph, double[] pl) {
        int wpx = Math.max(1, (int) Math.round(pw * pixelScale));
        int hpx = Math.max(1, (int) Math.round(ph * pixelScale));
        List<Object> key = List.of(wpx, hpx, showValidation, scale(), pl[0], pl[1], pl[2], pl[3]);
        if (points != null && data == pointsData && key.equals(pointsKey)) {
            return points;
        }
        int[] px = new int[wpx * hpx];
        double r = Math.max(2, Math.min(4.5, Math.min(wpx, hpx) / 60.0)) * Math.max(1, scale() * 0.8);
        stampAll(px, wpx, hpx, pl, data.train(), r, true);
        if (showValidation) {
            stampAll(px, wpx, hpx, pl, data.validation(), r + 0.5 * pixelScale, false);
        }
        WritableImage img = new WritableImage(wpx, hpx);
        img.getPixelWriter().setPixels(0, 0, wpx, hpx, PixelFormat.getIntArgbInstance(), px, 0, wpx);
        points = img;
        pointsKey = key;
        pointsData = data;
        return img;
    }

    private void stampAll(int[] px, int w, int h, double[] pl, Dataset d, double r, boolean filled) {
        for (int i = 0; i < d.size(); i++) {
            double[] p = data.point(d, i);
            double x = (p[0] - pl[0]) / (pl[1] - pl[0]) * w;
            double y = (pl[3] - p[1]) / (pl[3] - pl[2]) * h;
            Color c = d.isClassification() ? ClassColours.of(d.label(i)) : Color.web("#444444");
            TileRaster.stamp(px, w, h, x, y, r, TileRaster.argb(filled ? c : c.darker()), filled);
        }
    }

    /** One output (regression on two features): blue to red over its range, paled. */
    private int[] regressionColours(float[] grid) {
        int g = frame.gridSize();
        int[] cells = new int[g * g];
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : grid) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (int i = 0; i < g * g; i++) {
            double t = hi > lo ? (grid[i] - lo) / (hi - lo) : 0.5;
            cells[i] = TileRaster.argb(Color.web("#2166ac").interpolate(Color.web("#b2182b"), t)
                    .interpolate(paper(), 0.45));
        }
        return cells;
    }

    /** Each grid cell's colour: the probability-weighted class colour, paler where the net is unsure. */
    private int[] cellColours(float[] grid) {
        int g = frame.gridSize();
        int classes = frame.classes();
        int[] cells = new int[g * g];
        Color bg = paper();
        double[][] rgb = new double[classes][];
        for (int c = 0; c < classes; c++) {
            Color col = ClassColours.of(c);
            rgb[c] = new double[] {col.getRed(), col.getGreen(), col.getBlue()};
        }
        for (int i = 0; i < g * g; i++) {
            double red = 0;
            double green = 0;
            double blue = 0;
            double max = 0;
            for (int c = 0; c < classes; c++) {
                double p = grid[i * classes + c];
                red += p * rgb[c][0];
                green += p * rgb[c][1];
                blue += p * rgb[c][2];
                max = Math.max(max, p);
            }
            // confident cells stronger, unsure ones paler: the boundary shows as a pale band
            double confidence = (max - 1.0 / classes) / (1 - 1.0 / classes);
            double fade = 0.85 - 0.5 * Math.max(0, Math.min(1, confidence));
            cells[i] = TileRaster.rgb(clamp(red) * (1 - fade) + bg.getRed() * fade,
                    clamp(green) * (1 - fade) + bg.getGreen() * fade, clamp(blue) * (1 - fade) + bg.getBlue() * fade);
        }
        return cells;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
