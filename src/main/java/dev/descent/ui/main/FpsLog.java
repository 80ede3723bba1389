package dev.descent.ui.main;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The frame rate as a file, for measuring the app from a script ({@code tools/perf/fps.sh}):
 * once per second of frame-loop time one line {@code "elapsed_ms fps steps"} is appended,
 * elapsed counted from the first frame. Switched on with {@code -Ddescent.fpsLog=FILE}.
 */
public final class FpsLog implements AutoCloseable {
    /** The system property naming the file. */
    public static final String PROPERTY = "descent.fpsLog";
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Writer out;
    private long first = -1;
    private long windowStart;
    private int frames;

    /** Appends to {@code out}, which this log closes. */
    public FpsLog(Writer out) {
        this.out = out;
    }

    /** A log appending to {@code file}, or null when {@code file} is null or empty. */
    public static FpsLog open(String file) throws IOException {
        if (file == null || file.isBlank()) {
            return null;
        }
        return new FpsLog(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /**
     * Counts one frame shown at {@code nanos}; writes a line when a second has passed since the last one.
     *
     * @param steps the race's step count at this frame
     */
    public void frame(long nanos, long steps) throws IOException {
        if (first < 0) {
            first = nanos;
            windowStart = nanos;
            return;
        }
        frames++;
        long window = nanos - windowStart;
        if (window >= SECOND_NANOS) {
            out.write(String.format(Locale.ROOT, "%d %.2f %d%n", (nanos - first) / 1_000_000,
                    frames * 1e9 / window, steps));
            out.flush();
            frames = 0;
            windowStart = nanos;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
