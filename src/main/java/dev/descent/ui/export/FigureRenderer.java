package dev.descent.ui.export;

import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.surface.ViewWindow;
import dev.descent.ui.curves.CurveRenderer;
import dev.descent.ui.curves.PlotStyle;
import dev.descent.ui.curves.Ticks;
import dev.descent.ui.map.MapPicture;
import dev.descent.ui.map.MapProjection;
import dev.descent.ui.map.MapRenderer;
import javafx.geometry.Dimension2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Locale;

/**
 * Draws a figure without UI chrome in layout units (the caller scales the context for 2x/4x):
 * a title and subtitle; the map with x/y axes, ticks and labels; the loss and learning-rate
 * curves (the app's {@link CurveRenderer}); and a legend with each racer's colour, label and
 * "diverged at step k". Keeps the map's heatmap and contour caches between calls, so the
 * frames of an animation re-sample the surface once.
 */
public final class FigureRenderer {
    static final double PAD = 16;
    static final double TITLE_H = 52;
    static final double MAP_LEFT = 58;
    static final double MAP_RIGHT = 12;
    static final double MAP_BOTTOM = 44;
    /** The map's width; its height follows the window's aspect ratio (one scale for x and y). */
    static final double MAP_SIZE = 520;
    /** The flattest map, as a fraction of its width: a wider window is shown with extra height. */
    static final double MAP_MIN_ASPECT = 0.4;
    static final double CURVES_W = 540;
    static final double GAP = 16;
    static final double LEGEND_ROW = 22;
    static final double SWATCH = 26;
    private static final Color INK = Color.web("#24292f");
    private static final Color MUTED = Color.web("#57606a");
    private static final Color PAPER = Color.WHITE;
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 19);
    private static final Font SMALL = Font.font(12);
    private static final Font LEGEND_FONT = Font.font(13);

    private final MapRenderer map = new MapRenderer();
    private final CurveRenderer curves = new CurveRenderer();

    /** The figure's size in layout units (multiply by the scale for pixels). */
    public Dimension2D size(Figure f, FigureOptions o) {
        double w = contentWidth(o) + 2 * PAD;
        double h = PAD + TITLE_H + blockHeight(f, o) + legendHeight(f, contentWidth(o)) + PAD;
        return new Dimension2D(Math.ceil(w), Math.ceil(h));
    }

    /** Draws the whole figure into {@code gc} from (0, 0); the heatmap is sampled at {@code o.scale()} per unit. */
    public void draw(GraphicsContext gc, Figure f, FigureOptions o) {
        Dimension2D size = size(f, o);
        gc.setFill(PAPER);
        gc.fillRect(0, 0, size.getWidth(), size.getHeight());
        title(gc, f);
        double x = PAD;
        double y = PAD + TITLE_H;
        if (o.kind().hasMap()) {
            drawMap(gc, f, x, y, o.scale());
            x += mapBlockWidth() + GAP;
        }
        if (o.kind().hasCurves()) {
            gc.save();
            gc.translate(x, y);
            curves.draw(gc, f.frame(), CURVES_W, blockHeight(f, o), o.logY(), PlotStyle.light(1), false);
            gc.restore();
        }
        legend(gc, f, PAD, PAD + TITLE_H + blockHeight(f, o) + 8, contentWidth(o));
    }

    private static double contentWidth(FigureOptions o) {
        return switch (o.kind()) {
            case MAP -> mapBlockWidth();
            case CURVES -> CURVES_W;
            case BOTH -> mapBlockWidth() + GAP + CURVES_W;
        };
    }

    private static double mapBlockWidth() {
        return MAP_LEFT + MAP_SIZE + MAP_RIGHT;
    }

    /** The map and curves block: as tall as the map, or the curves' full height when they are shown. */
    private static double blockHeight(Figure f, FigureOptions o) {
        return (o.kind().hasCurves() ? MAP_SIZE : mapHeight(f)) + MAP_BOTTOM;
    }

    /**
     * The map's height: MAP_SIZE times the window's aspect ratio, in [MAP_MIN_ASPECT, 1] of it;
     * outside that range the projection extends the window to the box, so x and y keep one scale.
     */
    static double mapHeight(Figure f) {
        double aspect = f.window().height() / f.window().width();
        return Math.round(MAP_SIZE * Math.max(MAP_MIN_ASPECT, Math.min(1, aspect)));
    }

    private void title(GraphicsContext gc, Figure f) {
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(INK);
        gc.setFont(TITLE_FONT);
        String title = f.title().isBlank() ? f.surface().displayName() : f.title();
        gc.fillText(title, PAD, PAD);
        gc.setFill(MUTED);
        gc.setFont(SMALL);
        String sub = f.surface().displayName() + "  ·  start (" + num(f.startX()) + ", " + num(f.startY()) + ")  ·  "
                + f.frame().stepsRun() + " steps" + (f.logScale() ? "  ·  log colour scale" : "");
        gc.fillText(sub, PAD, PAD + 26);
    }

    private void drawMap(GraphicsContext gc, Figure f, double x0, double y0, int scale) {
        double left = x0 + MAP_LEFT;
        double height = mapHeight(f);
        // a figure is a file: it waits for a typed surface's critical points (free once the app's
        // background search has found them; the command line has no other thread to wait for)
        MapPicture picture = new MapPicture(f.surface(), f.surface().criticalPoints(), f.window(), f.logScale(),
                f.frame(), -1, f.startX(), f.startY(), 1);
        gc.save();
        // trails leave the window when a racer diverges: keep them inside the map
        gc.beginPath();
        gc.rect(left, y0, MAP_SIZE, height);
        gc.clip();
        gc.translate(left, y0);
        map.draw(gc, picture, MAP_SIZE, height, scale);
        gc.restore();
        mapAxes(gc, f, left, y0, height);
    }

    private static void mapAxes(GraphicsContext gc, Figure f, double left, double top, double height) {
        MapProjection proj = new MapProjection(f.window(), MAP_SIZE, height);
        ViewWindow shown = proj.visible();
        gc.setStroke(INK);
        gc.setLineWidth(1);
        gc.strokeRect(left, top, MAP_SIZE, height);
        gc.setFill(INK);
        gc.setFont(SMALL);
        double bottom = top + height;
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double t : Ticks.nice(shown.xMin(), shown.xMax(), 6)) {
            double px = left + proj.px(t);
            gc.strokeLine(px, bottom, px, bottom + 5);
            gc.fillText(Ticks.label(t), px, bottom + 7);
        }
        gc.fillText("x", left + MAP_SIZE / 2, bottom + 24);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double t : Ticks.nice(shown.yMin(), shown.yMax(), Math.max(2, (int) Math.round(6 * height / MAP_SIZE)))) {
            double py = top + proj.py(t);
            gc.strokeLine(left - 5, py, left, py);
            gc.fillText(Ticks.label(t), left - 8, py);
        }
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText("y", left - MAP_LEFT + 8, top + height / 2);
    }

    private static double legendHeight(Figure f, double width) {
        int n = f.frame().racers().size();
        if (n == 0) {
            return 0;
        }
        int columns = columns(f.frame().racers(), width);
        return 8 + Math.ceil(n / (double) columns) * LEGEND_ROW;
    }

    private static int columns(List<RacerSnapshot> racers, double width) {
        double widest = 0;
        for (RacerSnapshot r : racers) {
            widest = Math.max(widest, textWidth(legendText(r)));
        }
        double entry = SWATCH + 8 + widest + 24;
        return (int) Math.max(1, Math.min(racers.size(), Math.floor(width / entry)));
    }

    private static void legend(GraphicsContext gc, Figure f, double x0, double y0, double width) {
        List<RacerSnapshot> racers = f.frame().racers();
        if (racers.isEmpty()) {
            return;
        }
        int columns = columns(racers, width);
        double entry = width / columns;
        gc.setFont(LEGEND_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < racers.size(); i++) {
            RacerSnapshot r = racers.get(i);
            double x = x0 + (i % columns) * entry;
            double y = y0 + (i / columns) * LEGEND_ROW + LEGEND_ROW / 2;
            Color c = Color.web(r.colour());
            // a thin dark edge under the swatch, so a light colour still shows on white paper
            gc.setLineCap(StrokeLineCap.ROUND);
            gc.setStroke(INK);
            gc.setLineWidth(4.6);
            gc.strokeLine(x, y, x + SWATCH, y);
            gc.setStroke(c);
            gc.setLineWidth(3);
            gc.strokeLine(x, y, x + SWATCH, y);
            gc.setFill(c);
            gc.fillOval(x + SWATCH / 2 - 4, y - 4, 8, 8);
            gc.setStroke(INK);
            gc.setLineWidth(0.8);
            gc.strokeOval(x + SWATCH / 2 - 4, y - 4, 8, 8);
            gc.setFill(r.diverged() ? Color.web("#cf222e") : INK);
            gc.fillText(legendText(r), x + SWATCH + 8, y);
        }
    }

    static String legendText(RacerSnapshot r) {
        return r.diverged() ? r.label() + " (diverged at step " + r.divergedAt() + ")" : r.label();
    }

    private static double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(LEGEND_FONT);
        return t.getLayoutBounds().getWidth();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
