package dev.descent.core.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.descent.core.optim.Factory.flag;
import static dev.descent.core.optim.Factory.real;

/**
 * RMSProp, exactly as {@code torch.optim.RMSprop} (eps outside the square root):
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}
 *   v_t     = alpha * v_{t-1} + (1 - alpha) * g_t^2
 *   a_t     = sqrt(v_t - gbar_t^2) + eps,  gbar_t = alpha * gbar_{t-1} + (1 - alpha) * g_t   (centered)
 *   a_t     = sqrt(v_t) + eps                                                                (otherwise)
 *   b_t     = momentum * b_{t-1} + g_t / a_t,   theta_t = theta_{t-1} - lr * b_t             (momentum > 0)
 *   theta_t = theta_{t-1} - lr * g_t / a_t                                                   (otherwise)
 * </pre>
 * Hinton, Srivastava and Swersky 2012, "Neural Networks for Machine Learning", lecture 6e;
 * the centered form is Graves 2013, "Generating Sequences With Recurrent Neural Networks".
 * The trace's first moment is the momentum buffer b when momentum is used, else the
 * centered mean gbar, else null.
 */
public final class Rmsprop extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        public Config {
            Checks.nonNegative("rmsprop", "lr", lr);
            Checks.range("rmsprop", "alpha", alpha, 0, true, 1, true);
            Checks.nonNegative("rmsprop", "eps", eps);
            Checks.nonNegative("rmsprop", "weight_decay", weightDecay);
            Checks.nonNegative("rmsprop", "momentum", momentum);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("rmsprop",
            "RMSProp: steps scaled by a running RMS of the gradient (Hinton 2012; centered: Graves 2013)",
            List.of(real("lr", "0.01", "[0, inf)", "learning rate"),
                    real("alpha", "0.99", "[0, 1]", "smoothing constant of the squared-gradient average"),
                    real("eps", "1e-8", "[0, inf)", "added to the denominator"),
                    real("weight_decay", "0", "[0, inf)", "L2 penalty"),
                    real("momentum", "0", "[0, inf)", "momentum factor"),
                    flag("centered", "divide by the estimated variance instead of the raw second moment")),
            (p, size) -> new Rmsprop(new Config(p.getDouble("lr", 0.01), p.getDouble("alpha", 0.99),
                    p.getDouble("eps", 1e-8), p.getDouble("weight_decay", 0), p.getDouble("momentum", 0),
                    p.getBoolean("centered", false)), size));

    private final Config config;
    private final double[] squareAvg;
    private final double[] gradAvg;
    private final double[] buffer;

    public Rmsprop(Config config, int size) {
        super("rmsprop", size, config.lr(), config.momentum());
        this.config = config;
        this.squareAvg = new double[size];
        this.gradAvg = new double[size];
        this.buffer = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double momentum = momentum(context);
        double alpha = config.alpha();
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double gi = TorchOps.decay(grad[i], config.weightDecay(), params[i]);
            if (traced) {
                g[i] = gi;
            }
            squareAvg[i] = TorchOps.addcmul(squareAvg[i] * alpha, 1 - alpha, gi, gi);
            double avg;
            if (config.centered()) {
                gradAvg[i] = TorchOps.flushSubnormal(TorchOps.lerp(gradAvg[i], gi, 1 - alpha));
                avg = Math.sqrt(TorchOps.addcmul(squareAvg[i], -1, gradAvg[i], gradAvg[i]));
            } else {
                avg = Math.sqrt(squareAvg[i]);
            }
            avg += config.eps();
            double before = params[i];
            if (momentum > 0) {
                buffer[i] = TorchOps.flushSubnormal(TorchOps.addcdiv(buffer[i] * momentum, 1, gi, avg));
                params[i] = TorchOps.add(params[i], -lr, buffer[i]);
            } else {
                params[i] = TorchOps.addcdiv(params[i], -lr, gi, avg);
            }
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        double[] first = momentum > 0 ? buffer.clone() : config.centered() ? gradAvg.clone() : null;
        return new StepTrace(g, first, squareAvg.clone(), delta, lr, Map.of("momentum", momentum));
    }

    @Override
    public void reset() {
        Arrays.fill(squareAvg, 0);
        Arrays.fill(gradAvg, 0);
        Arrays.fill(buffer, 0);
    }

    @Override
    public String updateRule() {
        String avg = config.centered()
                ? "gbar = alpha*gbar + (1-alpha)*g\na = sqrt(v - gbar^2) + eps\n"
                : "a = sqrt(v) + eps\n";
        String update = config.momentum() > 0
                ? "b = momentum*b + g/a\ntheta = theta - lr*b"
                : "theta = theta - lr*g/a";
        return "g = grad + wd*theta\nv = alpha*v + (1-alpha)*g^2\n" + avg + update;
    }
}
