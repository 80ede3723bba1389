package dev.descent.core.optim;

/**
 * AdamW, exactly as {@code torch.optim.AdamW}: Adam whose weight decay shrinks the weights
 * directly instead of entering the gradient (and so the adaptive scaling):
 * <pre>
 *   theta'  = theta_{t-1} * (1 - lr * weight_decay)
 *   m_t, v_t, vmax_t as in Adam, from g_t = grad
 *   theta_t = theta' - lr / (1 - beta1^t) * m_t / (sqrt(v_t) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization", ICLR.
 */
public final class AdamW implements Optimizer {

    /** Hyper-parameters with torch's defaults (weight_decay 0.01); validated on construction. */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        public Config {
            Adam.Config.validate("adamw", lr, beta1, beta2, eps, weightDecay);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("adamw",
            "AdamW: Adam with decoupled weight decay (Loshchilov and Hutter 2019)",
            Adam.hyperParameters("0.01"),
            (p, size) -> new AdamW(new Config(p.getDouble("lr", 0.001), p.getDouble("beta1", 0.9),
                    p.getDouble("beta2", 0.999), p.getDouble("eps", 1e-8), p.getDouble("weight_decay", 0.01),
                    p.getBoolean("amsgrad", false)), size));

    private final Adam adam;

    public AdamW(Config c, int size) {
        // Adam.Config would name "adam" in messages; c is already validated as adamw.
        this.adam = new Adam(new Adam.Config(c.lr(), c.beta1(), c.beta2(), c.eps(), c.weightDecay(), c.amsgrad()),
                size, true, "adamw");
    }

    @Override
    public String name() {
        return adam.name();
    }

    @Override
    public double baseLearningRate() {
        return adam.baseLearningRate();
    }

    @Override
    public double baseMomentum() {
        return adam.baseMomentum();
    }

    @Override
    public StepTrace step(double[] params, double[] grad, StepContext context) {
        return adam.step(params, grad, context);
    }

    @Override
    public void stepWithoutTrace(double[] params, double[] grad, StepContext context) {
        adam.stepWithoutTrace(params, grad, context);
    }

    @Override
    public void reset() {
        adam.reset();
    }

    @Override
    public String updateRule() {
        return adam.updateRule();
    }
}
