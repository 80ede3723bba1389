package dev.descent.core.race;

/**
 * Gradient clipping as torch does it, in place on a double[]:
 * {@code clip_grad_norm_} scales g by {@code min(1, max_norm / (||g||_2 + 1e-6))};
 * {@code clip_grad_value_} clamps each coordinate to [-c, c].
 */
final class Clipping {
    private Clipping() {
    }

    /** @param grad Modified. @return the norm before clipping */
    static double clipNorm(double[] grad, double maxNorm) {
        double norm = norm(grad);
        double coefficient = Math.min(1.0, maxNorm / (norm + 1e-6));
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= coefficient;
        }
        return norm;
    }

    /** @param grad Modified. */
    static void clipValue(double[] grad, double clip) {
        for (int i = 0; i < grad.length; i++) {
            grad[i] = Math.max(-clip, Math.min(clip, grad[i]));
        }
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
