package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.Locale;
import java.util.Set;

/**
 * Early stopping with the semantics of Keras's {@code keras.callbacks.EarlyStopping} (Keras 3,
 * {@code keras/src/callbacks/early_stopping.py}), as a plain object the training loop calls
 * once per epoch, plus one rule of our own: a non-finite monitored value stops at once.
 *
 * <p>With {@code mode = min} a value {@code v} improves on a reference {@code r} when
 * {@code v + min_delta < r}; with {@code max} when {@code v - min_delta > r}. The best value
 * starts at {@code +∞} (min) or {@code -∞} (max). Each monitored epoch (from
 * {@code start_from_epoch} on):
 * <ol>
 *   <li>{@code wait += 1};</li>
 *   <li>if {@code v} improves on the best: it becomes the best (and its weights the ones to
 *       restore); {@code wait} resets to 0 only if there is no baseline or {@code v} also
 *       improves on the baseline; training continues;</li>
 *   <li>otherwise, if {@code wait >= patience} and {@code epoch > 0}: stop.</li>
 * </ol>
 * So with a baseline that is never beaten, training stops after {@code patience} epochs and
 * still restores the best of them (Keras's own test case). Epochs are 0-based, as in Keras.
 */
public final class EarlyStopping {

    /** Whether smaller or larger values of the monitored quantity are better. */
    public enum Mode {
        MIN, MAX,
        /** Inferred from the monitor's name: losses and error metrics {@code MIN}, accuracy-like {@code MAX}. */
        AUTO
    }

    private static final Set<String> DECREASING = Set.of("loss", "mse", "mae", "hinge", "crossentropy", "error");
    private static final Set<String> INCREASING = Set.of("accuracy", "acc", "f1_score", "auc", "precision", "recall");

    /**
     * The settings, with Keras's names and defaults.
     *
     * @param monitor            the per-epoch quantity ({@code val_loss}, {@code train_accuracy}, ...)
     * @param mode               min, max or auto
     * @param minDelta           smallest change that counts as an improvement, {@code >= 0}
     * @param patience           epochs without improvement before stopping, {@code >= 0}
     * @param baseline           a value to beat, or {@code null} for none
     * @param restoreBestWeights whether the training loop should restore the best epoch's weights
     * @param startFromEpoch     epochs of warm-up that are not monitored, {@code >= 0}
     */
    public record Options(String monitor, Mode mode, double minDelta, int patience, Double baseline,
                          boolean restoreBestWeights, int startFromEpoch) {

        /** Keras's defaults: val_loss, auto, min_delta 0, patience 0, no baseline, no restore, no warm-up. */
        public static final Options DEFAULTS = new Options("val_loss", Mode.AUTO, 0, 0, null, false, 0);

        public Options {
            if (monitor == null || monitor.isBlank()) {
                throw new ConfigException("early stopping: monitor must name a quantity such as val_loss, was blank");
            }
            if (mode == null) {
                throw new ConfigException("early stopping: mode must be min, max or auto, was null");
            }
            if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
                throw new ConfigException("early stopping: min_delta must be finite and >= 0, was " + minDelta);
            }
            if (patience < 0) {
                throw new ConfigException("early stopping: patience must be >= 0, was " + patience);
            }
            if (baseline != null && !Double.isFinite(baseline)) {
                throw new ConfigException("early stopping: baseline must be finite, was " + baseline);
            }
            if (startFromEpoch < 0) {
                throw new ConfigException("early stopping: start_from_epoch must be >= 0, was " + startFromEpoch);
            }
        }

        /**
         * Parses the command-line form {@code "patience=5 min_delta=0 restore_best_weights=true"};
         * keys: monitor, mode (min|max|auto), min_delta, patience, baseline,
         * restore_best_weights, start_from_epoch. Unknown keys are errors.
         */
        public static Options parse(String text) {
            Spec spec = Spec.parse("early-stopping " + (text == null ? "" : text));
            Params p = Params.of(spec);
            String monitor = p.has("monitor") ? spec.values().get("monitor") : DEFAULTS.monitor();
            Mode mode = Mode.valueOf(p.getChoice("mode", "auto", "min", "max", "auto").toUpperCase(Locale.ROOT));
            double minDelta = p.getDouble("min_delta", 0);
            int patience = p.getInt("patience", 0);
            Double baseline = p.has("baseline") ? p.getDouble("baseline", 0) : null;
            boolean restore = p.getBoolean("restore_best_weights", false);
            int start = p.getInt("start_from_epoch", 0);
            p.rejectUnknown();
            return new Options(monitor, mode, minDelta, patience, baseline, restore, start);
        }
    }

    private final Options options;
    private final boolean minimize;
    private double best;
    private int bestEpoch = -1;
    private int wait;
    private int lastEpoch = -1;
    private int stoppedEpoch = -1;
    private boolean newBest;
    private String reason = "";

    /** @throws ConfigException when mode is auto and the monitor's direction cannot be inferred */
    public EarlyStopping(Options options) {
        this.options = options;
        this.minimize = resolve(options.monitor(), options.mode()) == Mode.MIN;
        this.best = minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The direction {@code AUTO} stands for with this monitor name (Keras: strip {@code val_}, look up the metric). */
    static Mode resolve(String monitor, Mode mode) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        String metric = monitor.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"val_", "train_"}) {
            if (metric.startsWith(prefix)) {
                metric = metric.substring(prefix.length());
            }
        }
        if (DECREASING.contains(metric) || metric.endsWith("_loss")) {
            return Mode.MIN;
        }
        if (INCREASING.contains(metric) || metric.endsWith("_accuracy")) {
            return Mode.MAX;
        }
        throw new ConfigException("early stopping: cannot tell whether monitor '" + monitor
                + "' should go down or up; give mode=min or mode=max");
    }

    public Options options() {
        return options;
    }

    /**
     * Records the monitored value at the end of {@code epoch} (0-based, increasing) and answers
     * whether training should stop now. Once it has answered true it keeps answering true.
     */
    public boolean shouldStop(int epoch, double value) {
        if (epoch <= lastEpoch) {
            throw new IllegalArgumentException("epoch must increase, was " + epoch + " after " + lastEpoch);
        }
        lastEpoch = epoch;
        newBest = false;
        if (stoppedEpoch >= 0) {
            return true;
        }
        if (!Double.isFinite(value)) {
            return stop(epoch, options.monitor() + " was " + value + " at epoch " + epoch);
        }
        if (epoch < options.startFromEpoch()) {
            return false;
        }
        wait++;
        if (improves(value, best)) {
            best = value;
            bestEpoch = epoch;
            newBest = true;
            if (options.baseline() == null || improves(value, options.baseline())) {
                wait = 0;
            }
            return false;
        }
        if (wait >= options.patience() && epoch > 0) {
            return stop(epoch, "no improvement of " + options.monitor() + " for " + wait + " epochs"
                    + (options.baseline() == null ? "" : " (baseline " + options.baseline() + ")"));
        }
        return false;
    }

    private boolean improves(double value, double reference) {
        return minimize ? value + options.minDelta() < reference : value - options.minDelta() > reference;
    }

    private boolean stop(int epoch, String why) {
        stoppedEpoch = epoch;
        reason = why;
        return true;
    }

    /** True when the value just recorded is the new best: snapshot the weights now if they may be restored. */
    public boolean isNewBest() {
        return newBest;
    }

    /** The best monitored value so far ({@code ±∞} before the first monitored epoch). */
    public double best() {
        return best;
    }

    /** The epoch of the best value, or -1 when no epoch has been monitored. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch at which {@link #shouldStop} first answered true, or -1. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    public boolean stopped() {
        return stoppedEpoch >= 0;
    }

    /** Why training stopped, for the log; empty while it has not. */
    public String reason() {
        return reason;
    }

    /**
     * Whether the training loop should now load the weights of {@link #bestEpoch()}: when
     * restore_best_weights is on and some epoch was monitored, whether training stopped early,
     * ran out of epochs or was stopped by someone else (as Keras does at the end of training).
     */
    public boolean shouldRestoreBestWeights() {
        return options.restoreBestWeights() && bestEpoch >= 0;
    }
}
