package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;
import java.util.Locale;

/**
 * Cyclical learning rates, {@code torch.optim.lr_scheduler.CyclicLR} (Smith 2017, "Cyclical
 * Learning Rates for Training Neural Networks"). With L = step_size_up + step_size_down and
 * r = step_size_up / L:
 * <pre>
 *   cycle = floor(1 + t/L),   x = 1 + t/L - cycle                   (position in the cycle, [0, 1))
 *   s     = x / r  if x <= r,  else (x - 1) / (r - 1)               (0 -> 1 -> 0)
 *   lr_t  = base_lr + (max_lr - base_lr) * s * f
 *   m_t   = max_momentum - (max_momentum - base_momentum) * s * f   (when cycle_momentum)
 *   f = 1 (triangular) | 1/2^(cycle-1) (triangular2) | gamma^t (exp_range)
 * </pre>
 * Momentum (SGD's momentum, Adam's beta1) moves opposite to the rate. As in torch, cycling
 * momentum on an optimizer that has neither is an error. The optimizer's own lr is used as
 * base_lr when base_lr is not given (torch requires base_lr).
 */
public final class CyclicSchedule implements LearningRateSchedule {

    /** How the amplitude shrinks. */
    public enum Mode { TRIANGULAR, TRIANGULAR2, EXP_RANGE }

    /**
     * @param baseLr        lower rate, >= 0
     * @param maxLr         upper rate, >= 0
     * @param stepSizeUp    steps rising, >= 1
     * @param stepSizeDown  steps falling, >= 1
     * @param mode          amplitude policy
     * @param gamma         exp_range factor per step, > 0
     * @param cycleMomentum whether momentum/beta1 cycles
     * @param baseMomentum  momentum at the rate's peak, in [0, 1]
     * @param maxMomentum   momentum at the rate's trough, in [0, 1]
     */
    public record Config(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, Mode mode,
                         double gamma, boolean cycleMomentum, double baseMomentum, double maxMomentum) {
        public Config {
            Checks.nonNegative("cyclic", "base_lr", baseLr);
            Checks.nonNegative("cyclic", "max_lr", maxLr);
            Checks.atLeast("cyclic", "step_size_up", stepSizeUp, 1);
            Checks.atLeast("cyclic", "step_size_down", stepSizeDown, 1);
            Checks.positive("cyclic", "gamma", gamma);
            Checks.unit("cyclic", "base_momentum", baseMomentum);
            Checks.unit("cyclic", "max_momentum", maxMomentum);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("cyclic",
            "cyclic (torch CyclicLR): triangle waves between base_lr and max_lr, momentum opposite",
            List.of(
                new HyperParameter("base_lr", Kind.DOUBLE, "optimizer lr", ">= 0", "lower rate of the cycle"),
                new HyperParameter("max_lr", Kind.DOUBLE, null, ">= 0", "upper rate of the cycle"),
                new HyperParameter("step_size_up", Kind.INT, "2000", ">= 1", "steps rising"),
                new HyperParameter("step_size_down", Kind.INT, "step_size_up", ">= 1", "steps falling"),
                new HyperParameter("mode", Kind.CHOICE, "triangular", "triangular|triangular2|exp_range",
                        "constant amplitude, halved each cycle, or times gamma^t"),
                new HyperParameter("gamma", Kind.DOUBLE, "1", "> 0", "exp_range factor per step"),
                new HyperParameter("cycle_momentum", Kind.BOOLEAN, "true", "true|false",
                        "cycle momentum/beta1 opposite to the rate"),
                new HyperParameter("base_momentum", Kind.DOUBLE, "0.8", "[0, 1]", "momentum at the rate's peak"),
                new HyperParameter("max_momentum", Kind.DOUBLE, "0.9", "[0, 1]", "momentum at the rate's trough")),
            (p, baseLr, baseMomentum) -> {
                double base = p.getDouble("base_lr", baseLr);
                double max = p.requireDouble("max_lr");
                int up = p.getInt("step_size_up", 2000);
                int down = p.getInt("step_size_down", up);
                Mode mode = Mode.valueOf(p.getChoice("mode", "triangular", "triangular", "triangular2", "exp_range")
                        .toUpperCase(Locale.ROOT));
                Config config = new Config(base, max, up, down, mode, p.getDouble("gamma", 1.0),
                        p.getBoolean("cycle_momentum", true), p.getDouble("base_momentum", 0.8),
                        p.getDouble("max_momentum", 0.9));
                if (config.cycleMomentum()) {
                    Checks.requireMomentum("cyclic", baseMomentum);
                }
                return new CyclicSchedule(config);
            });

    private final Config config;
    private final double totalSize;
    private final double stepRatio;
    private int t;

    public CyclicSchedule(Config config) {
        this.config = config;
        this.totalSize = (double) config.stepSizeUp() + config.stepSizeDown();
        this.stepRatio = config.stepSizeUp() / totalSize;
    }

    @Override
    public String name() {
        return "cyclic";
    }

    @Override
    public double learningRate() {
        return config.baseLr() + (config.maxLr() - config.baseLr()) * scaleFactor() * amplitude();
    }

    @Override
    public double momentum() {
        if (!config.cycleMomentum()) {
            return Double.NaN;
        }
        return config.maxMomentum() - (config.maxMomentum() - config.baseMomentum()) * scaleFactor() * amplitude();
    }

    @Override
    public void advance(double monitoredLoss) {
        t++;
    }

    @Override
    public void reset() {
        t = 0;
    }

    private double cycle() {
        return Math.floor(1 + t / totalSize);
    }

    /** Position in the triangle: 0 at the cycle's start and end, 1 at its peak. */
    private double scaleFactor() {
        double x = 1.0 + t / totalSize - cycle();
        return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    }

    private double amplitude() {
        switch (config.mode()) {
            case TRIANGULAR2:
                return 1 / Math.pow(2.0, cycle() - 1);
            case EXP_RANGE:
                return Math.pow(config.gamma(), t);
            default:
                return 1.0;
        }
    }
}
