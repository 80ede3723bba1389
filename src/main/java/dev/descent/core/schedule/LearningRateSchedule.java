package dev.descent.core.schedule;

/**
 * A learning-rate schedule with {@code torch.optim.lr_scheduler} semantics. It advances
 * once per optimizer step: the race asks {@link #learningRate()} (and {@link #momentum()})
 * for step t, performs the step, then calls {@link #advance(double)} with the monitored loss.
 *
 * <p>Ordering, as torch's: a freshly built (or {@link #reset()}) schedule reports the rate of
 * step 1, which is the optimizer's {@code param_groups[0]["lr"]} right after the torch
 * scheduler is constructed ({@code last_epoch = 0}). After t calls to {@link #advance(double)}
 * it reports the rate of step t+1, torch's lr after t calls to {@code scheduler.step()}
 * ({@code last_epoch = t}). Formulas in the implementations use this t: {@code lr_t} is the
 * rate of step t+1, so {@code lr_0} is the first step's rate.
 */
public interface LearningRateSchedule {

    /** The registry name ("onecycle"). */
    String name();

    /** The rate the next optimizer step uses: {@code lr_t} after t advances. */
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

    /** Back to step 0, as freshly built. */
    void reset();
}
