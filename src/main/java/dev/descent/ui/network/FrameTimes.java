package dev.descent.ui.network;

import java.util.Arrays;

/** The intervals between the last animation frames, for measuring that the UI does not freeze. */
public final class FrameTimes {
    private final long[] intervals;
    private long last;
    private int count;

    public FrameTimes(int capacity) {
        intervals = new long[capacity];
    }

    public void tick(long nanos) {
        if (last != 0) {
            intervals[count % intervals.length] = nanos - last;
            count++;
        }
        last = nanos;
    }

    /** Records one duration directly (for the work done inside a frame). */
    public void record(long nanos) {
        intervals[count % intervals.length] = nanos;
        count++;
    }

    /** Forgets the frames so far. */
    public void clear() {
        count = 0;
        last = 0;
    }

    public int frames() {
        return Math.min(count, intervals.length);
    }

    /** The {@code q}-quantile (0..1) of the kept intervals in milliseconds; NaN without frames. */
    public double quantileMillis(double q) {
        int n = frames();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervals, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(q * (n - 1) + 0.5))] / 1e6;
    }
}
