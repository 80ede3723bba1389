package dev.descent.core.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.real;

/**
 * AdaMax, exactly as {@code torch.optim.Adamax}: Adam with the infinity norm in place of the
 * second moment (eps added inside the max, as torch does):
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}
 *   m_t     = beta1 * m_{t-1} + (1 - beta1) * g_t
 *   u_t     = max(beta2 * u_{t-1}, |g_t| + eps)
 *   theta_t = theta_{t-1} - lr / (1 - beta1^t) * m_t / u_t
 * </pre>
 * Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR, section 7.1.
 * The trace's second moment is u.
 */
public final class Adamax extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay) {
        public Config {
            Adam.Config.validate("adamax", lr, beta1, beta2, eps, weightDecay);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("adamax",
            "AdaMax: Adam with the infinity norm (Kingma and Ba 2015)",
            List.of(real("lr", "0.002", "[0, inf)", "learning rate"),
                    real("beta1", "0.9", "[0, 1)", "decay of the first moment (torch betas[0])"),
                    real("beta2", "0.999", "[0, 1)", "decay of the infinity norm (torch betas[1])"),
                    real("eps", "1e-8", "[0, inf)", "added to |g| inside the max"),
                    real("weight_decay", "0", "[0, inf)", "L2 penalty")),
            (p, size) -> new Adamax(new Config(p.getDouble("lr", 0.002), p.getDouble("beta1", 0.9),
                    p.getDouble("beta2", 0.999), p.getDouble("eps", 1e-8), p.getDouble("weight_decay", 0)), size));

    private final Config config;
    private final double[] m;
    private final double[] u;
    private long step;

    public Adamax(Config config, int size) {
        super("adamax", size, config.lr(), config.beta1());
        this.config = config;
        this.m = new double[size];
        this.u = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double beta1 = momentum(context);
        step++;
        double bias1 = 1 - Math.pow(beta1, step);
        double clr = lr / bias1;
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double gi = TorchOps.decay(grad[i], config.weightDecay(), params[i]);
            if (traced) {
                g[i] = gi;
            }
            m[i] = TorchOps.flushSubnormal(TorchOps.lerp(m[i], gi, 1 - beta1));
            u[i] = Math.max(u[i] * config.beta2(), Math.abs(gi) + config.eps());
            double before = params[i];
            params[i] = TorchOps.addcdiv(params[i], -clr, m[i], u[i]);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, m.clone(), u.clone(), delta, lr,
                Map.of("step", (double) step, "beta1", beta1, "bias_correction1", bias1));
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0);
        Arrays.fill(u, 0);
        step = 0;
    }

    @Override
    public String updateRule() {
        return "g = grad + wd*theta\nm = beta1*m + (1-beta1)*g\nu = max(beta2*u, |g| + eps)\n"
                + "theta = theta - lr/(1-beta1^t) * m/u";
    }
}
