package dev.descent.core.nn;

import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a multi-layer perceptron: dense layers {@code inputs -> hidden... -> outputs},
 * each hidden layer {@code Linear -> [BatchNorm1d] -> activation -> [dropout]} with its own
 * activation, batch-norm flag and dropout rate ({@link HiddenLayer}), the output layer linear
 * (logits).
 *
 * @param inputs       features per row, >= 1
 * @param hiddenLayers the hidden layers in order (may be empty: a linear model)
 * @param outputs      output units, >= 1
 * @param loss         the training loss
 */
public record MlpSpec(int inputs, List<HiddenLayer> hiddenLayers, int outputs, Loss loss) {

    public MlpSpec {
        if (inputs < 1) {
            throw new ConfigException("inputs must be >= 1, was " + inputs);
        }
        hiddenLayers = List.copyOf(hiddenLayers);
        if (outputs < 1) {
            throw new ConfigException("outputs must be >= 1, was " + outputs);
        }
        if (loss == null) {
            throw new ConfigException("activation and loss must be given");
        }
        if (loss == Loss.BCE && outputs != 1) {
            throw new ConfigException("loss bce needs 1 output (two classes), was " + outputs);
        }
        if (loss == Loss.CE && outputs < 2) {
            throw new ConfigException("loss ce needs >= 2 outputs (classes), was " + outputs);
        }
    }

    /**
     * The same activation, batch-norm flag and dropout rate on every hidden layer.
     *
     * @param hidden units per hidden layer, each >= 1 (may be empty: a linear model)
     */
    public MlpSpec(int inputs, List<Integer> hidden, int outputs, ActivationSpec activation, boolean batchNorm,
                   double dropout, Loss loss) {
        this(inputs, uniform(hidden, activation, batchNorm, dropout, loss), outputs, loss);
    }

    private static List<HiddenLayer> uniform(List<Integer> hidden, ActivationSpec activation, boolean batchNorm,
                                             double dropout, Loss loss) {
        if (activation == null || loss == null) {
            throw new ConfigException("activation and loss must be given");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ConfigException("dropout must be in [0, 1), was " + dropout);
        }
        List<HiddenLayer> out = new ArrayList<>();
        for (int h : hidden) {
            out.add(new HiddenLayer(h, activation, batchNorm, dropout));
        }
        return out;
    }

    /** Number of dense layers (hidden + output). */
    public int layers() {
        return hiddenLayers.size() + 1;
    }

    /** Units per hidden layer. */
    public List<Integer> hidden() {
        return hiddenLayers.stream().map(HiddenLayer::width).toList();
    }

    public int fanIn(int layer) {
        return layer == 0 ? inputs : hiddenLayers.get(layer - 1).width();
    }

    public int fanOut(int layer) {
        return layer == hiddenLayers.size() ? outputs : hiddenLayers.get(layer).width();
    }

    public boolean isHidden(int layer) {
        return layer < hiddenLayers.size();
    }

    /** The activation of hidden layer {@code layer}. */
    public ActivationSpec activation(int layer) {
        return hiddenLayers.get(layer).activation();
    }

    /** Whether hidden layer {@code layer} has batch norm (false for the output layer). */
    public boolean batchNorm(int layer) {
        return isHidden(layer) && hiddenLayers.get(layer).batchNorm();
    }

    /** The dropout rate of hidden layer {@code layer} (0 for the output layer). */
    public double dropout(int layer) {
        return isHidden(layer) ? hiddenLayers.get(layer).dropout() : 0;
    }

    /** Whether hidden layer {@code layer} uses alpha dropout (dropout on SELU). */
    public boolean alphaDropout(int layer) {
        return isHidden(layer) && hiddenLayers.get(layer).alphaDropout();
    }

    /** Whether any hidden layer has batch norm. */
    public boolean anyBatchNorm() {
        return hiddenLayers.stream().anyMatch(HiddenLayer::batchNorm);
    }

    /** This architecture with {@code activation} on every hidden layer (a raced activation). */
    public MlpSpec withActivation(ActivationSpec activation) {
        return new MlpSpec(inputs, hiddenLayers.stream().map(h -> h.withActivation(activation)).toList(), outputs,
                loss);
    }
}
