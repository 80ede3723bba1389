package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;

/**
 * Step decay, {@code torch.optim.lr_scheduler.StepLR}:
 * <pre>
 *   lr_t = lr_0 * gamma^floor(t / step_size)
 * </pre>
 * computed as torch does, recursively: the rate is multiplied by gamma at every non-zero
 * multiple of {@code step_size}, so the numbers are torch's to the last bit.
 */
public final class StepSchedule extends RecursiveSchedule {

    /** @param stepSize steps between decays, >= 1; @param gamma factor per decay, > 0 */
    public record Config(int stepSize, double gamma) {
        public Config {
            Checks.atLeast("step", "step_size", stepSize, 1);
            Checks.positive("step", "gamma", gamma);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("step",
            "step (torch StepLR): lr_t = lr * gamma^floor(t/step_size)",
            List.of(
                new HyperParameter("step_size", Kind.INT, null, ">= 1", "steps between decays"),
                new HyperParameter("gamma", Kind.DOUBLE, "0.1", "> 0", "factor applied at each decay")),
            (p, baseLr, baseMomentum) ->
                    new StepSchedule(baseLr, new Config(p.requireInt("step_size"), p.getDouble("gamma", 0.1))));

    private final Config config;

    public StepSchedule(double baseLr, Config config) {
        super(baseLr);
        this.config = config;
    }

    @Override
    public String name() {
        return "step";
    }

    @Override
    double next(double lr, int t) {
        return t % config.stepSize() == 0 ? lr * config.gamma() : lr;
    }
}
