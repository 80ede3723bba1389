package dev.descent.ui.view3d;

import dev.descent.core.plot.SurfaceGrid;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * The surface as a height field in scene units, shared by the JavaFX 3-D mesh and the
 * software fallback: the window maps to a {@value #SIZE} x {@value #SIZE} square in the
 * x-z plane (surface x to the right, surface y away from the viewer), the height scale to
 * {@value #HEIGHT} units up (JavaFX y points down, so heights are negative y).
 */
public final class SurfaceModel {
    public static final double SIZE = 400;
    public static final double HEIGHT = 180;

    private final ViewWindow window;
    private final HeightScale scale;
    private final HeightScale colours;
    private final SurfaceGrid grid;
    private final Surface surface;

    public SurfaceModel(Surface surface, ViewWindow window, boolean logScale, int samples) {
        this.surface = surface;
        this.window = window;
        this.grid = SurfaceGrid.sample(surface, window, samples, samples);
        double lo = grid.finiteCount() > 0 ? grid.min() : 0;
        double hi = grid.finiteCount() > 0 ? grid.max() : 1;
        this.scale = new HeightScale(lo, hi, logScale, HeightScale.HEIGHT_FLOOR);
        this.colours = new HeightScale(lo, hi, logScale, HeightScale.COLOUR_FLOOR);
    }

    public SurfaceGrid grid() {
        return grid;
    }

    /** Loss to height. */
    public HeightScale scale() {
        return scale;
    }

    /** Loss to colour-map position, as on the map. */
    public HeightScale colours() {
        return colours;
    }

    /** Scene x of surface x. */
    public double sx(double x) {
        return (x - window.xMin()) / window.width() * SIZE - SIZE / 2;
    }

    /** Scene z of surface y. */
    public double sz(double y) {
        return (y - window.yMin()) / window.height() * SIZE - SIZE / 2;
    }

    /** Scene y (up is negative) of a height in [0, 1]; masked heights lie at the floor. */
    public double sy(double height) {
        return Double.isNaN(height) ? 0 : -height * HEIGHT;
    }

    /** A racer's path in scene coordinates as {x, y, z} triples, at most {@code maxPoints}, inside the window only. */
    public List<double[]> path(RacerSnapshot racer, int maxPoints) {
        TraceSnapshot t = racer.trace();
        int n = t.size();
        List<double[]> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        int cx = t.indexOf("x");
        int cy = t.indexOf("y");
        int stride = Math.max(1, (int) Math.ceil(n / (double) maxPoints));
        for (int i = 0; i < n; i += stride) {
            add(out, t.value(cx, i), t.value(cy, i));
        }
        if ((n - 1) % stride != 0) {
            add(out, t.value(cx, n - 1), t.value(cy, n - 1));
        }
        return out;
    }

    private void add(List<double[]> out, double x, double y) {
        if (!(x >= window.xMin() && x <= window.xMax() && y >= window.yMin() && y <= window.yMax())) {
            return;
        }
        double h = scale.height(surface.value(x, y));
        // a little above the surface, so the line is not hidden in it
        out.add(new double[] {sx(x), sy(Double.isNaN(h) ? 0 : h) - 2.5, sz(y)});
    }
}
