package dev.descent.core.compute;

import org.apache.commons.math3.special.Erf;

/**
 * The activation functions of {@link Activation} and their derivatives in double, written
 * independently of the kernels from the formulas in its Javadoc (erf from Commons Math).
 */
public final class ReferenceActivations {

    private ReferenceActivations() {
    }

    public static double f(Activation a, double alpha, double s, double z) {
        switch (a) {
            case IDENTITY: return z;
            case BINARY_STEP: return z >= 0 ? 1 : 0;
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            case TANH: return Math.tanh(z);
            case ARCTAN: return Math.atan(z);
            case SOFTSIGN: return z / (1 + Math.abs(z));
            case RELU: return Math.max(z, 0);
            case LEAKY_RELU: return z > 0 ? z : alpha * z;
            case PRELU: case RRELU: return z > 0 ? z : s * z;
            case ELU: return z > 0 ? z : alpha * (Math.exp(z) - 1);
            case SELU: return 1.0507009873554805 * (z > 0 ? z : 1.6732632423543772 * (Math.exp(z) - 1));
            case SOFTPLUS: return z > 20 ? z : Math.log(1 + Math.exp(z));
            case HARDTANH: return Math.max(-1, Math.min(1, z));
            case GELU: return 0.5 * z * (1 + Erf.erf(z / Math.sqrt(2)));
            case SILU: return z / (1 + Math.exp(-z));
            default: throw new IllegalArgumentException();
        }
    }

    /** Derivative by the closed forms of the Javadoc of {@link Activation}. */
    public static double df(Activation a, double alpha, double s, double z) {
        switch (a) {
            case IDENTITY: return 1;
            case BINARY_STEP: return 0;
            case SIGMOID: { double y = f(a, alpha, s, z); return y * (1 - y); }
            case TANH: { double y = Math.tanh(z); return 1 - y * y; }
            case ARCTAN: return 1 / (1 + z * z);
            case SOFTSIGN: return 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z)));
            case RELU: return z > 0 ? 1 : 0;
            case LEAKY_RELU: return z > 0 ? 1 : alpha;
            case PRELU: case RRELU: return z > 0 ? 1 : s;
            case ELU: return z > 0 ? 1 : alpha * Math.exp(z);
            case SELU: return 1.0507009873554805 * (z > 0 ? 1 : 1.6732632423543772 * Math.exp(z));
            case SOFTPLUS: return z > 20 ? 1 : 1 / (1 + Math.exp(-z));
            case HARDTANH: return z > -1 && z < 1 ? 1 : 0;
            case GELU: return 0.5 * (1 + Erf.erf(z / Math.sqrt(2))) + z * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            case SILU: { double sg = 1 / (1 + Math.exp(-z)); return sg * (1 + z * (1 - sg)); }
            default: throw new IllegalArgumentException();
        }
    }

}
