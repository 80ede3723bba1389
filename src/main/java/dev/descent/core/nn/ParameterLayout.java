package dev.descent.core.nn;

/**
 * Where each parameter of one net lives in its flat vector (the vector an optimizer sees):
 * per dense layer l in order, {@code W_l} (fan_in x fan_out, row-major), {@code b_l} (fan_out),
 * then for a hidden layer with batch norm {@code gamma_l, beta_l} (fan_out each), and with
 * PReLU its single {@code alpha_l}. Absent parts have offset -1.
 */
public final class ParameterLayout {
    private final MlpSpec spec;
    private final int[] weight;
    private final int[] bias;
    private final int[] gamma;
    private final int[] beta;
    private final int[] alpha;
    private final int size;

    public ParameterLayout(MlpSpec spec) {
        this.spec = spec;
        int layers = spec.layers();
        weight = new int[layers];
        bias = new int[layers];
        gamma = new int[layers];
        beta = new int[layers];
        alpha = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            int in = spec.fanIn(l);
            int out = spec.fanOut(l);
            weight[l] = at;
            at += in * out;
            bias[l] = at;
            at += out;
            boolean bn = spec.batchNorm(l);
            gamma[l] = bn ? at : -1;
            at += bn ? out : 0;
            beta[l] = bn ? at : -1;
            at += bn ? out : 0;
            boolean prelu = spec.isHidden(l)
                    && spec.activation(l).function() == dev.descent.core.compute.Activation.PRELU;
            alpha[l] = prelu ? at : -1;
            at += prelu ? 1 : 0;
        }
        size = at;
    }

    public MlpSpec spec() {
        return spec;
    }

    /** Parameters per net. */
    public int size() {
        return size;
    }

    public int weight(int layer) {
        return weight[layer];
    }

    public int bias(int layer) {
        return bias[layer];
    }

    public int gamma(int layer) {
        return gamma[layer];
    }

    public int beta(int layer) {
        return beta[layer];
    }

    public int alpha(int layer) {
        return alpha[layer];
    }

    /** Number of weights (not biases, BN or PReLU parameters) of a layer. */
    public int weightCount(int layer) {
        return spec.fanIn(layer) * spec.fanOut(layer);
    }
}
