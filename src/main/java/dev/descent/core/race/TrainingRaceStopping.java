package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Early stopping of a training race's racers on the monitored loss (validation loss; the
 * training loss without validation rows), with Keras's {@code EarlyStopping} semantics in mode
 * min: after each epoch (0-based e) {@code wait += 1}; an improvement is
 * {@code value - min_delta < best}; it sets {@code best = value} and, unless a baseline is set
 * and not beaten ({@code value - min_delta < baseline}), {@code wait = 0}; the racer stops when
 * {@code wait >= patience} and {@code e > 0}. A non-finite monitored value stops at once.
 * With {@code restore_best_weights} the racer gets back the weights of its best epoch.
 *
 * @param patience           epochs without improvement tolerated, >= 0
 * @param minDelta           least decrease that counts, >= 0
 * @param baseline           value to beat, or NaN for none
 * @param restoreBestWeights restore the best epoch's weights when stopping
 */
public record TrainingRaceStopping(int patience, double minDelta, double baseline, boolean restoreBestWeights) {

    public TrainingRaceStopping {
        if (patience < 0) {
            throw new ConfigException("early stopping: patience must be >= 0, was " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new ConfigException("early stopping: min_delta must be finite and >= 0, was " + minDelta);
        }
    }

    /** Parses {@code "patience=5 min_delta=0 baseline=0.5 restore_best_weights=true"}. */
    public static TrainingRaceStopping parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                throw new ConfigException("early stopping: '" + word + "' is not key=value");
            }
            if (values.put(word.substring(0, eq), word.substring(eq + 1)) != null) {
                throw new ConfigException("early stopping: '" + word.substring(0, eq) + "' is given twice");
            }
        }
        Params p = new Params("early stopping", values);
        String monitor = p.getChoice("monitor", "val_loss", "val_loss");
        assert monitor.equals("val_loss");
        TrainingRaceStopping s = new TrainingRaceStopping(p.getInt("patience", 0), p.getDouble("min_delta", 0),
                p.getDouble("baseline", Double.NaN), p.getBoolean("restore_best_weights", false));
        p.rejectUnknown();
        return s;
    }

    /** A fresh monitor for one racer. */
    public Monitor newMonitor() {
        return new Monitor();
    }

    /** One racer's early-stopping state. */
    public final class Monitor {
        private double best = Double.POSITIVE_INFINITY;
        private int wait;
        private int epochsSeen;

        /**
         * Feeds the monitored value of the epoch just ended.
         *
         * @return true when the racer must stop now
         */
        public boolean update(double value) {
            int e = epochsSeen++;
            if (!Double.isFinite(value)) {
                return true;
            }
            wait++;
            if (isImprovement(value)) {
                best = value;
                if (Double.isNaN(baseline) || value - minDelta < baseline) {
                    wait = 0;
                }
                lastImproved = true;
                return false;
            }
            lastImproved = false;
            return wait >= patience && e > 0;
        }

        private boolean lastImproved;

        /** Whether the last {@link #update} was a new best (its weights are the ones to restore). */
        public boolean improved() {
            return lastImproved;
        }

        private boolean isImprovement(double value) {
            return value - minDelta < best;
        }
    }
}
