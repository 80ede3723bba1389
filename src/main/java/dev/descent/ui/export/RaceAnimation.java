package dev.descent.ui.export;

import dev.descent.core.race.SurfaceRace;
import dev.descent.core.surface.ViewWindow;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Runs a race from its start and writes it as an animated GIF: one frame at each of
 * {@link GifOptions#frameSteps}, rendered with {@link FigureImages} on the JavaFX thread while
 * the stepping and the GIF encoding stay on the calling thread (the app calls it from a
 * background task, the command line from its main thread). Written atomically.
 */
public final class RaceAnimation {
    /** Frames wider than this are scaled down: GIF compresses a heatmap poorly, and slides rarely need more. */
    public static final int MAX_WIDTH = 900;

    private final FigureImages images = new FigureImages();

    /**
     * @param race      a race at step 0 (it is stepped here)
     * @param steps     steps to run (fewer when every racer stops earlier)
     * @param title     the figure title
     * @param window    the map window
     * @param figure    what to show and at which scale
     * @param gif       frame cap and timing
     * @param cancelled polled between frames; true stops with an {@link IOException}
     * @param target    the GIF file
     * @return frames written
     */
    public int write(SurfaceRace race, long steps, String title, ViewWindow window, FigureOptions figure,
                     GifOptions gif, BooleanSupplier cancelled, Path target) throws IOException {
        if (race.stepsRun() != 0) {
            throw new IllegalArgumentException("the race must be at step 0, was at " + race.stepsRun());
        }
        long[] at = gif.frameSteps(steps);
        Figure base = Figure.of(title, race, window);
        int[] written = new int[1];
        ImageFiles.write(target, out -> {
            try (AnimatedGif animation = new AnimatedGif(out)) {
                for (int i = 0; i < at.length; i++) {
                    while (race.stepsRun() < at[i] && !race.isFinished()) {
                        race.step();
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new IOException("cancelled");
                    }
                    Figure frame = base.withFrame(race.snapshot());
                    var image = FxThread.call(() -> images.renderBuffered(frame, figure));
                    animation.add(fit(image), i == at.length - 1 ? gif.holdCentiseconds() : gif.delayCentiseconds());
                }
                written[0] = animation.frames();
            }
        });
        return written[0];
    }

    private static BufferedImage fit(BufferedImage image) {
        if (image.getWidth() <= MAX_WIDTH) {
            return image;
        }
        int w = MAX_WIDTH;
        int h = (int) Math.round(image.getHeight() * (double) w / image.getWidth());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
