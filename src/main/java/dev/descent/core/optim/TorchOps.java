package dev.descent.core.optim;

/**
 * The element-wise operations of {@code torch.optim}, written in the order ATen's CPU kernels
 * evaluate them, so trajectories agree with torch to the last bits rather than merely to the
 * formula.
 */
final class TorchOps {
    private TorchOps() {
    }

    /** {@code grad.add(param, alpha=weight_decay)}, skipped at 0 as torch does (so an infinite parameter stays visible). */
    static double decay(double grad, double weightDecay, double param) {
        return weightDecay != 0 ? grad + weightDecay * param : grad;
    }

    /** {@code torch.lerp(self, end, w)}: the form switches at |w| = 0.5 for accuracy (pytorch#18871). */
    static double lerp(double self, double end, double weight) {
        return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
    }

    /** {@code self.addcmul_(t1, t2, value)} = self + value * t1 * t2. */
    static double addcmul(double self, double value, double t1, double t2) {
        return self + value * t1 * t2;
    }

    /** {@code self.addcdiv_(t1, t2, value)} = self + value * t1 / t2. */
    static double addcdiv(double self, double value, double t1, double t2) {
        return self + value * t1 / t2;
    }
}
