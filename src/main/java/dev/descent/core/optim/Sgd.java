package dev.descent.core.optim;

import dev.descent.core.config.ConfigException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.flag;
import static dev.descent.core.optim.Factory.real;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
 * L2 weight decay, exactly as {@code torch.optim.SGD}:
 * <pre>
 *   g_t = grad + weight_decay * theta_{t-1}
 *   b_1 = g_1;  b_t = momentum * b_{t-1} + (1 - dampening) * g_t        (when momentum != 0)
 *   d_t = g_t + momentum * b_t  (nesterov)  |  b_t  (momentum)  |  g_t  (plain)
 *   theta_t = theta_{t-1} - lr * d_t
 * </pre>
 * Momentum: Polyak 1964; the Nesterov form is Sutskever et al. 2013, "On the importance of
 * initialization and momentum in deep learning".
 */
public final class Sgd extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        public Config {
            Checks.nonNegative("sgd", "lr", lr);
            Checks.nonNegative("sgd", "momentum", momentum);
            Checks.range("sgd", "dampening", dampening, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
            Checks.nonNegative("sgd", "weight_decay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new ConfigException("sgd: nesterov requires momentum > 0 and dampening = 0, was momentum "
                        + momentum + ", dampening " + dampening);
            }
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("sgd",
            "SGD with momentum, dampening and Nesterov (Polyak 1964; Sutskever et al. 2013)",
            List.of(real("lr", "0.001", "[0, inf)", "learning rate"),
                    real("momentum", "0", "[0, inf)", "momentum factor"),
                    real("dampening", "0", "any finite", "dampening for momentum"),
                    flag("nesterov", "Nesterov momentum"),
                    real("weight_decay", "0", "[0, inf)", "L2 penalty")),
            (p, size) -> new Sgd(new Config(p.getDouble("lr", 0.001), p.getDouble("momentum", 0),
                    p.getDouble("dampening", 0), p.getBoolean("nesterov", false),
                    p.getDouble("weight_decay", 0)), size));

    private final Config config;
    private final double[] buffer;
    private boolean started;

    public Sgd(Config config, int size) {
        super("sgd", size, config.lr(), config.momentum());
        this.config = config;
        this.buffer = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double momentum = momentum(context);
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double gi = TorchOps.decay(grad[i], config.weightDecay(), params[i]);
            if (traced) {
                g[i] = gi;
            }
            double d = gi;
            if (momentum != 0) {
                buffer[i] = started ? TorchOps.flushSubnormal(TorchOps.add(buffer[i] * momentum, 1 - config.dampening(), gi)) : gi;
                d = config.nesterov() ? TorchOps.add(gi, momentum, buffer[i]) : buffer[i];
            }
            double before = params[i];
            params[i] = TorchOps.add(params[i], -lr, d);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (momentum != 0) {
            started = true;
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, momentum != 0 ? buffer.clone() : null, null, delta, lr, Map.of("momentum", momentum));
    }

    @Override
    public void reset() {
        Arrays.fill(buffer, 0);
        started = false;
    }

    @Override
    public String updateRule() {
        if (config.momentum() == 0) {
            return "g = grad + wd*theta\ntheta = theta - lr*g";
        }
        return "g = grad + wd*theta\nb = momentum*b + (1-dampening)*g\n"
                + (config.nesterov() ? "theta = theta - lr*(g + momentum*b)" : "theta = theta - lr*b");
    }
}
