package dev.descent.core.preset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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

    /** Writes bytes into a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Streams UTF-8 content to {@code target}, atomically (for large CSV files). */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = withParentFolder(target);
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        replace(absolute, temp, out -> {
            // what Files.newBufferedWriter builds: malformed text is an error, not replaced
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()))) {
                content.writeTo(writer);
            }
        });
    }

    /**
     * Streams bytes to {@code target}, atomically (PNG and GIF exports). The temporary file is a
     * plain new file (not {@link Files#createTempFile}, which makes it owner-only), so the result
     * gets the usual permissions.
     */
    public static void writeBytes(Path target, ByteContent content) throws IOException {
        Path absolute = withParentFolder(target);
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".tmp");
        replace(absolute, temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static Path withParentFolder(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        return absolute;
    }

    /** Writes {@code temp}, moves it over {@code absolute}; {@code temp} is gone afterwards either way. */
    private static void replace(Path absolute, Path temp, ByteContent content, OpenOption... options)
            throws IOException {
        try {
            try (OutputStream out = Files.newOutputStream(temp, options)) {
                content.writeTo(out);
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
