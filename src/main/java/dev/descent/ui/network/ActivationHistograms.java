package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.ParameterLayout;
import org.apache.commons.math3.special.Erf;

import java.util.ArrayList;
import java.util.List;

/**
 * Histograms of each hidden layer's activations for one net, from a forward pass in double
 * over evaluation rows with the net's master weights (the formulas of
 * {@link Activation}; dropout off, RReLU at its mean slope as in inference). Batch norm uses
 * the statistics of these rows (training-mode normalisation), since the running averages stay
 * inside the engine; without batch norm the values are the engine's inference activations.
 */
public final class ActivationHistograms {
    private ActivationHistograms() {
    }

    /**
     * @param rows     evaluation rows (row-major, rows x inputs)
     * @param bins     bins per histogram, >= 1
     */
    public static List<LayerHistogram> of(MlpSpec spec, double[] params, float[] features, int rows, int bins) {
        ParameterLayout layout = new ParameterLayout(spec);
        List<LayerHistogram> out = new ArrayList<>();
        double[] x = new double[rows * spec.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = features[i];
        }
        for (int l = 0; l < spec.hidden().size(); l++) {
            int in = spec.fanIn(l);
            int width = spec.fanOut(l);
            double[] z = new double[rows * width];
            int w = layout.weight(l);
            int b = layout.bias(l);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    double s = params[b + j];
                    for (int i = 0; i < in; i++) {
                        s += x[r * in + i] * params[w + i * width + j];
                    }
                    z[r * width + j] = s;
                }
            }
            if (spec.batchNorm(l)) {
                normalise(z, rows, width, params, layout.gamma(l), layout.beta(l));
            }
            ActivationSpec f = spec.activation(l);
            double slope = layout.alpha(l) >= 0 ? params[layout.alpha(l)] : f.alpha();
            for (int i = 0; i < z.length; i++) {
                z[i] = apply(f, slope, z[i]);
            }
            out.add(histogram(z, bins, range(f.function())));
            x = z;
        }
        return out;
    }

    private static void normalise(double[] z, int rows, int width, double[] p, int gamma, int beta) {
        for (int j = 0; j < width; j++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += z[r * width + j] / rows;
            }
            double var = 0;
            for (int r = 0; r < rows; r++) {
                double d = z[r * width + j] - mean;
                var += d * d / rows;
            }
            double scale = 1 / Math.sqrt(var + 1e-5);
            for (int r = 0; r < rows; r++) {
                z[r * width + j] = p[gamma + j] * (z[r * width + j] - mean) * scale + p[beta + j];
            }
        }
    }

    /** f(z) as {@link Activation} documents it; {@code param} is alpha (leaky, elu) or the PReLU slope. */
    static double apply(ActivationSpec a, double param, double z) {
        return switch (a.function()) {
            case IDENTITY -> z;
            case BINARY_STEP -> z >= 0 ? 1 : 0;
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case ARCTAN -> Math.atan(z);
            case SOFTSIGN -> z / (1 + Math.abs(z));
            case RELU -> Math.max(z, 0);
            case LEAKY_RELU, PRELU -> z > 0 ? z : param * z;
            case RRELU -> z > 0 ? z : (ActivationSpec.RRELU_LOWER + ActivationSpec.RRELU_UPPER) / 2 * z;
            case ELU -> z > 0 ? z : param * (Math.exp(z) - 1);
            case SELU -> Activation.SELU_SCALE * (z > 0 ? z : Activation.SELU_ALPHA * (Math.exp(z) - 1));
            case SOFTPLUS -> z > 20 ? z : Math.log1p(Math.exp(z));
            case HARDTANH -> Math.max(-1, Math.min(1, z));
            case GELU -> z * (1 + Erf.erf(z / Math.sqrt(2))) / 2;
            case SILU -> z / (1 + Math.exp(-z));
        };
    }

    /**
     * The fixed axis of a bounded activation ({sigmoid: [0, 1], tanh: [-1, 1], ...}), so a layer
     * whose values collapse shows as one narrow spike instead of being zoomed to fill the plot;
     * null for an unbounded one (the data's range, widened to include 0).
     */
    static double[] range(Activation f) {
        return switch (f) {
            case SIGMOID, BINARY_STEP -> new double[] {0, 1};
            case TANH, HARDTANH, SOFTSIGN -> new double[] {-1, 1};
            case ARCTAN -> new double[] {-Math.PI / 2, Math.PI / 2};
            default -> null;
        };
    }

    static LayerHistogram histogram(double[] v, int bins, double[] fixed) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double mean = 0;
        int finite = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
                mean += d;
                finite++;
            }
        }
        int[] counts = new int[bins];
        if (finite == 0) {
            return new LayerHistogram(0, 1, counts, Double.NaN, Double.NaN);
        }
        mean /= finite;
        double var = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                var += (d - mean) * (d - mean) / finite;
            }
        }
        if (fixed != null) {
            lo = fixed[0];
            hi = fixed[1];
        } else {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        for (double d : v) {
            if (Double.isFinite(d)) {
                counts[Math.max(0, Math.min(bins - 1, (int) ((d - lo) / (hi - lo) * bins)))]++;
            }
        }
        return new LayerHistogram(lo, hi, counts, mean, Math.sqrt(var));
    }
}
