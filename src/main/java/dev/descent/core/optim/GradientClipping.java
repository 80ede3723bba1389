package dev.descent.core.optim;

/**
 * Gradient clipping as {@code torch.nn.utils}, on one flat gradient vector, before the
 * optimizer sees it.
 * <pre>
 *   clip_grad_norm_:  n = ||g||_p;  g = g * min(1, max_norm / (n + 1e-6))
 *   clip_grad_value_: g_i = clamp(g_i, -clip_value, clip_value)
 * </pre>
 * The 1e-6 is torch's: a gradient whose norm equals {@code max_norm} is still scaled by
 * {@code max_norm / (max_norm + 1e-6)}. As in torch (with {@code error_if_nonfinite=False}),
 * a non-finite norm is not an error: the gradient becomes non-finite and the caller's
 * divergence check sees it. Pascanu, Mikolov and Bengio 2013, "On the difficulty of training
 * recurrent neural networks", ICML.
 */
public final class GradientClipping {
    /** torch's guard against division by zero in the clipping coefficient. */
    public static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales {@code grad} so its 2-norm is at most about {@code maxNorm}.
     *
     * @param grad    the gradient. Modified.
     * @param maxNorm the largest allowed norm, in [0, inf)
     * @return the 2-norm before clipping (torch's return value)
     */
    public static double clipGradNorm(double[] grad, double maxNorm) {
        return clipGradNorm(grad, maxNorm, 2);
    }

    /**
     * As {@link #clipGradNorm(double[], double)} with torch's {@code norm_type}: any p >= 1 or
     * {@code Double.POSITIVE_INFINITY} for the max norm.
     *
     * @param grad the gradient. Modified.
     * @return the p-norm before clipping
     */
    public static double clipGradNorm(double[] grad, double maxNorm, double normType) {
        Checks.nonNegative("clip_grad_norm", "max_norm", maxNorm);
        Checks.range("clip_grad_norm", "norm_type", normType, 1, true, Double.POSITIVE_INFINITY, true);
        double norm = norm(grad, normType);
        double coefficient = Math.min(maxNorm / (norm + NORM_EPSILON), 1.0);
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= coefficient;
        }
        return norm;
    }

    /**
     * Clamps every component of {@code grad} to [-clipValue, clipValue].
     *
     * @param grad the gradient. Modified.
     * @return the 2-norm before clipping
     */
    public static double clipGradValue(double[] grad, double clipValue) {
        Checks.nonNegative("clip_grad_value", "clip_value", clipValue);
        double norm = norm(grad, 2);
        for (int i = 0; i < grad.length; i++) {
            grad[i] = Math.min(Math.max(grad[i], -clipValue), clipValue);
        }
        return norm;
    }

    /** The p-norm (p >= 1, or infinity for the largest magnitude). */
    public static double norm(double[] v, double p) {
        if (Double.isInfinite(p)) {
            double max = 0;
            for (double x : v) {
                max = Math.max(max, Math.abs(x));
            }
            return max;
        }
        double sum = 0;
        for (double x : v) {
            sum += p == 2 ? x * x : Math.pow(Math.abs(x), p);
        }
        return p == 2 ? Math.sqrt(sum) : Math.pow(sum, 1 / p);
    }
}
