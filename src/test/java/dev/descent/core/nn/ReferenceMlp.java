package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.ReferenceActivations;

/**
 * The same MLP math as {@link MlpBatch}, for one net, written independently in double: the
 * forward pass in training mode (batch statistics, given dropout masks and RReLU slopes),
 * the mean loss, and the backward pass. Tests check it against central differences and then
 * check the float backend against it.
 */
final class ReferenceMlp {
    static final double EPS = 1e-5;

    final MlpSpec spec;
    final ParameterLayout layout;
    /** Per hidden layer: dropout mask and shift (rows x n, or null), RReLU slopes (rows x n, or null). */
    final double[][] mask;
    final double[][] shift;
    final double[][] slopes;

    ReferenceMlp(MlpSpec spec, double[][] mask, double[][] shift, double[][] slopes) {
        this.spec = spec;
        this.layout = new ParameterLayout(spec);
        this.mask = mask;
        this.shift = shift;
        this.slopes = slopes;
    }

    static double f(Activation a, double alpha, double s, double z) {
        return ReferenceActivations.f(a, alpha, s, z);
    }

    static double df(Activation a, double alpha, double s, double z) {
        return ReferenceActivations.df(a, alpha, s, z);
    }

    /** The mean training loss; when {@code grad} is non-null also its gradient (flat layout). */
    double lossAndGradient(double[] p, double[][] x, double[] targets, double[] grad) {
        int rows = x.length;
        int layers = spec.layers();
        double[][][] inputs = new double[layers][][];
        double[][][] pre = new double[layers][][];   // H (input of the activation)
        double[][][] xhat = new double[layers][][];
        double[][] var = new double[layers][];
        double[][] in = x;
        double[][] logits = null;
        for (int l = 0; l < layers; l++) {
            inputs[l] = in;
            int fi = spec.fanIn(l);
            int fo = spec.fanOut(l);
            double[][] z = new double[rows][fo];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < fo; j++) {
                    double s = p[layout.bias(l) + j];
                    for (int k = 0; k < fi; k++) {
                        s += in[i][k] * p[layout.weight(l) + k * fo + j];
                    }
                    z[i][j] = s;
                }
            }
            if (!spec.isHidden(l)) {
                logits = z;
                break;
            }
            if (spec.batchNorm(l)) {
                var[l] = new double[fo];
                xhat[l] = new double[rows][fo];
                for (int j = 0; j < fo; j++) {
                    double m = 0;
                    for (int i = 0; i < rows; i++) {
                        m += z[i][j] / rows;
                    }
                    double v = 0;
                    for (int i = 0; i < rows; i++) {
                        v += (z[i][j] - m) * (z[i][j] - m) / rows;
                    }
                    var[l][j] = v;
                    for (int i = 0; i < rows; i++) {
                        xhat[l][i][j] = (z[i][j] - m) / Math.sqrt(v + EPS);
                        z[i][j] = p[layout.gamma(l) + j] * xhat[l][i][j] + p[layout.beta(l) + j];
                    }
                }
            }
            pre[l] = z;
            Activation act = spec.activation(l).function();
            double alpha = spec.activation(l).alpha();
            double[][] out = new double[rows][fo];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < fo; j++) {
                    double a = f(act, alpha, slope(l, i * fo + j, p), z[i][j]);
                    if (mask != null && mask[l] != null) {
                        a = a * mask[l][i * fo + j] + (shift[l] == null ? 0 : shift[l][i * fo + j]);
                    }
                    out[i][j] = a;
                }
            }
            in = out;
        }
        int outs = spec.outputs();
        double loss = 0;
        double[][] g = new double[rows][outs];
        for (int i = 0; i < rows; i++) {
            switch (spec.loss()) {
                case CE -> {
                    double m = Double.NEGATIVE_INFINITY;
                    for (double v : logits[i]) {
                        m = Math.max(m, v);
                    }
                    double s = 0;
                    for (double v : logits[i]) {
                        s += Math.exp(v - m);
                    }
                    int t = (int) targets[i];
                    loss += (m + Math.log(s) - logits[i][t]) / rows;
                    for (int j = 0; j < outs; j++) {
                        g[i][j] = (Math.exp(logits[i][j] - m) / s - (j == t ? 1 : 0)) / rows;
                    }
                }
                case BCE -> {
                    double z = logits[i][0];
                    double y = targets[i];
                    loss += (-y * Math.log(1 / (1 + Math.exp(-z))) - (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-z)))) / rows;
                    g[i][0] = (1 / (1 + Math.exp(-z)) - y) / rows;
                }
                case MSE -> {
                    for (int j = 0; j < outs; j++) {
                        double e = logits[i][j] - targets[i * outs + j];
                        loss += e * e / (rows * outs);
                        g[i][j] = 2 * e / (rows * outs);
                    }
                }
            }
        }
        if (grad == null) {
            return loss;
        }
        java.util.Arrays.fill(grad, 0);
        double[][] gz = g;
        for (int l = layers - 1; l >= 0; l--) {
            int fi = spec.fanIn(l);
            int fo = spec.fanOut(l);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < fo; j++) {
                    grad[layout.bias(l) + j] += gz[i][j];
                    for (int k = 0; k < fi; k++) {
                        grad[layout.weight(l) + k * fo + j] += inputs[l][i][k] * gz[i][j];
                    }
                }
            }
            if (l == 0) {
                break;
            }
            int q = l - 1;
            Activation act = spec.activation(q).function();
            double alpha = spec.activation(q).alpha();
            double[][] gh = new double[rows][fi];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < fi; k++) {
                    double s = 0;
                    for (int j = 0; j < fo; j++) {
                        s += gz[i][j] * p[layout.weight(l) + k * fo + j];
                    }
                    if (mask != null && mask[q] != null) {
                        s *= mask[q][i * fi + k];
                    }
                    double h = pre[q][i][k];
                    if (act == Activation.PRELU && h < 0) {
                        grad[layout.alpha(q)] += s * h;
                    }
                    gh[i][k] = s * df(act, alpha, slope(q, i * fi + k, p), h);
                }
            }
            if (spec.batchNorm(q)) {
                double[][] gx = new double[rows][fi];
                for (int k = 0; k < fi; k++) {
                    double sg = 0;
                    double sgh = 0;
                    for (int i = 0; i < rows; i++) {
                        sg += gh[i][k];
                        sgh += gh[i][k] * xhat[q][i][k];
                    }
                    grad[layout.beta(q) + k] = sg;
                    grad[layout.gamma(q) + k] = sgh;
                    double c = p[layout.gamma(q) + k] / (rows * Math.sqrt(var[q][k] + EPS));
                    for (int i = 0; i < rows; i++) {
                        gx[i][k] = c * (rows * gh[i][k] - sg - xhat[q][i][k] * sgh);
                    }
                }
                gh = gx;
            }
            gz = gh;
        }
        return loss;
    }

    /**
     * Each hidden layer's outputs (rows x units) in inference mode, for a net without batch norm
     * (dropout is off at inference; RReLU, whose inference slope differs, is not supported).
     */
    double[][][] hiddenOutputs(double[] p, double[][] x) {
        int rows = x.length;
        double[][][] hidden = new double[spec.hidden().size()][][];
        double[][] in = x;
        for (int l = 0; l < hidden.length; l++) {
            Activation act = spec.activation(l).function();
            if (spec.batchNorm(l) || act == Activation.RRELU) {
                throw new IllegalArgumentException("hiddenOutputs: no batch norm and no RReLU");
            }
            int fi = spec.fanIn(l);
            int fo = spec.fanOut(l);
            double[][] out = new double[rows][fo];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < fo; j++) {
                    double s = p[layout.bias(l) + j];
                    for (int k = 0; k < fi; k++) {
                        s += in[i][k] * p[layout.weight(l) + k * fo + j];
                    }
                    out[i][j] = f(act, spec.activation(l).alpha(), slope(l, i * fo + j, p), s);
                }
            }
            hidden[l] = out;
            in = out;
        }
        return hidden;
    }

    private double slope(int layer, int index, double[] p) {
        Activation act = spec.activation(layer).function();
        if (act == Activation.PRELU) {
            return p[layout.alpha(layer)];
        }
        if (act == Activation.RRELU) {
            return slopes[layer][index];
        }
        return 0;
    }
}
