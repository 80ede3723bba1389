package dev.descent.ui.map;

import dev.descent.core.plot.SurfaceGrid;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.util.Objects;

/**
 * Draws f over the window as a viridis heatmap (linear or log colour scale) over the robust
 * range {@link ColourRange} picks (a pole does not flatten the map; values beyond the range
 * take the end colours). Non-finite values are masked with grey hatching, not mapped to colours. Sampling is
 * {@link SurfaceGrid}'s; the image is kept until the surface, window, size or scale changes.
 */
public final class HeatmapRenderer {
    private static final int MASK_LIGHT = 0xff9e9e9e;
    private static final int MASK_DARK = 0xff6e6e6e;

    private WritableImage image;
    private Object key;
    private ColourRange range;

    /** The colour range of the last sampled grid (null before the first). */
    public ColourRange range() {
        return range;
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
        SurfaceGrid grid = SurfaceGrid.sample(surface, w, nx, ny);
        double[] values = grid.values();
        range = ColourRange.of(values, logScale);
        int[] pixels = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                // grid rows run from yMin upwards, image rows from the top down
                double v = values[(ny - 1 - j) * nx + i];
                int idx = j * nx + i;
                if (!Double.isFinite(v)) {
                    pixels[idx] = ((i + j) / 3) % 2 == 0 ? MASK_LIGHT : MASK_DARK;
                } else {
                    pixels[idx] = ColorMap.argb(range.position(v));
                }
            }
        }
        WritableImage img = new WritableImage(nx, ny);
        img.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
        return img;
    }
}
