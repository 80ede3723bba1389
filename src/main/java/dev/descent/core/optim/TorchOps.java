package dev.descent.core.optim;

/**
 * The element-wise operations of {@code torch.optim} as ATen's CPU kernels evaluate them in
 * float64, so trajectories agree with torch to the last bits rather than merely to the
 * formula (on chaotic surfaces one ulp per step grows past 1e-9 within a few hundred steps).
 * ATen contracts {@code add(alpha)}, {@code addcmul} and {@code lerp} into fused
 * multiply-adds; {@code addcdiv} divides last and is not fused. Each form here was checked
 * bit for bit against torch 2.13 on random operands (see tools/golden/optimizers.py). One
 * deliberate difference: a subnormal first moment, momentum buffer or RMSProp centred mean is
 * flushed to zero ({@link #flushSubnormal}).
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

    /**
     * {@code x}, or a zero of its sign when {@code x} is subnormal (|x| < 2^-1022): flush to
     * zero, which torch does only after {@code torch.set_flush_denormal(True)}. The optimizers
     * apply it to first moments and momentum buffers, which the step is proportional to, and to
     * RMSProp's centred mean, which enters the denominator squared (a change below 1e-600);
     * never to the weights or to second moments and Adadelta's accumulators: those divide or
     * scale the step, and with eps = 0 a flushed one would divide by zero or stop a weight for
     * good. A moment whose gradient has become exactly 0 (a dead ReLU unit) decays into the
     * subnormals and, by
     * rounding, stays there for good ({@code 0.9 * 4 * 2^-1074} rounds back to {@code 4 * 2^-1074});
     * x86 computes with subnormals many times slower, and with a quarter of Adam's moments
     * stuck there after 7,000 steps of the 2-64-64-3 training race, its update took twice as
     * long (42-44 against 22-25 us per step for 8 racers). A flushed moment changes a weight
     * only when the weight itself is below about 1e-290.
     *
     * <p>Written as {@code x * min(1, floor(|x| * 2^1022))}, a factor of exactly 1 for a normal,
     * infinite or NaN x and 0 for a subnormal one (the sign kept), because the JIT vectorizes
     * it with the loop around it; a compare and select, or a test of the raw bits, kept
     * Adam's loop scalar (20 against 2.7 us per 4,547 weights).
     */
    static double flushSubnormal(double x) {
        return x * Math.min(1.0, Math.floor(Math.abs(x) * 0x1p1022));
    }
}
