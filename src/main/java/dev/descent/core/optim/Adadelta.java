package dev.descent.core.optim;

import java.util.Arrays;
import java.util.List;

import static dev.descent.core.optim.Factory.real;

/**
 * AdaDelta, exactly as {@code torch.optim.Adadelta}: the step is the ratio of two running
 * RMS values, of past updates and of gradients, so it carries the parameter's units.
 * <pre>
 *   g_t     = grad + weight_decay * theta_{t-1}
 *   v_t     = rho * v_{t-1} + (1 - rho) * g_t^2
 *   d_t     = sqrt(u_{t-1} + eps) / sqrt(v_t + eps) * g_t
 *   u_t     = rho * u_{t-1} + (1 - rho) * d_t^2
 *   theta_t = theta_{t-1} - lr * d_t
 * </pre>
 * Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701. The trace's
 * second moment is v; its first moment is u, the running average of squared updates.
 */
public final class Adadelta extends AbstractOptimizer {

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double rho, double eps, double weightDecay) {
        public Config {
            Checks.nonNegative("adadelta", "lr", lr);
            Checks.range("adadelta", "rho", rho, 0, true, 1, true);
            Checks.nonNegative("adadelta", "eps", eps);
            Checks.nonNegative("adadelta", "weight_decay", weightDecay);
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("adadelta",
            "AdaDelta: unit-correct steps from running RMS of updates and gradients (Zeiler 2012)",
            List.of(real("lr", "1.0", "[0, inf)", "scales the computed update"),
                    real("rho", "0.9", "[0, 1]", "decay of the running averages"),
                    real("eps", "1e-6", "[0, inf)", "added inside both square roots"),
                    real("weight_decay", "0", "[0, inf)", "L2 penalty")),
            (p, size) -> new Adadelta(new Config(p.getDouble("lr", 1.0), p.getDouble("rho", 0.9),
                    p.getDouble("eps", 1e-6), p.getDouble("weight_decay", 0)), size));

    private final Config config;
    private final double[] squareAvg;
    private final double[] accDelta;

    public Adadelta(Config config, int size) {
        super("adadelta", size, config.lr(), Double.NaN);
        this.config = config;
        this.squareAvg = new double[size];
        this.accDelta = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        double lr = context.learningRate();
        double rho = config.rho();
        double eps = config.eps();
        double[] g = traced ? new double[params.length] : null;
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double gi = TorchOps.decay(grad[i], config.weightDecay(), params[i]);
            if (traced) {
                g[i] = gi;
            }
            squareAvg[i] = TorchOps.addcmul(squareAvg[i] * rho, 1 - rho, gi, gi);
            double std = Math.sqrt(squareAvg[i] + eps);
            double d = Math.sqrt(accDelta[i] + eps) / std * gi;
            accDelta[i] = TorchOps.addcmul(accDelta[i] * rho, 1 - rho, d, d);
            double before = params[i];
            params[i] = TorchOps.add(params[i], -lr, d);
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(g, accDelta.clone(), squareAvg.clone(), delta, lr, null);
    }

    @Override
    public void reset() {
        Arrays.fill(squareAvg, 0);
        Arrays.fill(accDelta, 0);
    }

    @Override
    public String updateRule() {
        return "g = grad + wd*theta\nv = rho*v + (1-rho)*g^2\nd = sqrt(u + eps) / sqrt(v + eps) * g\n"
                + "u = rho*u + (1-rho)*d^2\ntheta = theta - lr*d";
    }
}
