package dev.descent.core.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times an operation: warm-up, then {@code runs} timed runs of enough repetitions to last at
 * least {@code minRunNanos} each, and the median time per repetition.
 *
 * @param runs        timed runs, the median of which is reported; at least 1
 * @param minRunNanos shortest timed run; repetitions are chosen from the warm-up speed
 * @param warmupNanos how long to warm up (at least two calls happen regardless)
 * @param clock       nanosecond clock ({@code System::nanoTime})
 */
public record Timing(int runs, long minRunNanos, long warmupNanos, LongSupplier clock) {

    public Timing {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, was " + runs);
        }
        if (minRunNanos < 0 || warmupNanos < 0) {
            throw new IllegalArgumentException("minRunNanos and warmupNanos must be >= 0, were " + minRunNanos + ", " + warmupNanos);
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
    }

    /** Seven runs of at least 50 ms after 300 ms of warm-up. */
    public static Timing standard() {
        return new Timing(7, 50_000_000L, 300_000_000L, System::nanoTime);
    }

    /** The median seconds per call of {@code op}. */
    public double medianSeconds(Runnable op) {
        long start = clock.getAsLong();
        long calls = 0;
        long elapsed;
        do {
            op.run();
            calls++;
            elapsed = clock.getAsLong() - start;
        } while (calls < 2 || elapsed < warmupNanos);
        double perCall = Math.max(1.0, (double) elapsed / calls);
        long reps = Math.max(1, (long) Math.ceil(minRunNanos / perCall));
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = clock.getAsLong();
            for (long i = 0; i < reps; i++) {
                op.run();
            }
            seconds[r] = (clock.getAsLong() - t0) / 1e9 / reps;
        }
        return median(seconds);
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
