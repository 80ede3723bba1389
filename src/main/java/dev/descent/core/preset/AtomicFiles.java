package dev.descent.core.preset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which
 * then replaces the target in one move. A reader never sees half a file, and a failed write
 * leaves the old file as it was.
 */
public final class AtomicFiles {

    /** Writes text into a writer; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Streams UTF-8 content to {@code target}, atomically (for large CSV files). */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
