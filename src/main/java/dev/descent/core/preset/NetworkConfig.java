package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.EarlyStopping;

import java.util.List;

/**
 * The network of a data-set preset, as plain values for the training engine (which checks
 * the names against its own catalogues). Activation, batch norm and dropout are lists: one
 * entry for every hidden layer, or one entry per hidden layer (in JSON a single value or an
 * array). A list whose entries are all equal is kept as one entry, so
 * {@code ["relu","relu"]} and {@code "relu"} are the same network.
 *
 * @param layers     hidden layer widths, each >= 1 (may be empty: a linear model)
 * @param activation hidden activation names ("relu", "leaky_relu alpha=0.2"), one or one per layer
 * @param init       weight initialisation name ("default", "he_normal")
 * @param batchnorm  batch normalisation after a hidden layer, one or one per layer
 * @param dropout    dropout probabilities in [0, 1), one or one per layer
 * @param loss       ce | bce | mse
 * @param l1         L1 penalty, >= 0
 * @param l2         L2 penalty, >= 0
 * @param batchSize  minibatch size, >= 1
 * @param earlyStopping early stopping on the validation loss as {@code "patience=5 restore_best_weights=true"}
 *                   ({@link EarlyStopping.Options#parse}), or null for none
 */
public record NetworkConfig(List<Integer> layers, List<String> activation, String init, List<Boolean> batchnorm,
                            List<Double> dropout, String loss, double l1, double l2, int batchSize,
                            String earlyStopping) {

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
        activation = perLayer("activation", activation, layers.size());
        for (int i = 0; i < activation.size(); i++) {
            if (activation.get(i).isBlank()) {
                throw new ConfigException("activation" + index(activation, i) + " must not be blank");
            }
        }
        if (init == null || init.isBlank()) {
            throw new ConfigException("init must not be blank");
        }
        batchnorm = perLayer("batchnorm", batchnorm, layers.size());
        dropout = perLayer("dropout", dropout, layers.size());
        for (int i = 0; i < dropout.size(); i++) {
            double p = dropout.get(i);
            if (!(p >= 0 && p < 1)) {
                throw new ConfigException("dropout" + index(dropout, i) + " must be in [0, 1), was " + p);
            }
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

    /** The same activation, batch norm and dropout on every hidden layer. */
    public NetworkConfig(List<Integer> layers, String activation, String init, boolean batchnorm,
                         double dropout, String loss, double l1, double l2, int batchSize, String earlyStopping) {
        this(layers, java.util.Collections.singletonList(activation), init, List.of(batchnorm), List.of(dropout), loss,
                l1, l2, batchSize, earlyStopping);
    }

    /** A network without early stopping, the same settings on every hidden layer (the first form of the record). */
    public NetworkConfig(List<Integer> layers, String activation, String init, boolean batchnorm,
                         double dropout, String loss, double l1, double l2, int batchSize) {
        this(layers, activation, init, batchnorm, dropout, loss, l1, l2, batchSize, null);
    }

    /** One entry, or one per layer; all-equal entries collapse to one. */
    private static <T> List<T> perLayer(String field, List<T> values, int layers) {
        if (values == null || values.isEmpty()) {
            throw new ConfigException(field + " must be given (one value, or one per hidden layer)");
        }
        if (values.size() != 1 && values.size() != layers) {
            throw new ConfigException(field + ": give one value for every hidden layer or one per hidden layer ("
                    + layers + "), was " + values.size() + " values");
        }
        for (T v : values) {
            if (v == null) {
                throw new ConfigException(field + " must not be blank");
            }
        }
        List<T> copy = List.copyOf(values);
        return copy.stream().distinct().count() == 1 ? List.of(copy.get(0)) : copy;
    }

    private static String index(List<?> values, int i) {
        return values.size() == 1 ? "" : "[" + i + "]";
    }

    /** The activation name of hidden layer {@code layer}. */
    public String activationOf(int layer) {
        return activation.size() == 1 ? activation.get(0) : activation.get(layer);
    }

    /** Whether hidden layer {@code layer} has batch norm. */
    public boolean batchnormOf(int layer) {
        return batchnorm.size() == 1 ? batchnorm.get(0) : batchnorm.get(layer);
    }

    /** The dropout rate of hidden layer {@code layer}. */
    public double dropoutOf(int layer) {
        return dropout.size() == 1 ? dropout.get(0) : dropout.get(layer);
    }

    /** The early-stopping options, or null for none. */
    public EarlyStopping.Options earlyStoppingOptions() {
        return earlyStopping == null ? null : EarlyStopping.Options.parse(earlyStopping);
    }
}
