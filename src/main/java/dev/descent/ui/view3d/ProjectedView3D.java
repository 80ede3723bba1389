package dev.descent.ui.view3d;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import dev.descent.ui.map.ColorMap;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The 3-D view for pipelines without 3-D (Prism's software renderer, which the app uses
 * without a GPU): the same height field, colours and camera as {@link SurfaceView3D}, drawn
 * on a canvas with the painter's algorithm (cells far to near, each lit by its slope), paths
 * as polylines and heads as discs. Drag rotates, scroll zooms.
 */
public final class ProjectedView3D extends Pane implements View3D {
    private static final int SAMPLES = 56;
    private static final int PATH_POINTS = 300;

    private final Canvas canvas = new Canvas();
    private final Orbit orbit = new Orbit();
    private Object surfaceKey;
    private SurfaceModel model;
    private RaceSnapshot frame;

    public ProjectedView3D() {
        setId(ID);
        getChildren().add(canvas);
        setMinSize(200, 200);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        orbit.attach(canvas, this::draw);
    }

    @Override
    public void show(Surface surface, ViewWindow window, boolean logScale, RaceSnapshot newFrame) {
        Object key = List.of(surface, window, logScale);
        boolean changed = newFrame != frame;
        if (!Objects.equals(key, surfaceKey)) {
            model = new SurfaceModel(surface, window, logScale, SAMPLES);
            surfaceKey = key;
            changed = true;
        }
        frame = newFrame;
        if (changed) {
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.web("#1b1f24"));
        gc.fillRect(0, 0, w, h);
        if (model == null || w < 2 || h < 2) {
            return;
        }
        Camera3D cam = new Camera3D(orbit.azimuth(), orbit.elevation(), orbit.distance(), w, h);
        drawSurface(gc, cam);
        if (frame != null) {
            for (RacerSnapshot r : frame.racers()) {
                drawPath(gc, cam, r);
            }
        }
    }

    private void drawSurface(GraphicsContext gc, Camera3D cam) {
        var grid = model.grid();
        int nx = grid.nx();
        int ny = grid.ny();
        double[][] p = new double[nx * ny][];
        double[] height = new double[nx * ny];
        double[] colour = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                height[k] = model.scale().height(grid.value(i, j));
                colour[k] = model.colours().height(grid.value(i, j));
                p[k] = cam.project(model.sx(grid.x(i)), model.sy(height[k]), model.sz(grid.y(j)));
            }
        }
        int cells = (nx - 1) * (ny - 1);
        Integer[] order = new Integer[cells];
        double[] depth = new double[cells];
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                int c = j * (nx - 1) + i;
                int a = j * nx + i;
                order[c] = c;
                depth[c] = p[a][2] + p[a + 1][2] + p[a + nx][2] + p[a + nx + 1][2];
            }
        }
        Arrays.sort(order, (u, v) -> Double.compare(depth[v], depth[u]));
        double[] xs = new double[4];
        double[] ys = new double[4];
        double cellW = SurfaceModel.SIZE / (nx - 1);
        for (int c : order) {
            int i = c % (nx - 1);
            int j = c / (nx - 1);
            int a = j * nx + i;
            int[] corners = {a, a + 1, a + nx + 1, a + nx};
            double mean = 0;
            boolean masked = false;
            for (int k = 0; k < 4; k++) {
                xs[k] = p[corners[k]][0];
                ys[k] = p[corners[k]][1];
                masked |= Double.isNaN(height[corners[k]]);
                mean += colour[corners[k]] / 4;
            }
            Color base = masked ? Color.gray(0.5) : argb(ColorMap.argb(mean));
            // Lambert shading from a light up and to the left: slope in scene units
            double dx = (nanToZero(height[a + 1]) - nanToZero(height[a])) * SurfaceModel.HEIGHT / cellW;
            double dz = (nanToZero(height[a + nx]) - nanToZero(height[a])) * SurfaceModel.HEIGHT / cellW;
            double shade = (1 + 0.5 * dx - 0.3 * dz) / Math.sqrt(1 + dx * dx + dz * dz);
            double light = Math.max(0.45, Math.min(1.1, 0.55 + 0.5 * shade));
            Color fill = base.deriveColor(0, 1, light, 1);
            gc.setFill(fill);
            gc.setStroke(fill);
            gc.setLineWidth(0.6);
            gc.fillPolygon(xs, ys, 4);
            gc.strokePolygon(xs, ys, 4);
        }
    }

    private void drawPath(GraphicsContext gc, Camera3D cam, RacerSnapshot r) {
        List<double[]> pts = model.path(r, PATH_POINTS);
        if (pts.isEmpty()) {
            return;
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            double[] q = cam.project(pts.get(i)[0], pts.get(i)[1], pts.get(i)[2]);
            xs[i] = q[0];
            ys[i] = q[1];
        }
        Color c = Color.web(r.colour());
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setStroke(Color.rgb(0, 0, 0, 0.5));
        gc.setLineWidth(4);
        gc.strokePolyline(xs, ys, xs.length);
        gc.setStroke(c);
        gc.setLineWidth(2.2);
        gc.strokePolyline(xs, ys, xs.length);
        int n = xs.length - 1;
        gc.setFill(c);
        gc.fillOval(xs[n] - 5, ys[n] - 5, 10, 10);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1.2);
        gc.strokeOval(xs[n] - 5, ys[n] - 5, 10, 10);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static Color argb(int argb) {
        return Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
    }
}
