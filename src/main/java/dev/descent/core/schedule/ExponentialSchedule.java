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
public final class ExponentialSchedule extends RecursiveSchedule {

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

    private final Config config;

    public ExponentialSchedule(double baseLr, Config config) {
        super(baseLr);
        this.config = config;
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    double next(double lr, int t) {
        return lr * config.gamma();
    }
}
