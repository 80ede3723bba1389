package dev.descent.core.preset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which
 * then replaces the target in one move. A reader never sees half a file, and a failed write
 * leaves the old file as it was.
 *
 * <p>The temporary file is a plain new file (not {@link Files#createTempFile}, which makes it
 * owner-only), so a new target gets the usual permissions (what the umask allows, as any
 * program's output file); a target that existed keeps its permissions where the file system
 * has POSIX permissions. Text and bytes take the same path.
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

    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Streams UTF-8 content to {@code target}, atomically (for large CSV files). */
    public static void write(Path target, Content content) throws IOException {
        writeBytes(target, out -> {
            // what Files.newBufferedWriter builds: malformed text is an error, not replaced
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()))) {
                content.writeTo(writer);
            }
        });
    }

    /** Streams bytes to {@code target}, atomically (PNG and GIF exports). */
    public static void writeBytes(Path target, ByteContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(target.toString(), null, "is a folder");
        }
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = null;
        try {
            OutputStream out = null;
            for (int attempt = 0; out == null; attempt++) {
                temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    temp = null;
                    if (attempt + 1 == NAME_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            try (OutputStream stream = out) {
                content.writeTo(stream);
            }
            keepPermissions(absolute, temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw aboutTarget(e, temp, target);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * An error about the temporary file is reported about the target: the user never named the
     * temporary file and it is gone afterwards.
     */
    private static FileSystemException aboutTarget(FileSystemException e, Path temp, Path target) {
        if (temp == null || !temp.toString().equals(e.getFile())) {
            return e;
        }
        String file = target.toString();
        FileSystemException out;
        if (e instanceof NoSuchFileException) {
            out = new NoSuchFileException(file, null, e.getReason());
        } else if (e instanceof AccessDeniedException) {
            out = new AccessDeniedException(file, null, e.getReason());
        } else {
            out = new FileSystemException(file, null, e.getReason());
        }
        out.initCause(e);
        return out;
    }

    /** A file being replaced keeps its POSIX permissions (best effort: the content matters more). */
    private static void keepPermissions(Path target, Path temp) {
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView fresh = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (old == null || fresh == null || !Files.isRegularFile(target)) {
            return;
        }
        try {
            fresh.setPermissions(old.readAttributes().permissions());
        } catch (IOException | SecurityException e) {
            // the new file keeps the default permissions
        }
    }
}
