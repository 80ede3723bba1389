package dev.descent.core.optim;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;
import dev.descent.core.config.Params;

import java.util.List;

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
public final class Sgd implements Optimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        public Config {
            if (!(lr >= 0)) {
                throw new dev.descent.core.config.ConfigException("sgd: lr must be >= 0, was " + lr);
            }
            if (!(momentum >= 0)) {
                throw new dev.descent.core.config.ConfigException("sgd: momentum must be >= 0, was " + momentum);
            }
            if (!(weightDecay >= 0)) {
                throw new dev.descent.core.config.ConfigException("sgd: weight_decay must be >= 0, was " + weightDecay);
            }
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new dev.descent.core.config.ConfigException(
                        "sgd: nesterov requires momentum > 0 and dampening = 0");
            }
        }
    }

    public static final OptimizerFactory FACTORY = new OptimizerFactory() {
        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public String description() {
            return "SGD with momentum, dampening and Nesterov (Polyak 1964; Sutskever et al. 2013)";
        }

        @Override
        public List<HyperParameter> hyperParameters() {
            return List.of(
                    new HyperParameter("lr", Kind.DOUBLE, "0.001", ">= 0", "learning rate"),
                    new HyperParameter("momentum", Kind.DOUBLE, "0", ">= 0", "momentum factor"),
                    new HyperParameter("dampening", Kind.DOUBLE, "0", "any", "dampening for momentum"),
                    new HyperParameter("nesterov", Kind.BOOLEAN, "false", "true|false", "Nesterov momentum"),
                    new HyperParameter("weight_decay", Kind.DOUBLE, "0", ">= 0", "L2 penalty"));
        }

        @Override
        public Optimizer create(Params p, int size) {
            return new Sgd(new Config(p.getDouble("lr", 0.001), p.getDouble("momentum", 0),
                    p.getDouble("dampening", 0), p.getBoolean("nesterov", false),
                    p.getDouble("weight_decay", 0)), size);
        }
    };

    private final Config config;
    private final double[] buffer;
    private boolean started;

    public Sgd(Config config, int size) {
        this.config = config;
        this.buffer = new double[size];
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public double baseLearningRate() {
        return config.lr();
    }

    @Override
    public double baseMomentum() {
        return config.momentum();
    }

    @Override
    public StepTrace step(double[] params, double[] grad, StepContext context) {
        double lr = context.learningRate();
        double momentum = context.overridesMomentum() ? context.momentum() : config.momentum();
        double[] g = new double[params.length];
        double[] delta = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            g[i] = grad[i] + config.weightDecay() * params[i];
            double d = g[i];
            if (momentum != 0) {
                buffer[i] = started ? momentum * buffer[i] + (1 - config.dampening()) * g[i] : g[i];
                d = config.nesterov() ? g[i] + momentum * buffer[i] : buffer[i];
            }
            double before = params[i];
            params[i] -= lr * d;
            delta[i] = params[i] - before;
        }
        if (momentum != 0) {
            started = true;
        }
        return new StepTrace(g, momentum != 0 ? buffer.clone() : null, null, delta, lr, null);
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(buffer, 0);
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
