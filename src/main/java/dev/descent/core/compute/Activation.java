package dev.descent.core.compute;

import java.util.Locale;

/**
 * The element-wise activation functions a backend computes, with the derivative its
 * backward pass uses (z is the pre-activation; the derivative at a kink is torch's choice).
 * {@code param} is the single scalar some functions take; {@code s} a slope from a buffer.
 * <pre>
 *   IDENTITY     f = z                                         f' = 1
 *   BINARY_STEP  f = z >= 0 ? 1 : 0                            f' = 0 (it cannot learn)
 *   SIGMOID      f = 1 / (1 + e^-z)                            f' = f (1 - f)
 *   TANH         f = tanh z                                    f' = 1 - f^2
 *   ARCTAN       f = atan z                                    f' = 1 / (1 + z^2)
 *   SOFTSIGN     f = z / (1 + |z|)                             f' = 1 / (1 + |z|)^2
 *   RELU         f = max(z, 0)                                 f' = z > 0 ? 1 : 0
 *   LEAKY_RELU   f = z > 0 ? z : param z    (param = alpha)    f' = z > 0 ? 1 : param
 *   PRELU        f = z > 0 ? z : s z        (s = the net's learned alpha, one per net)
 *   RRELU        f = z > 0 ? z : s z        (s = a host-drawn slope per element in training;
 *                                            no slope buffer: s = param = (lower+upper)/2)
 *   ELU          f = z > 0 ? z : param (e^z - 1)               f' = z > 0 ? 1 : param e^z
 *   SELU         f = lambda (z > 0 ? z : a (e^z - 1)),  lambda = 1.0507009873554805, a = 1.6732632423543772
 *   SOFTPLUS     f = z > 20 ? z : log(1 + e^z)                 f' = sigmoid(z)  (1 above 20)
 *   HARDTANH     f = clamp(z, -1, 1)                           f' = -1 < z < 1 ? 1 : 0
 *   GELU         f = z Phi(z) = z (1 + erf(z / sqrt 2)) / 2    f' = Phi(z) + z phi(z)
 *   SILU         f = z sigmoid(z)                              f' = s (1 + z (1 - s)), s = sigmoid(z)
 * </pre>
 * GELU is the exact (erf) form, torch's default; SELU: Klambauer et al. 2017; PReLU: He et
 * al. 2015; RReLU: Xu et al. 2015; GELU: Hendrycks and Gimpel 2016; SiLU: Elfwing et al. 2018.
 */
public enum Activation {
    IDENTITY, BINARY_STEP, SIGMOID, TANH, ARCTAN, SOFTSIGN, RELU, LEAKY_RELU, PRELU, RRELU,
    ELU, SELU, SOFTPLUS, HARDTANH, GELU, SILU;

    /** SELU's lambda (scale), as torch. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** SELU's alpha, as torch. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /** The lower-case name used on the command line ("leaky_relu"). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the function reads a slope buffer (PRELU always; RRELU in training). */
    public boolean usesSlopes() {
        return this == PRELU || this == RRELU;
    }
}
