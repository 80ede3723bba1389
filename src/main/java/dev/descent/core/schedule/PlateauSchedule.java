package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;
import java.util.Locale;

/**
 * Reduce the rate when the monitored loss stops improving,
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}. After each step, with the best value so
 * far {@code best}:
 * <pre>
 *   improved = loss &lt; best - threshold*|best|   (mode min, rel)   |   loss &lt; best - threshold   (min, abs)
 *              loss &gt; best + threshold*|best|   (mode max, rel)   |   loss &gt; best + threshold   (max, abs)
 *   improved: best = loss, bad = 0;  else bad += 1;  in cooldown: bad = 0 and one cooldown step passes
 *   bad &gt; patience:  lr' = max(lr * factor, min_lr), kept only if lr - lr' &gt; eps;  cooldown starts
 * </pre>
 * The relative margin is written with |best| so it also works for negative losses: torch's
 * {@code best * (1 - threshold)} moves the bar the wrong way when best &lt; 0, and would count a
 * slightly worse negative loss as an improvement. For best &gt;= 0 both forms are the same
 * floating-point expression, so positive losses give torch's numbers bit for bit. A non-finite
 * loss (NaN, or an infinity, which torch would take as a new best in one direction) always
 * counts as no improvement.
 */
public final class PlateauSchedule implements LearningRateSchedule {

    /** Whether lower or higher monitored values are better. */
    public enum Mode { MIN, MAX }

    /** Whether the threshold is a fraction of |best| or an absolute margin. */
    public enum ThresholdMode { REL, ABS }

    /**
     * @param mode          min for a loss, max for a score
     * @param factor        lr multiplier at a reduction, in [0, 1)
     * @param patience      bad steps tolerated before reducing, >= 0
     * @param threshold     improvement margin, >= 0
     * @param thresholdMode rel or abs margin
     * @param cooldown      steps after a reduction during which bad steps are not counted, >= 0
     * @param minLr         the rate never goes below this, >= 0
     * @param eps           reductions smaller than this are skipped, >= 0
     */
    public record Config(Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
                         int cooldown, double minLr, double eps) {
        public Config {
            if (!(factor >= 0 && factor < 1)) {
                throw new ConfigException("plateau: factor must be in [0, 1), was " + factor);
            }
            Checks.atLeast("plateau", "patience", patience, 0);
            Checks.nonNegative("plateau", "threshold", threshold);
            Checks.atLeast("plateau", "cooldown", cooldown, 0);
            Checks.nonNegative("plateau", "min_lr", minLr);
            Checks.nonNegative("plateau", "eps", eps);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("plateau",
            "plateau (torch ReduceLROnPlateau): lr *= factor after patience steps without improvement",
            List.of(
                new HyperParameter("mode", Kind.CHOICE, "min", "min|max", "lower or higher is better"),
                new HyperParameter("factor", Kind.DOUBLE, "0.1", "[0, 1)", "lr multiplier at a reduction"),
                new HyperParameter("patience", Kind.INT, "10", ">= 0", "bad steps tolerated before reducing"),
                new HyperParameter("threshold", Kind.DOUBLE, "0.0001", ">= 0", "margin for a new best"),
                new HyperParameter("threshold_mode", Kind.CHOICE, "rel", "rel|abs",
                        "margin as threshold*|best| or threshold"),
                new HyperParameter("cooldown", Kind.INT, "0", ">= 0", "steps ignored after a reduction"),
                new HyperParameter("min_lr", Kind.DOUBLE, "0", ">= 0", "lower bound on the rate"),
                new HyperParameter("eps", Kind.DOUBLE, "1e-8", ">= 0", "smaller reductions are skipped")),
            (p, baseLr, baseMomentum) -> {
                Config config = new Config(
                        Mode.valueOf(p.getChoice("mode", "min", "min", "max").toUpperCase(Locale.ROOT)),
                        p.getDouble("factor", 0.1), p.getInt("patience", 10), p.getDouble("threshold", 1e-4),
                        ThresholdMode.valueOf(
                                p.getChoice("threshold_mode", "rel", "rel", "abs").toUpperCase(Locale.ROOT)),
                        p.getInt("cooldown", 0), p.getDouble("min_lr", 0), p.getDouble("eps", 1e-8));
                return new PlateauSchedule(baseLr, config);
            });

    private final double baseLr;
    private final Config config;
    private double lr;
    private double best;
    private int badSteps;
    private int cooldownLeft;

    public PlateauSchedule(double baseLr, Config config) {
        this.baseLr = baseLr;
        this.config = config;
        reset();
    }

    @Override
    public String name() {
        return "plateau";
    }

    @Override
    public double learningRate() {
        return lr;
    }

    /** The best monitored value so far (+inf in min mode, -inf in max mode before any). */
    public double best() {
        return best;
    }

    @Override
    public void advance(double monitoredLoss) {
        if (Double.isFinite(monitoredLoss) && improves(monitoredLoss)) {
            best = monitoredLoss;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badSteps = 0;
        }
        if (badSteps > config.patience()) {
            double reduced = Math.max(lr * config.factor(), config.minLr());
            if (lr - reduced > config.eps()) {
                lr = reduced;
            }
            cooldownLeft = config.cooldown();
            badSteps = 0;
        }
    }

    @Override
    public void reset() {
        lr = baseLr;
        best = config.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        badSteps = 0;
        cooldownLeft = 0;
    }

    private boolean improves(double value) {
        if (Double.isInfinite(best)) {
            return true;
        }
        double th = config.threshold();
        if (config.mode() == Mode.MIN) {
            if (config.thresholdMode() == ThresholdMode.ABS) {
                return value < best - th;
            }
            // best - th*|best|, written as torch writes it for best >= 0
            return value < (best >= 0 ? best * (1.0 - th) : best * (1.0 + th));
        }
        if (config.thresholdMode() == ThresholdMode.ABS) {
            return value > best + th;
        }
        return value > (best >= 0 ? best * (th + 1.0) : best * (1.0 - th));
    }
}
