package dev.descent.ui.network;

import dev.descent.core.data.Dataset;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.ui.data.PreparedData;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Decision boundaries as small multiples, one tile per racer: the class-probability map over
 * the input plane (each cell the probability-weighted mix of class colours, paler where the net
 * is unsure), training points filled, validation points as rings; for regression on one
 * feature the fitted curve over the points. Clicking a tile selects the racer.
 */
public final class BoundaryView extends CanvasPane {
    public static final String ID = "boundaries";
    private NetworkFrame frame;
    private PreparedData data;
    private boolean showValidation = true;
    private int selected;
    private java.util.function.IntConsumer onSelect = i -> { };
    private int columns = 1;
    private double tile;

    public BoundaryView() {
        super(ID, 200, 160);
        setOnMouseClicked(e -> {
            if (frame == null || tile <= 0) {
                return;
            }
            int i = (int) (e.getY() / tile) * columns + (int) (e.getX() / tile);
            if (i >= 0 && i < frame.racers().size()) {
                onSelect.accept(i);
            }
        });
    }

    public void setOnSelect(java.util.function.IntConsumer handler) {
        onSelect = handler;
    }

    public void show(NetworkFrame f, PreparedData d, boolean validation, int selectedRacer) {
        if (f == frame && d == data && validation == showValidation && selectedRacer == selected) {
            return;
        }
        frame = f;
        data = d;
        showValidation = validation;
        selected = selectedRacer;
        repaint();
    }

    @Override
    void paint(GraphicsContext gc, double w, double h) {
        if (frame == null || data == null || frame.racers().isEmpty()) {
            return;
        }
        int n = frame.racers().size();
        columns = 1;
        double best = 0;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double s = Math.min(w / c, h / rows);
            if (s > best) {
                best = s;
                columns = c;
            }
        }
        tile = best;
        for (int i = 0; i < n; i++) {
            double x = (i % columns) * tile;
            double y = (i / columns) * tile;
            paintTile(gc, frame.racers().get(i), x + 2, y + 2, tile - 4, i == selected);
        }
    }

    private void paintTile(GraphicsContext gc, RacerFrame r, double x0, double y0, double size, boolean isSelected) {
        double top = 16;
        double plot = size - top;
        if (plot < 10) {
            return;
        }
        double[] pl = frame.plane();
        if (data.curve()) {
            gc.setFill(Color.web("#f7f7f7"));
            gc.fillRect(x0, y0 + top, plot, plot);
        } else if (r.grid() != null) {
            int side = (int) Math.round(plot);
            gc.setImageSmoothing(false);
            gc.drawImage(raster(r.grid(), side, pl), x0, y0 + top, plot, plot);
        }
        java.util.function.DoubleUnaryOperator px = v -> x0 + (v - pl[0]) / (pl[1] - pl[0]) * plot;
        java.util.function.DoubleUnaryOperator py = v -> y0 + top + (pl[3] - v) / (pl[3] - pl[2]) * plot;
        double dot = Math.max(3, Math.min(6, plot / 40));
        if (data.curve()) {
            points(gc, data.train(), px, py, dot, true);
            if (showValidation) {
                points(gc, data.validation(), px, py, dot, false);
            }
        }
        if (data.curve() && r.grid() != null) {
            double[] xs = new double[frame.gridSize()];
            double[] ys = new double[frame.gridSize()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = px.applyAsDouble(pl[0] + (i + 0.5) / xs.length * (pl[1] - pl[0]));
                ys[i] = Math.max(y0 + top, Math.min(y0 + size, py.applyAsDouble(r.grid()[i])));
            }
            gc.setStroke(Color.web(r.colour()));
            gc.setLineWidth(2.5);
            gc.strokePolyline(xs, ys, xs.length);
        }
        gc.setStroke(isSelected ? Color.BLACK : AXIS);
        gc.setLineWidth(isSelected ? 2.5 : 1);
        gc.strokeRect(x0, y0 + top, plot, plot);
        gc.setFill(Color.web(r.colour()));
        gc.fillRect(x0, y0 + 3, 10, 10);
        TrainingRaceEpoch e = r.lastEpoch();
        String metric = e == null ? "" : data.classification()
                ? String.format(java.util.Locale.ROOT, "  val acc %.1f%%", 100 * (Double.isNaN(e.valAccuracy())
                ? e.trainAccuracy() : e.valAccuracy()))
                : "  val loss " + fmt(Double.isNaN(e.valLoss()) ? e.trainLoss() : e.valLoss());
        title(gc, r.label() + metric + (r.diverged() != null ? "  DIVERGED" : ""), x0 + 14, y0 + 12);
    }

    /** The tile as one image: class map (bilinear from the grid) with the points stamped on top. */
    private WritableImage raster(float[] grid, int side, double[] pl) {
        int[] px = TileRaster.background(cellColours(grid), frame.gridSize(), side);
        double r = Math.max(2, Math.min(4, side / 60.0));
        stampAll(px, side, pl, data.train(), r, true);
        if (showValidation) {
            stampAll(px, side, pl, data.validation(), r + 0.5, false);
        }
        WritableImage img = new WritableImage(side, side);
        img.getPixelWriter().setPixels(0, 0, side, side, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0,
                side);
        return img;
    }

    private void stampAll(int[] px, int side, double[] pl, Dataset d, double r, boolean filled) {
        for (int i = 0; i < d.size(); i++) {
            double[] p = data.point(d, i);
            double x = (p[0] - pl[0]) / (pl[1] - pl[0]) * side;
            double y = (pl[3] - p[1]) / (pl[3] - pl[2]) * side;
            Color c = d.isClassification() ? ClassColours.of(d.label(i)) : Color.web("#444444");
            TileRaster.stamp(px, side, x, y, r, TileRaster.argb(filled ? c : c.darker()), filled);
        }
    }

    /** Each grid cell's colour: the probability-weighted class colour, paler where the net is unsure. */
    private int[] cellColours(float[] grid) {
        int g = frame.gridSize();
        int classes = frame.classes();
        int[] cells = new int[g * g];
        if (classes <= 1) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : grid) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int i = 0; i < g * g; i++) {
                double t = hi > lo ? (grid[i] - lo) / (hi - lo) : 0.5;
                cells[i] = TileRaster.argb(Color.web("#2166ac").interpolate(Color.web("#b2182b"), t)
                        .interpolate(Color.WHITE, 0.45));
            }
            return cells;
        }
        for (int i = 0; i < g * g; i++) {
            double red = 0;
            double green = 0;
            double blue = 0;
            double max = 0;
            for (int c = 0; c < classes; c++) {
                double p = grid[i * classes + c];
                Color col = ClassColours.of(c);
                red += p * col.getRed();
                green += p * col.getGreen();
                blue += p * col.getBlue();
                max = Math.max(max, p);
            }
            // confident cells stronger, unsure ones paler: the boundary shows as a pale band
            double confidence = (max - 1.0 / classes) / (1 - 1.0 / classes);
            double fade = 0.85 - 0.5 * Math.max(0, Math.min(1, confidence));
            cells[i] = TileRaster.argb(Color.color(clamp(red), clamp(green), clamp(blue)).interpolate(Color.WHITE, fade));
        }
        return cells;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private void points(GraphicsContext gc, Dataset d, java.util.function.DoubleUnaryOperator px,
                        java.util.function.DoubleUnaryOperator py, double dot, boolean filled) {
        int step = Math.max(1, d.size() / 600);
        for (int i = 0; i < d.size(); i += step) {
            double[] p = data.point(d, i);
            double x = px.applyAsDouble(p[0]);
            double y = py.applyAsDouble(p[1]);
            Color c = d.isClassification() ? ClassColours.of(d.label(i)) : Color.web("#444444");
            if (filled) {
                gc.setFill(c);
                gc.fillOval(x - dot / 2, y - dot / 2, dot, dot);
                gc.setStroke(Color.WHITE);
                gc.setLineWidth(0.7);
                gc.strokeOval(x - dot / 2, y - dot / 2, dot, dot);
            } else {
                gc.setStroke(c.darker());
                gc.setLineWidth(1.6);
                gc.strokeOval(x - dot / 2 - 1, y - dot / 2 - 1, dot + 2, dot + 2);
            }
        }
    }
}
