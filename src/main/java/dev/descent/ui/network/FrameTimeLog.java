package dev.descent.ui.network;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Every data-set-mode animation frame as a line {@code "interval_ms work_ms steps"}, for
 * measuring frame times from a script ({@code tools/perf/fps-data.sh}): the interval since the
 * previous frame (what the eye sees; it includes CSS, layout and waiting for the renderer) and
 * the JavaFX thread's CPU time spent drawing this frame's plots. Switched on with
 * {@code -Ddescent.frameLog=FILE}; flushed about once a second. A failing disk ends the log
 * quietly: it is a measuring aid.
 */
final class FrameTimeLog {
    public static final String PROPERTY = "descent.frameLog";
    private static final FrameTimeLog OFF = new FrameTimeLog(null);
    private static final long FLUSH_NANOS = 1_000_000_000L;

    private Writer out;
    private long last = -1;
    private long lastFlush;

    FrameTimeLog(Writer out) {
        this.out = out;
    }

    /** The log named by {@value #PROPERTY}, or one that writes nothing. */
    static FrameTimeLog fromSystemProperty() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return OFF;
        }
        try {
            return new FrameTimeLog(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            System.err.println("warning: frame-time log not written: " + e.getMessage());
            return OFF;
        }
    }

    /** One frame shown at {@code nanos} whose drawing took {@code workNanos} of CPU time. */
    void frame(long nanos, long workNanos, long steps) {
        if (out == null) {
            return;
        }
        try {
            if (last >= 0) {
                out.write(String.format(Locale.ROOT, "%.3f %.3f %d%n", (nanos - last) / 1e6, workNanos / 1e6, steps));
                if (nanos - lastFlush >= FLUSH_NANOS) {
                    out.flush();
                    lastFlush = nanos;
                }
            } else {
                lastFlush = nanos;
            }
            last = nanos;
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already failing
            }
            out = null;
        }
    }
}
