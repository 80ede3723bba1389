package dev.descent.ui.map;

import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.util.Objects;

/**
 * Draws f over the window as a viridis heatmap (linear or log colour scale). Non-finite
 * values are masked with grey hatching, not mapped to colours. The image is sampled at
 * half resolution and kept until the surface, window, size or scale changes.
 */
public final class HeatmapRenderer {
    private static final int MASK_LIGHT = 0xff9e9e9e;
    private static final int MASK_DARK = 0xff6e6e6e;

    private WritableImage image;
    private Object key;
    private double min;
    private double max;

    /** Lower and upper finite values of the last sampled grid. */
    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public void draw(GraphicsContext gc, Surface surface, ViewWindow window, double width, double height,
                     boolean logScale, double resolution) {
        int nx = Math.max(2, (int) Math.ceil(width * resolution));
        int ny = Math.max(2, (int) Math.ceil(height * resolution));
        Object k = java.util.List.of(surface, window, nx, ny, logScale);
        if (!Objects.equals(k, key)) {
            image = render(surface, window, nx, ny, logScale);
            key = k;
        }
        gc.setImageSmoothing(nx != (int) Math.ceil(width) || ny != (int) Math.ceil(height));
        gc.drawImage(image, 0, 0, width, height);
    }

    private WritableImage render(Surface surface, ViewWindow w, int nx, int ny, boolean logScale) {
        double[] values = new double[nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            double y = w.yMax() - (j + 0.5) / ny * w.height();
            for (int i = 0; i < nx; i++) {
                double x = w.xMin() + (i + 0.5) / nx * w.width();
                double v = surface.value(x, y);
                values[j * nx + i] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        min = lo;
        max = hi;
        int[] pixels = new int[nx * ny];
        double span = hi - lo;
        double floor = span > 0 ? span * 1e-6 : 1;
        double logSpan = Math.log((span > 0 ? span : 1) + floor) - Math.log(floor);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = values[j * nx + i];
                int idx = j * nx + i;
                if (!Double.isFinite(v)) {
                    pixels[idx] = ((i + j) / 3) % 2 == 0 ? MASK_LIGHT : MASK_DARK;
                } else if (!(span > 0)) {
                    pixels[idx] = ColorMap.argb(0.5);
                } else if (logScale) {
                    pixels[idx] = ColorMap.argb((Math.log(v - lo + floor) - Math.log(floor)) / logSpan);
                } else {
                    pixels[idx] = ColorMap.argb((v - lo) / span);
                }
            }
        }
        WritableImage img = new WritableImage(nx, ny);
        img.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
        return img;
    }
}
