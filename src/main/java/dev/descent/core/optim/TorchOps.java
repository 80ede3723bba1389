package dev.descent.core.optim;

/**
 * The element-wise operations of {@code torch.optim} as ATen's CPU kernels evaluate them in
 * float64, so trajectories agree with torch to the last bits rather than merely to the
 * formula (on chaotic surfaces one ulp per step grows past 1e-9 within a few hundred steps).
 * ATen contracts {@code add(alpha)}, {@code addcmul} and {@code lerp} into fused
 * multiply-adds; {@code addcdiv} divides last and is not fused. Each form here was checked
 * bit for bit against torch 2.13 on random operands (see tools/golden/optimizers.py).
 */
final class TorchOps {
    private TorchOps() {
    }

    /** {@code self.add_(other, alpha=alpha)} = fma(alpha, other, self). */
    static double add(double self, double alpha, double other) {
        return Math.fma(alpha, other, self);
    }

    /** {@code grad.add(param, alpha=weight_decay)}, skipped at 0 as torch does (so an infinite parameter stays visible). */
    static double decay(double grad, double weightDecay, double param) {
        return weightDecay != 0 ? Math.fma(weightDecay, param, grad) : grad;
    }

    /** {@code self.lerp_(end, w)}: the form switches at |w| = 0.5 for accuracy (pytorch#18871). */
    static double lerp(double self, double end, double weight) {
        return Math.abs(weight) < 0.5 ? Math.fma(weight, end - self, self) : Math.fma(weight - 1, end - self, end);
    }

    /** {@code self.addcmul_(t1, t2, value=v)} = fma(v * t1, t2, self). */
    static double addcmul(double self, double value, double t1, double t2) {
        return Math.fma(value * t1, t2, self);
    }

    /** {@code self.addcdiv_(t1, t2, value=v)} = self + v * t1 / t2 (not fused). */
    static double addcdiv(double self, double value, double t1, double t2) {
        return self + value * t1 / t2;
    }
}
