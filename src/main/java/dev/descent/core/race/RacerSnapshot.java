package dev.descent.core.race;

/**
 * One racer at one moment, immutable.
 *
 * @param label            the legend text
 * @param colour           "#rrggbb"
 * @param trace            the bounded history (thinned past its cap, newest point always kept)
 * @param stepsRun         optimizer steps this racer has completed
 * @param divergedAt       the step at which it diverged, or -1 while it is fine
 * @param divergenceReason why it stopped ("gradient not finite at (1.0, NaN)"), or null
 * @param config           the config this racer runs with (a surface race's racer), or null
 */
public record RacerSnapshot(String label, String colour, TraceSnapshot trace, long stepsRun,
                            long divergedAt, String divergenceReason, RacerConfig config) {

    /** A snapshot that does not carry its config (a training race's racer). */
    public RacerSnapshot(String label, String colour, TraceSnapshot trace, long stepsRun,
                         long divergedAt, String divergenceReason) {
        this(label, colour, trace, stepsRun, divergedAt, divergenceReason, null);
    }

    /** What the optimizer computed in the newest step (gradient, moments, delta); null before the first. */
    public dev.descent.core.optim.StepTrace lastStep() {
        return trace.lastStep();
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** "diverged at step k: reason", or null while the racer is fine. */
    public String divergenceMessage() {
        return diverged() ? "diverged at step " + divergedAt + ": " + divergenceReason : null;
    }
}
