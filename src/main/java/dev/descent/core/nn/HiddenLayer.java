package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.config.ConfigException;

/**
 * One hidden layer of an {@link MlpSpec}: {@code Linear(width) -> [BatchNorm1d] -> activation -> [dropout]}.
 * With SELU, dropout is alpha dropout (Klambauer et al. 2017).
 *
 * @param width      units, >= 1
 * @param activation this layer's activation
 * @param batchNorm  batch normalisation after this layer's linear part
 * @param dropout    drop probability of this layer's outputs, in [0, 1)
 */
public record HiddenLayer(int width, ActivationSpec activation, boolean batchNorm, double dropout) {

    public HiddenLayer {
        if (width < 1) {
            throw new ConfigException("layers: every hidden layer needs >= 1 unit, was " + width);
        }
        if (activation == null) {
            throw new ConfigException("activation must be given");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ConfigException("dropout must be in [0, 1), was " + dropout);
        }
    }

    /** Dropout on a SELU layer keeps SELU's fixed point: alpha dropout. */
    public boolean alphaDropout() {
        return dropout > 0 && activation.function() == Activation.SELU;
    }

    /** This layer with another activation. */
    public HiddenLayer withActivation(ActivationSpec a) {
        return new HiddenLayer(width, a, batchNorm, dropout);
    }
}
