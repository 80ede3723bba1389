package dev.descent.ui.map;

import dev.descent.core.plot.ContourLevels;
import dev.descent.core.plot.MarchingSquares;
import dev.descent.core.plot.Polyline;
import dev.descent.core.plot.SurfaceGrid;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Objects;

/**
 * Contour lines from the core's marching squares on a {@value #GRID} x {@value #GRID} grid;
 * levels linear or log-spaced as {@link ContourLevels#choose} decides for the surface.
 * Kept until the surface or window changes.
 */
public final class ContourRenderer {
    private static final int GRID = 160;
    private static final int LEVELS = 14;
    private static final Color LINE = Color.rgb(255, 255, 255, 0.38);

    private Object key;
    private List<List<Polyline>> lines = List.of();
    private double[] xs = new double[0];
    private double[] ys = new double[0];

    public void draw(GraphicsContext gc, Surface surface, ViewWindow window, MapProjection proj, double scale) {
        Object k = List.of(surface, window);
        if (!Objects.equals(k, key)) {
            SurfaceGrid grid = SurfaceGrid.sample(surface, window, GRID, GRID);
            double[] levels = grid.finiteCount() > 0 ? ContourLevels.levels(grid, LEVELS) : new double[0];
            lines = MarchingSquares.contours(grid, levels);
            key = k;
        }
        gc.setStroke(LINE);
        gc.setLineWidth(scale);
        for (List<Polyline> level : lines) {
            for (Polyline p : level) {
                int n = p.size();
                if (xs.length < n + 1) {
                    xs = new double[n + 1];
                    ys = new double[n + 1];
                }
                for (int i = 0; i < n; i++) {
                    xs[i] = proj.px(p.xs()[i]);
                    ys[i] = proj.py(p.ys()[i]);
                }
                if (p.closed() && n > 0) {
                    xs[n] = xs[0];
                    ys[n] = ys[0];
                    n++;
                }
                gc.strokePolyline(xs, ys, n);
            }
        }
    }
}
