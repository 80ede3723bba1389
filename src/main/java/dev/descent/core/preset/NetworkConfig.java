package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.EarlyStopping;

import java.util.List;

/**
 * The network of a data-set preset, as plain values for the training engine (which checks
 * the names against its own catalogues).
 *
 * @param layers     hidden layer widths, each >= 1 (may be empty: a linear model)
 * @param activation hidden activation name ("relu")
 * @param init       weight initialisation name ("default", "he_normal")
 * @param batchnorm  batch normalisation after each hidden layer
 * @param dropout    dropout probability, in [0, 1)
 * @param loss       ce | bce | mse
 * @param l1         L1 penalty, >= 0
 * @param l2         L2 penalty, >= 0
 * @param batchSize  minibatch size, >= 1
 * @param earlyStopping early stopping on the validation loss as {@code "patience=5 restore_best_weights=true"}
 *                   ({@link EarlyStopping.Options#parse}), or null for none
 */
public record NetworkConfig(List<Integer> layers, String activation, String init, boolean batchnorm,
                            double dropout, String loss, double l1, double l2, int batchSize, String earlyStopping) {

    /** Two hidden layers of 16 ReLU units, torch's default init, cross-entropy, batch 32. */
    public static final NetworkConfig DEFAULT =
            new NetworkConfig(List.of(16, 16), "relu", "default", false, 0, "ce", 0, 0, 32, null);

    public NetworkConfig {
        layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) < 1) {
                throw new ConfigException("layers[" + i + "] must be >= 1, was " + layers.get(i));
            }
        }
        if (activation == null || activation.isBlank()) {
            throw new ConfigException("activation must not be blank");
        }
        if (init == null || init.isBlank()) {
            throw new ConfigException("init must not be blank");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ConfigException("dropout must be in [0, 1), was " + dropout);
        }
        if (!List.of("ce", "bce", "mse").contains(loss)) {
            throw new ConfigException("loss must be one of ce|bce|mse, was '" + loss + "'");
        }
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new ConfigException("l1 must be in [0, inf), was " + l1);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new ConfigException("l2 must be in [0, inf), was " + l2);
        }
        if (batchSize < 1) {
            throw new ConfigException("batchSize must be >= 1, was " + batchSize);
        }
        if (earlyStopping != null && earlyStopping.isBlank()) {
            earlyStopping = null;
        }
        if (earlyStopping != null) {
            try {
                EarlyStopping.Options.parse(earlyStopping);
            } catch (ConfigException e) {
                throw new ConfigException("earlyStopping: " + e.getMessage(), e);
            }
        }
    }

    /** A network without early stopping (the first form of the record). */
    public NetworkConfig(List<Integer> layers, String activation, String init, boolean batchnorm,
                         double dropout, String loss, double l1, double l2, int batchSize) {
        this(layers, activation, init, batchnorm, dropout, loss, l1, l2, batchSize, null);
    }

    /** The early-stopping options, or null for none. */
    public EarlyStopping.Options earlyStoppingOptions() {
        return earlyStopping == null ? null : EarlyStopping.Options.parse(earlyStopping);
    }
}
