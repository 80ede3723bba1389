package dev.descent.core.schedule;

/**
 * A schedule computed as torch's chainable schedulers compute it, recursively: each step
 * derives {@code lr_t} from {@code lr_{t-1}} and {@code t}, starting from {@code lr_0}. Keeping
 * the recursion (rather than a closed form) makes the numbers torch's to the last bit.
 */
abstract class RecursiveSchedule implements LearningRateSchedule {

    private final double baseLr;
    private double lr;
    private int t;

    RecursiveSchedule(double baseLr) {
        this.baseLr = baseLr;
        reset();
    }

    /** {@code lr_t} from {@code previous = lr_{t-1}}, for {@code t >= 1}. */
    abstract double next(double previous, int t);

    /** {@code lr_0}, the optimizer's configured rate. */
    final double baseLr() {
        return baseLr;
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void advance(double monitoredLoss) {
        t++;
        lr = next(lr, t);
    }

    @Override
    public final void reset() {
        lr = baseLr;
        t = 0;
    }
}
