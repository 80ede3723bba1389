package dev.descent.ui.export;

import dev.descent.core.preset.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes images atomically through {@link AtomicFiles#writeBytes}: into a temporary file in the
 * target's folder, then one move over the target. A failed export leaves no half file and the
 * old file as it was.
 */
public final class ImageFiles {

    /** Writes bytes into a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ImageFiles() {
    }

    /** Writes {@code image} as PNG to {@code target}, atomically. */
    public static void writePng(RenderedImage image, Path target) throws IOException {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Streams {@code content} to {@code target}, atomically ({@link AtomicFiles#writeBytes}). */
    public static void write(Path target, Content content) throws IOException {
        AtomicFiles.writeBytes(target, content::writeTo);
    }
}
