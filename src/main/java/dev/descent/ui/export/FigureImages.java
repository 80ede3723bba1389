package dev.descent.ui.export;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Dimension2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.awt.image.BufferedImage;

/**
 * Renders figures offscreen: a {@link Canvas} that is never shown, snapshotted into an image.
 * Call on the JavaFX thread ({@link FxThread#call}).
 *
 * <p>Why the canvas is drawn at full pixel size under {@code gc.scale(s, s)} rather than at 1x
 * and snapshotted with {@code SnapshotParameters.setTransform(Transform.scale(s, s))}: a canvas
 * keeps its drawing as a bitmap of its own size, so a scaled snapshot only enlarges that bitmap
 * (blurred lines and text). Drawing under the scale re-rasterises every line, glyph and
 * heatmap sample at the output resolution; the snapshot itself then runs at 1:1.
 */
public final class FigureImages {
    private final FigureRenderer renderer = new FigureRenderer();

    /** The figure as an image of {@code size(f, o) * o.scale()} pixels. */
    public WritableImage render(Figure f, FigureOptions o) {
        Dimension2D size = renderer.size(f, o);
        int s = o.scale();
        Canvas canvas = new Canvas(size.getWidth() * s, size.getHeight() * s);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.scale(s, s);
        renderer.draw(gc, f, o);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        return canvas.snapshot(params, null);
    }

    /** The figure as an AWT image (for ImageIO). */
    public BufferedImage renderBuffered(Figure f, FigureOptions o) {
        return toBuffered(render(f, o));
    }

    /** An opaque RGB copy of {@code image} (ImageIO's GIF and PNG writers need no alpha). */
    public static BufferedImage toBuffered(WritableImage image) {
        BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(argb, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    /** Pixel size of the figure, without rendering it. */
    public Dimension2D pixelSize(Figure f, FigureOptions o) {
        Dimension2D size = renderer.size(f, o);
        return new Dimension2D(size.getWidth() * o.scale(), size.getHeight() * o.scale());
    }
}
