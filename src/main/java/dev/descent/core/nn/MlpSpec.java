package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.config.ConfigException;

import java.util.List;

/**
 * The architecture of a multi-layer perceptron: dense layers {@code inputs -> hidden... -> outputs},
 * each hidden layer {@code Linear -> [BatchNorm1d] -> activation -> [dropout]}, the output
 * layer linear (logits). With SELU, dropout is alpha dropout (Klambauer et al. 2017).
 *
 * @param inputs     features per row, >= 1
 * @param hidden     units per hidden layer, each >= 1 (may be empty: a linear model)
 * @param outputs    output units, >= 1
 * @param activation the hidden activation
 * @param batchNorm  batch normalisation after each hidden linear layer
 * @param dropout    drop probability of each hidden layer's outputs, in [0, 1)
 * @param loss       the training loss
 */
public record MlpSpec(int inputs, List<Integer> hidden, int outputs, ActivationSpec activation,
                      boolean batchNorm, double dropout, Loss loss) {

    public MlpSpec {
        if (inputs < 1) {
            throw new ConfigException("inputs must be >= 1, was " + inputs);
        }
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h < 1) {
                throw new ConfigException("layers: every hidden layer needs >= 1 unit, was " + h);
            }
        }
        if (outputs < 1) {
            throw new ConfigException("outputs must be >= 1, was " + outputs);
        }
        if (activation == null || loss == null) {
            throw new ConfigException("activation and loss must be given");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ConfigException("dropout must be in [0, 1), was " + dropout);
        }
        if (loss == Loss.BCE && outputs != 1) {
            throw new ConfigException("loss bce needs 1 output (two classes), was " + outputs);
        }
        if (loss == Loss.CE && outputs < 2) {
            throw new ConfigException("loss ce needs >= 2 outputs (classes), was " + outputs);
        }
    }

    /** Number of dense layers (hidden + output). */
    public int layers() {
        return hidden.size() + 1;
    }

    public int fanIn(int layer) {
        return layer == 0 ? inputs : hidden.get(layer - 1);
    }

    public int fanOut(int layer) {
        return layer == hidden.size() ? outputs : hidden.get(layer);
    }

    public boolean isHidden(int layer) {
        return layer < hidden.size();
    }

    public boolean alphaDropout() {
        return dropout > 0 && activation.function() == Activation.SELU;
    }
}
