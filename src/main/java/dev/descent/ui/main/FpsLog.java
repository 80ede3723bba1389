package dev.descent.ui.main;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The frame rate as a file, for measuring the app from a script ({@code tools/perf/fps.sh}):
 * once per second of frame-loop time one line {@code "elapsed_ms fps steps p95_frame_ms"} is
 * appended, elapsed counted from the first frame; {@code p95_frame_ms} is the 95th percentile
 * (nearest rank) of the intervals between the frames of that second, which shows stutter a
 * mean hides. Switched on with {@code -Ddescent.fpsLog=FILE}.
 */
public final class FpsLog implements AutoCloseable {
    /** The system property naming the file. */
    public static final String PROPERTY = "descent.fpsLog";
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Writer out;
    private long first = -1;
    private long windowStart;
    private long previous;
    private int frames;
    private long[] intervals = new long[256];

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
            previous = nanos;
            return;
        }
        if (frames == intervals.length) {
            intervals = Arrays.copyOf(intervals, 2 * frames);
        }
        intervals[frames++] = nanos - previous;
        previous = nanos;
        long window = nanos - windowStart;
        if (window >= SECOND_NANOS) {
            out.write(String.format(Locale.ROOT, "%d %.2f %d %.1f%n", (nanos - first) / 1_000_000,
                    frames * 1e9 / window, steps, percentile95(intervals, frames) / 1e6));
            out.flush();
            frames = 0;
            windowStart = nanos;
        }
    }

    /** The nearest-rank 95th percentile of {@code values[0, n)}; sorts that range. */
    static long percentile95(long[] values, int n) {
        Arrays.sort(values, 0, n);
        int rank = (int) Math.ceil(0.95 * n);
        return values[Math.max(0, rank - 1)];
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
