package dev.descent.core.optim;

import dev.descent.core.config.HyperParameter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.flag;
import static dev.descent.core.optim.Factory.real;

/**
 * Adam, exactly as {@code torch.optim.Adam} (eps added after the bias-corrected square root):
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}
 *   m_t     = beta1 * m_{t-1} + (1 - beta1) * g_t
 *   v_t     = beta2 * v_{t-1} + (1 - beta2) * g_t^2
 *   vmax_t  = max(vmax_{t-1}, v_t)   (amsgrad; used in place of v_t below)
 *   theta_t = theta_{t-1} - lr / (1 - beta1^t) * m_t / (sqrt(v_t) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR; AMSGrad is Reddi,
 * Kale and Kumar 2018, "On the Convergence of Adam and Beyond", ICLR. The decoupled form
 * (weight decay applied to theta, not g) is {@link AdamW}.
 *
 * <p>{@code bias_correction=false} is a named teaching variant (not in torch): it drops both
 * corrections, {@code theta_t = theta_{t-1} - lr * m_t / (sqrt(v_t) + eps)}, the form before
 * section 3 of the paper, whose early steps are too large by {@code sqrt(1 - beta2^t) / (1 - beta1^t)}.
 */
public final class Adam extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        public Config {
            validate("adam", lr, beta1, beta2, eps, weightDecay);
        }

        static void validate(String owner, double lr, double beta1, double beta2, double eps, double weightDecay) {
            Checks.nonNegative(owner, "lr", lr);
            Checks.range(owner, "beta1", beta1, 0, true, 1, false);
            Checks.range(owner, "beta2", beta2, 0, true, 1, false);
            Checks.nonNegative(owner, "eps", eps);
            Checks.nonNegative(owner, "weight_decay", weightDecay);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("adam",
            "Adam: bias-corrected first and second moments (Kingma and Ba 2015; AMSGrad: Reddi et al. 2018)",
            withBiasCorrectionFlag(hyperParameters("0")),
            (p, size) -> new Adam(new Config(p.getDouble("lr", 0.001), p.getDouble("beta1", 0.9),
                    p.getDouble("beta2", 0.999), p.getDouble("eps", 1e-8), p.getDouble("weight_decay", 0),
                    p.getBoolean("amsgrad", false)), size, false, "adam", p.getBoolean("bias_correction", true)));

    private static List<HyperParameter> withBiasCorrectionFlag(List<HyperParameter> list) {
        List<HyperParameter> all = new java.util.ArrayList<>(list);
        all.add(new HyperParameter("bias_correction", HyperParameter.Kind.BOOLEAN, "true", "true|false",
                "divide m and v by (1 - beta^t); false is the uncorrected teaching variant"));
        return all;
    }

    static List<HyperParameter> hyperParameters(String weightDecay) {
        return List.of(real("lr", "0.001", "[0, inf)", "learning rate"),
                real("beta1", "0.9", "[0, 1)", "decay of the first moment (torch betas[0])"),
                real("beta2", "0.999", "[0, 1)", "decay of the second moment (torch betas[1])"),
                real("eps", "1e-8", "[0, inf)", "added to the denominator"),
                real("weight_decay", weightDecay, "[0, inf)",
                        "0".equals(weightDecay) ? "L2 penalty added to the gradient" : "decoupled decay of the weights"),
                flag("amsgrad", "use the running maximum of v (AMSGrad)"));
    }

    private final Config config;
    private final boolean decoupled;
    private final boolean biasCorrection;
    private final double[] m;
    private final double[] v;
    private final double[] vMax;
    private long step;

    public Adam(Config config, int size) {
        this(config, size, false, "adam");
    }

    /** The shared implementation; {@code decoupled} selects AdamW's weight decay. */
    Adam(Config config, int size, boolean decoupled, String name) {
        this(config, size, decoupled, name, true);
    }

    private Adam(Config config, int size, boolean decoupled, String name, boolean biasCorrection) {
        super(name, size, config.lr(), config.beta1());
        this.config = config;
        this.decoupled = decoupled;
        this.biasCorrection = biasCorrection;
        this.m = new double[size];
        this.v = new double[size];
        this.vMax = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double beta1 = momentum(context);
        double beta2 = config.beta2();
        double wd = config.weightDecay();
        step++;
        double bias1 = biasCorrection ? 1 - Math.pow(beta1, step) : 1;
        double bias2 = biasCorrection ? 1 - Math.pow(beta2, step) : 1;
        double stepSize = lr / bias1;
        double bias2Sqrt = Math.sqrt(bias2);
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double before = params[i];
            if (decoupled && wd != 0) {
                params[i] *= 1 - lr * wd;
            }
            double gi = decoupled ? grad[i] : TorchOps.decay(grad[i], wd, params[i]);
            if (traced) {
                g[i] = gi;
            }
            m[i] = TorchOps.flushSubnormal(TorchOps.lerp(m[i], gi, 1 - beta1));
            v[i] = TorchOps.addcmul(v[i] * beta2, 1 - beta2, gi, gi);
            double second = v[i];
            if (config.amsgrad()) {
                vMax[i] = Math.max(vMax[i], v[i]);
                second = vMax[i];
            }
            double denom = Math.sqrt(second) / bias2Sqrt + config.eps();
            params[i] = TorchOps.addcdiv(params[i], -stepSize, m[i], denom);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, m.clone(), (config.amsgrad() ? vMax : v).clone(), delta, lr,
                Map.of("step", (double) step, "beta1", beta1,
                        "bias_correction1", bias1, "bias_correction2", bias2));
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0);
        Arrays.fill(v, 0);
        Arrays.fill(vMax, 0);
        step = 0;
    }

    @Override
    public String updateRule() {
        String g = decoupled ? "theta = theta * (1 - lr*wd)\ng = grad\n" : "g = grad + wd*theta\n";
        String second = config.amsgrad() ? "vmax = max(vmax, v)\n" : "";
        String use = config.amsgrad() ? "vmax" : "v";
        String m = "m = beta1*m + (1-beta1)*g\nv = beta2*v + (1-beta2)*g^2\n" + second;
        if (!biasCorrection) {
            return g + m + "theta = theta - lr * m / (sqrt(" + use + ") + eps)";
        }
        return g + m + "theta = theta - lr/(1-beta1^t) * m / (sqrt(" + use + ")/sqrt(1-beta2^t) + eps)";
    }
}
