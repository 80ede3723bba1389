package dev.descent.core.race;

/**
 * How a race is bounded.
 *
 * @param traceCapacity the most points each racer's trace holds before it thins (>= 4)
 * @param maxSteps      the step budget; the race finishes after this many steps (>= 0;
 *                      {@link Long#MAX_VALUE} = no budget)
 */
public record RaceOptions(int traceCapacity, long maxSteps) {

    /** 10,000 trace points per racer, no step budget. */
    public static final RaceOptions DEFAULT = new RaceOptions(10_000, Long.MAX_VALUE);

    public RaceOptions {
        if (traceCapacity < 4) {
            throw new IllegalArgumentException("traceCapacity must be >= 4, was " + traceCapacity);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, was " + maxSteps);
        }
    }

    public RaceOptions withMaxSteps(long steps) {
        return new RaceOptions(traceCapacity, steps);
    }
}
