package dev.descent.ui.main;

/** Steps per second measured over windows of about a second from (steps, nanos) samples. */
final class StepRate {
    private long windowStart = Long.MIN_VALUE;
    private long stepsAtStart;
    private double perSecond;

    void observe(long steps, long nanos) {
        if (windowStart == Long.MIN_VALUE || steps < stepsAtStart) {
            windowStart = nanos;
            stepsAtStart = steps;
            return;
        }
        long elapsed = nanos - windowStart;
        if (elapsed >= 1_000_000_000L) {
            perSecond = (steps - stepsAtStart) * 1e9 / elapsed;
            windowStart = nanos;
            stepsAtStart = steps;
        }
    }

    double perSecond() {
        return perSecond;
    }
}
