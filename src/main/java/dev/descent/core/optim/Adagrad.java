package dev.descent.core.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.real;

/**
 * AdaGrad, exactly as {@code torch.optim.Adagrad}: each coordinate's step shrinks with the
 * sum of its squared gradients.
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}
 *   clr_t   = lr / (1 + (t - 1) * lr_decay)
 *   s_t     = s_{t-1} + g_t^2                       (s_0 = initial_accumulator_value)
 *   theta_t = theta_{t-1} - clr_t * g_t / (sqrt(s_t) + eps)
 * </pre>
 * Duchi, Hazan and Singer 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12.
 */
public final class Adagrad extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
        public Config {
            Checks.nonNegative("adagrad", "lr", lr);
            Checks.nonNegative("adagrad", "lr_decay", lrDecay);
            Checks.nonNegative("adagrad", "weight_decay", weightDecay);
            Checks.nonNegative("adagrad", "initial_accumulator_value", initialAccumulatorValue);
            Checks.nonNegative("adagrad", "eps", eps);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("adagrad",
            "AdaGrad: per-coordinate steps from the sum of squared gradients (Duchi et al. 2011)",
            List.of(real("lr", "0.01", "[0, inf)", "learning rate"),
                    real("lr_decay", "0", "[0, inf)", "learning rate decay per step"),
                    real("weight_decay", "0", "[0, inf)", "L2 penalty"),
                    real("initial_accumulator_value", "0", "[0, inf)", "starting value of the squared-gradient sum"),
                    real("eps", "1e-10", "[0, inf)", "added to the denominator")),
            (p, size) -> new Adagrad(new Config(p.getDouble("lr", 0.01), p.getDouble("lr_decay", 0),
                    p.getDouble("weight_decay", 0), p.getDouble("initial_accumulator_value", 0),
                    p.getDouble("eps", 1e-10)), size));

    private final Config config;
    private final double[] sum;
    private long step;

    public Adagrad(Config config, int size) {
        super("adagrad", size, config.lr(), Double.NaN);
        this.config = config;
        this.sum = new double[size];
        reset();
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        step++;
        double clr = context.learningRate() / (1 + (step - 1) * config.lrDecay());
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double gi = TorchOps.decay(grad[i], config.weightDecay(), params[i]);
            if (traced) {
                g[i] = gi;
            }
            sum[i] = TorchOps.addcmul(sum[i], 1, gi, gi);
            double std = Math.sqrt(sum[i]) + config.eps();
            double before = params[i];
            params[i] = TorchOps.addcdiv(params[i], -clr, gi, std);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, null, sum.clone(), delta, context.learningRate(),
                Map.of("step", (double) step, "clr", clr));
    }

    @Override
    public void reset() {
        Arrays.fill(sum, config.initialAccumulatorValue());
        step = 0;
    }

    @Override
    public String updateRule() {
        return "g = grad + wd*theta\nclr = lr / (1 + (t-1)*lr_decay)\ns = s + g^2\n"
                + "theta = theta - clr * g / (sqrt(s) + eps)";
    }
}
