package dev.descent.core.optim;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static dev.descent.core.optim.Factory.real;

/**
 * Resilient backpropagation: each coordinate moves by its own step size Delta in the
 * direction of -sign(g), ignoring the gradient's magnitude. With {@code s = g_{t-1} * g_t}:
 * <pre>
 *   Delta_t = clamp(Delta_{t-1} * (eta_plus if s > 0, eta_minus if s < 0, 1 if s = 0), step_min, step_max)
 *   Delta_0 = lr (the rate of the first step; later rates are ignored, as in torch)
 * variant irprop- (default, torch.optim.Rprop):
 *   if s < 0: g_t := 0  (no move; the next step sees s = 0)
 *   theta_t = theta_{t-1} - sign(g_t) * Delta_t
 * variant backtracking (the lecture's Rprop with weight-backtracking):
 *   if s < 0: theta_t = theta_{t-1} - dtheta_{t-1}  (undo the last move); g_t := 0
 *   else:     theta_t = theta_{t-1} - sign(g_t) * Delta_t
 * </pre>
 * Riedmiller and Braun 1993, "A Direct Adaptive Method for Faster Backpropagation Learning:
 * The RPROP Algorithm", IEEE ICNN (backtracking); iRprop- is Igel and Huesken 2000,
 * "Improving the Rprop Learning Algorithm". The trace's second moment holds the step sizes.
 */
public final class Rprop extends AbstractOptimizer {

    /** Which Rprop. */
    public enum Variant { IRPROP_MINUS, BACKTRACKING }

    /** Hyper-parameters with torch's defaults; validated on construction. */
    public record Config(double lr, double etaMinus, double etaPlus, double stepMin, double stepMax, Variant variant) {
        public Config {
            Checks.nonNegative("rprop", "lr", lr);
            Checks.range("rprop", "eta_minus", etaMinus, 0, false, 1, false);
            Checks.range("rprop", "eta_plus", etaPlus, 1, false, Double.POSITIVE_INFINITY, false);
            Checks.nonNegative("rprop", "step_min", stepMin);
            Checks.range("rprop", "step_max", stepMax, stepMin, true, Double.POSITIVE_INFINITY, false);
            Objects.requireNonNull(variant, "variant");
        }
    }

    public static final OptimizerFactory FACTORY = new Factory("rprop",
            "Rprop: sign-based steps with per-coordinate step sizes (Riedmiller and Braun 1993; torch: iRprop-)",
            List.of(real("lr", "0.01", "[0, inf)", "initial step size"),
                    real("eta_minus", "0.5", "(0, 1)", "step-size factor after a sign change (torch etas[0])"),
                    real("eta_plus", "1.2", "(1, inf)", "step-size factor while the sign holds (torch etas[1])"),
                    real("step_min", "1e-6", "[0, inf)", "smallest step size (torch step_sizes[0])"),
                    real("step_max", "50", "[step_min, inf)", "largest step size (torch step_sizes[1])"),
                    new HyperParameter("variant", Kind.CHOICE, "irprop-", "irprop-|backtracking",
                            "irprop-: torch; backtracking: undo the last move after a sign change")),
            (p, size) -> new Rprop(new Config(p.getDouble("lr", 0.01), p.getDouble("eta_minus", 0.5),
                    p.getDouble("eta_plus", 1.2), p.getDouble("step_min", 1e-6), p.getDouble("step_max", 50),
                    "backtracking".equals(p.getChoice("variant", "irprop-", "irprop-", "backtracking"))
                            ? Variant.BACKTRACKING : Variant.IRPROP_MINUS), size));

    private final Config config;
    private final double[] prev;
    private final double[] stepSize;
    private final double[] lastMove;
    private boolean started;

    public Rprop(Config config, int size) {
        super("rprop", size, config.lr(), Double.NaN);
        this.config = config;
        this.prev = new double[size];
        this.stepSize = new double[size];
        this.lastMove = new double[size];
    }

    @Override
    StepTrace update(double[] params, double[] grad, StepContext context, boolean traced) {
        if (!started) {
            Arrays.fill(stepSize, context.learningRate());
            started = true;
        }
        double[] delta = traced ? new double[params.length] : null;
        for (int i = 0; i < params.length; i++) {
            double s = Math.signum(grad[i] * prev[i]);
            double factor = s > 0 ? config.etaPlus() : s < 0 ? config.etaMinus() : 1;
            stepSize[i] = Math.min(Math.max(stepSize[i] * factor, config.stepMin()), config.stepMax());
            double g = s < 0 ? 0 : grad[i];
            double before = params[i];
            if (s < 0 && config.variant() == Variant.BACKTRACKING) {
                lastMove[i] = -lastMove[i];
                params[i] += lastMove[i];
            } else {
                lastMove[i] = -Math.signum(g) * stepSize[i];
                params[i] = TorchOps.addcmul(params[i], -1, Math.signum(g), stepSize[i]);
            }
            prev[i] = g;
            if (traced) {
                delta[i] = params[i] - before;
            }
        }
        if (!traced) {
            return null;
        }
        return new StepTrace(grad.clone(), null, stepSize.clone(), delta, context.learningRate(), null);
    }

    @Override
    public void reset() {
        Arrays.fill(prev, 0);
        Arrays.fill(stepSize, 0);
        Arrays.fill(lastMove, 0);
        started = false;
    }

    @Override
    public String updateRule() {
        String common = "Delta = clamp(Delta * (eta_plus | eta_minus | 1 as sign(g*g_prev) is +|-|0), step_min, step_max)\n";
        return config.variant() == Variant.BACKTRACKING
                ? common + "if g*g_prev < 0: theta = theta - dtheta_prev; g_prev = 0\n"
                        + "else: theta = theta - sign(g)*Delta; g_prev = g"
                : common + "if g*g_prev < 0: g = 0\ntheta = theta - sign(g)*Delta; g_prev = g";
    }
}
