package dev.descent.core.schedule;

/**
 * A learning-rate schedule with {@code torch.optim.lr_scheduler} semantics. It advances
 * once per optimizer step: the race asks {@link #learningRate()} (and {@link #momentum()})
 * for step t, performs the step, then calls {@link #advance(double)} with the monitored loss.
 */
public interface LearningRateSchedule {

    /** The registry name ("onecycle"). */
    String name();

    /** The rate the next optimizer step uses. */
    double learningRate();

    /**
     * The momentum / beta1 the next step uses when this schedule cycles momentum
     * (OneCycleLR, CyclicLR with {@code cycle_momentum}); {@code NaN} otherwise.
     */
    default double momentum() {
        return Double.NaN;
    }

    /**
     * Moves to the next step.
     *
     * @param monitoredLoss the loss after the step just taken (ReduceLROnPlateau reads it;
     *                      the others ignore it). May be non-finite.
     */
    void advance(double monitoredLoss);

    /** Back to step 0. */
    void reset();
}
