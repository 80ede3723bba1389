package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.Arrays;
import java.util.List;

/**
 * Decay at chosen steps, {@code torch.optim.lr_scheduler.MultiStepLR}:
 * <pre>
 *   lr_t = lr_0 * gamma^(number of milestones m with m <= t)
 * </pre>
 * computed as torch does, recursively (times gamma when t reaches a milestone).
 */
public final class MultiStepSchedule extends RecursiveSchedule {

    /** @param milestones strictly increasing steps >= 1; @param gamma factor per milestone, > 0 */
    public record Config(int[] milestones, double gamma) {
        public Config {
            if (milestones.length == 0) {
                throw new ConfigException("multistep: milestones must list at least one step, e.g. 50;120");
            }
            milestones = Checks.increasingSteps("multistep", "milestones", milestones);
            Checks.positive("multistep", "gamma", gamma);
        }

        /** A copy: the record stays immutable. */
        @Override
        public int[] milestones() {
            return milestones.clone();
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("multistep",
            "multistep (torch MultiStepLR): lr_t = lr * gamma^(milestones reached by t)",
            List.of(
                new HyperParameter("milestones", Kind.LIST, null, "increasing steps >= 1, ';'-separated",
                        "steps at which the rate is multiplied by gamma (\"50;120\")"),
                new HyperParameter("gamma", Kind.DOUBLE, "0.1", "> 0", "factor applied at each milestone")),
            (p, baseLr, baseMomentum) -> {
                if (!p.has("milestones")) {
                    throw new ConfigException("multistep: milestones is required");
                }
                int[] milestones = Checks.wholeSteps("multistep", "milestones", p.getDoubleList("milestones"));
                return new MultiStepSchedule(baseLr, new Config(milestones, p.getDouble("gamma", 0.1)));
            });

    private final Config config;
    private final int[] milestones;

    public MultiStepSchedule(double baseLr, Config config) {
        super(baseLr);
        this.config = config;
        this.milestones = config.milestones();
    }

    @Override
    public String name() {
        return "multistep";
    }

    @Override
    double next(double lr, int t) {
        return Arrays.binarySearch(milestones, t) >= 0 ? lr * config.gamma() : lr;
    }
}
