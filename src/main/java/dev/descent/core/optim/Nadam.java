package dev.descent.core.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.flag;
import static dev.descent.core.optim.Factory.real;

/**
 * NAdam, exactly as {@code torch.optim.NAdam}: Adam with a Nesterov look-ahead and a
 * momentum schedule mu_t, bias-corrected by the running product of the mu's:
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}      (decoupled: theta_{t-1} *= 1 - lr*weight_decay; g_t = grad)
 *   mu_t    = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay))
 *   P_t     = mu_1 * ... * mu_t
 *   m_t     = beta1 * m_{t-1} + (1 - beta1) * g_t
 *   v_t     = beta2 * v_{t-1} + (1 - beta2) * g_t^2
 *   a_t     = sqrt(v_t / (1 - beta2^t)) + eps
 *   theta_t = theta_{t-1} - lr * (1 - mu_t) / (1 - P_t) * g_t / a_t
 *                         - lr * mu_{t+1} / (1 - P_t * mu_{t+1}) * m_t / a_t
 * </pre>
 * Dozat 2016, "Incorporating Nesterov Momentum into Adam", ICLR workshop; the momentum
 * schedule is from Sutskever et al. 2013.
 */
public final class Nadam extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay,
                         double momentumDecay, boolean decoupledWeightDecay) {
        public Config {
            Adam.Config.validate("nadam", lr, beta1, beta2, eps, weightDecay);
            Checks.nonNegative("nadam", "momentum_decay", momentumDecay);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("nadam",
            "NAdam: Adam with Nesterov momentum and a momentum schedule (Dozat 2016)",
            List.of(real("lr", "0.002", "[0, inf)", "learning rate"),
                    real("beta1", "0.9", "[0, 1)", "decay of the first moment (torch betas[0])"),
                    real("beta2", "0.999", "[0, 1)", "decay of the second moment (torch betas[1])"),
                    real("eps", "1e-8", "[0, inf)", "added to the denominator"),
                    real("weight_decay", "0", "[0, inf)", "weight decay"),
                    real("momentum_decay", "0.004", "[0, inf)", "psi in mu_t = beta1*(1 - 0.5*0.96^(t*psi))"),
                    flag("decoupled_weight_decay", "decay the weights directly, as AdamW (NAdamW)")),
            (p, size) -> new Nadam(new Config(p.getDouble("lr", 0.002), p.getDouble("beta1", 0.9),
                    p.getDouble("beta2", 0.999), p.getDouble("eps", 1e-8), p.getDouble("weight_decay", 0),
                    p.getDouble("momentum_decay", 0.004), p.getBoolean("decoupled_weight_decay", false)), size));

    private final Config config;
    private final double[] m;
    private final double[] v;
    private long step;
    private double muProduct;

    public Nadam(Config config, int size) {
        super("nadam", size, config.lr(), config.beta1());
        this.config = config;
        this.m = new double[size];
        this.v = new double[size];
        reset();
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double beta1 = momentum(context);
        double beta2 = config.beta2();
        double wd = config.weightDecay();
        step++;
        double bias2 = 1 - Math.pow(beta2, step);
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * config.momentumDecay()));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * config.momentumDecay()));
        muProduct *= mu;
        double muProductNext = muProduct * muNext;
        double gradScale = -lr * (1.0 - mu) / (1.0 - muProduct);
        double momentScale = -lr * muNext / (1.0 - muProductNext);
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double before = params[i];
            if (config.decoupledWeightDecay() && wd != 0) {
                params[i] *= 1 - lr * wd;
            }
            double gi = config.decoupledWeightDecay() ? grad[i] : TorchOps.decay(grad[i], wd, params[i]);
            if (traced) {
                g[i] = gi;
            }
            m[i] = TorchOps.flushSubnormal(TorchOps.lerp(m[i], gi, 1 - beta1));
            v[i] = TorchOps.addcmul(v[i] * beta2, 1 - beta2, gi, gi);
            double denom = Math.sqrt(v[i] / bias2) + config.eps();
            params[i] = TorchOps.addcdiv(params[i], gradScale, gi, denom);
            params[i] = TorchOps.addcdiv(params[i], momentScale, m[i], denom);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, m.clone(), v.clone(), delta, lr, Map.of("step", (double) step, "beta1", beta1,
                "mu", mu, "mu_next", muNext, "mu_product", muProduct, "bias_correction2", bias2));
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0);
        Arrays.fill(v, 0);
        step = 0;
        muProduct = 1.0;
    }

    @Override
    public String updateRule() {
        String g = config.decoupledWeightDecay() ? "theta = theta * (1 - lr*wd)\ng = grad\n" : "g = grad + wd*theta\n";
        return g + "mu_t = beta1*(1 - 0.5*0.96^(t*momentum_decay))\nP_t = P_{t-1}*mu_t\n"
                + "m = beta1*m + (1-beta1)*g\nv = beta2*v + (1-beta2)*g^2\na = sqrt(v/(1-beta2^t)) + eps\n"
                + "theta = theta - lr*(1-mu_t)/(1-P_t) * g/a - lr*mu_{t+1}/(1-P_t*mu_{t+1}) * m/a";
    }
}
