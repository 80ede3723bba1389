package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;

/**
 * Exponential decay, {@code torch.optim.lr_scheduler.ExponentialLR}:
 * <pre>
 *   lr_t = lr_0 * gamma^t
 * </pre>
 * computed as torch does, recursively ({@code lr_t = lr_{t-1} * gamma}).
 */
public final class ExponentialSchedule implements LearningRateSchedule {

    /** @param gamma factor per step, > 0 (required, as in torch) */
    public record Config(double gamma) {
        public Config {
            Checks.positive("exponential", "gamma", gamma);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("exponential",
            "exponential (torch ExponentialLR): lr_t = lr * gamma^t",
            List.of(new HyperParameter("gamma", Kind.DOUBLE, null, "> 0", "factor applied every step")),
            (p, baseLr, baseMomentum) -> new ExponentialSchedule(baseLr, new Config(p.requireDouble("gamma"))));

    private final double baseLr;
    private final Config config;
    private double lr;

    public ExponentialSchedule(double baseLr, Config config) {
        this.baseLr = baseLr;
        this.config = config;
        reset();
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void advance(double monitoredLoss) {
        lr = lr * config.gamma();
    }

    @Override
    public void reset() {
        lr = baseLr;
    }
}
