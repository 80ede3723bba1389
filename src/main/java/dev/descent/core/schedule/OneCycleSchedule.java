package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;
import java.util.Locale;

/**
 * The 1cycle policy, {@code torch.optim.lr_scheduler.OneCycleLR} (Smith and Topin 2019,
 * "Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates"; the
 * default two phases follow fastai). With initial = max_lr/div_factor and
 * min = initial/final_div_factor, T = total_steps, p = pct_start:
 * <pre>
 *   two phases:   t in [0, pT-1]: initial -> max_lr;       then -> min at T-1
 *   three_phase:  t in [0, pT-1]: initial -> max_lr;  [.., 2pT-2]: -> initial;  then -> min at T-1
 *   anneal(a, b, q) = b + (a - b)/2 * (1 + cos(pi*q))   (cos)   |   a + (b - a)*q   (linear)
 * </pre>
 * where q is the fraction of the current phase done. Momentum (SGD's momentum, Adam's beta1)
 * moves the other way: max_momentum -> base_momentum while the rate rises, back while it falls
 * (and stays at max_momentum in the third phase).
 *
 * <p>Past the cycle: torch gives an extrapolated value at {@code last_epoch = total_steps}
 * (negative with linear annealing) and raises after that. Descent instead holds the cycle's
 * final values, those of step T (lr = min up to rounding, momentum = max_momentum), for every
 * later step. Steps 1..T
 * match torch. A phase of zero length (possible with extreme pct_start, where torch divides
 * by zero) counts as finished.
 */
public final class OneCycleSchedule implements LearningRateSchedule {

    /** How each phase interpolates. */
    public enum Anneal { COS, LINEAR }

    /**
     * @param maxLr          the peak rate, > 0
     * @param totalSteps     steps in the cycle, >= 1
     * @param pctStart       fraction of the cycle spent rising, in [0, 1]
     * @param anneal         cosine or linear interpolation
     * @param divFactor      initial = max_lr / div_factor, > 0
     * @param finalDivFactor min = initial / final_div_factor, > 0
     * @param threePhase     fall back to initial before annihilating (the paper's form)
     * @param cycleMomentum  whether momentum/beta1 cycles
     * @param baseMomentum   momentum at the peak rate, in [0, 1]
     * @param maxMomentum    momentum at the start and end, in [0, 1]
     */
    public record Config(double maxLr, int totalSteps, double pctStart, Anneal anneal, double divFactor,
                         double finalDivFactor, boolean threePhase, boolean cycleMomentum,
                         double baseMomentum, double maxMomentum) {
        public Config {
            Checks.positive("onecycle", "max_lr", maxLr);
            Checks.atLeast("onecycle", "total_steps", totalSteps, 1);
            Checks.unit("onecycle", "pct_start", pctStart);
            Checks.positive("onecycle", "div_factor", divFactor);
            Checks.positive("onecycle", "final_div_factor", finalDivFactor);
            Checks.unit("onecycle", "base_momentum", baseMomentum);
            Checks.unit("onecycle", "max_momentum", maxMomentum);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("onecycle",
            "onecycle (torch OneCycleLR): max_lr/div_factor up to max_lr, then down to "
                    + "max_lr/(div_factor*final_div_factor) at total_steps; momentum opposite",
            List.of(
                new HyperParameter("max_lr", Kind.DOUBLE, null, "> 0", "the peak rate"),
                new HyperParameter("total_steps", Kind.INT, null, ">= 1",
                        "steps in the cycle; later steps keep the final rate"),
                new HyperParameter("pct_start", Kind.DOUBLE, "0.3", "[0, 1]", "fraction of the cycle rising"),
                new HyperParameter("anneal_strategy", Kind.CHOICE, "cos", "cos|linear", "interpolation"),
                new HyperParameter("div_factor", Kind.DOUBLE, "25", "> 0", "initial rate = max_lr/div_factor"),
                new HyperParameter("final_div_factor", Kind.DOUBLE, "10000", "> 0",
                        "final rate = initial rate/final_div_factor"),
                new HyperParameter("three_phase", Kind.BOOLEAN, "false", "true|false",
                        "back down to the initial rate before the final annihilation"),
                new HyperParameter("cycle_momentum", Kind.BOOLEAN, "true", "true|false",
                        "cycle momentum/beta1 opposite to the rate"),
                new HyperParameter("base_momentum", Kind.DOUBLE, "0.85", "[0, 1]", "momentum at the peak rate"),
                new HyperParameter("max_momentum", Kind.DOUBLE, "0.95", "[0, 1]", "momentum at start and end")),
            (p, baseLr, baseMomentum) -> {
                Config config = new Config(p.requireDouble("max_lr"), p.requireInt("total_steps"),
                        p.getDouble("pct_start", 0.3),
                        Anneal.valueOf(p.getChoice("anneal_strategy", "cos", "cos", "linear").toUpperCase(Locale.ROOT)),
                        p.getDouble("div_factor", 25), p.getDouble("final_div_factor", 1e4),
                        p.getBoolean("three_phase", false), p.getBoolean("cycle_momentum", true),
                        p.getDouble("base_momentum", 0.85), p.getDouble("max_momentum", 0.95));
                if (config.cycleMomentum()) {
                    Checks.requireMomentum("onecycle", baseMomentum);
                }
                return new OneCycleSchedule(config);
            });

    /** One leg of the cycle: ends at step {@code endStep}, interpolating rate and momentum. */
    private record Phase(double endStep, double startLr, double endLr, double startMomentum, double endMomentum) {
    }

    private final Config config;
    private final Phase[] phases;
    private int t;

    public OneCycleSchedule(Config config) {
        this.config = config;
        double initial = config.maxLr() / config.divFactor();
        double max = config.maxLr();
        double min = initial / config.finalDivFactor();
        double lo = config.baseMomentum();
        double hi = config.maxMomentum();
        double rise = config.pctStart() * config.totalSteps() - 1;
        double last = config.totalSteps() - 1;
        if (config.threePhase()) {
            phases = new Phase[] {
                new Phase(rise, initial, max, hi, lo),
                new Phase(2 * config.pctStart() * config.totalSteps() - 2, max, initial, lo, hi),
                new Phase(last, initial, min, hi, hi)};
        } else {
            phases = new Phase[] {
                new Phase(rise, initial, max, hi, lo),
                new Phase(last, max, min, lo, hi)};
        }
    }

    @Override
    public String name() {
        return "onecycle";
    }

    @Override
    public double learningRate() {
        return evaluate(true);
    }

    @Override
    public double momentum() {
        return config.cycleMomentum() ? evaluate(false) : Double.NaN;
    }

    @Override
    public void advance(double monitoredLoss) {
        if (t < config.totalSteps() - 1) {
            t++;
        }
    }

    @Override
    public void reset() {
        t = 0;
    }

    private double evaluate(boolean rate) {
        double start = 0.0;
        for (int i = 0; i < phases.length; i++) {
            Phase phase = phases[i];
            if (t <= phase.endStep() || i == phases.length - 1) {
                double span = phase.endStep() - start;
                double pct = span == 0 ? 1.0 : (t - start) / span;
                return rate ? anneal(phase.startLr(), phase.endLr(), pct)
                        : anneal(phase.startMomentum(), phase.endMomentum(), pct);
            }
            start = phase.endStep();
        }
        throw new AssertionError("the last phase always matches");
    }

    private double anneal(double from, double to, double pct) {
        if (config.anneal() == Anneal.COS) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return to + (from - to) / 2.0 * cosOut;
        }
        return (to - from) * pct + from;
    }
}
