package dev.descent.ui.inspector;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.surface.QuadraticAnalysis;

import java.util.Optional;

import static dev.descent.ui.inspector.StepFormulas.num;

/**
 * The largest stable learning rate of SGD on a quadratic with Hessian eigenvalues up to
 * λmax. Along an eigenvector with eigenvalue λ, with a = η·λ:
 * <ul>
 *   <li>plain GD: x ← (1 − a)·x, stable for a < 2;</li>
 *   <li>heavy-ball momentum β (torch: b ← β·b + (1−τ)·g, θ ← θ − η·b): characteristic polynomial
 *       z² − (1 + β − a(1−τ))·z + β, stable for a·(1−τ) < 2 + 2β (Polyak 1964);</li>
 *   <li>Nesterov (torch: θ ← θ − η·(g + β·b)): z² − (1+β)(1−a)·z + β(1−a), stable for
 *       a < (2 + 2β)/(1 + 2β) (Jury's test on that polynomial).</li>
 * </ul>
 * L2 weight decay adds wd to every eigenvalue. The test beside this class checks each limit
 * by running the optimizer just below and just above it.
 *
 * @param limit                 the largest stable η
 * @param description           the limit as a formula with its numbers
 * @param plainGradientDescent  true when it is the plain 2/λmax limit (shown on its own line already)
 */
public record StabilityLimit(double limit, String description, boolean plainGradientDescent) {

    /**
     * @param optimizerSpec the racer's optimizer as raced
     * @param step          its newest step (for the momentum a schedule may cycle), or null
     * @return the limit when the racer is SGD on a surface with positive curvature, else empty
     */
    public static Optional<StabilityLimit> of(String optimizerSpec, StepTrace step, QuadraticAnalysis q) {
        Spec spec = Spec.parse(optimizerSpec);
        if (!"sgd".equals(spec.name())) {
            return Optional.empty();
        }
        double beta = step != null ? step.scalars().getOrDefault("momentum", value(spec, "momentum"))
                : value(spec, "momentum");
        double tau = value(spec, "dampening");
        double wd = value(spec, "weight_decay");
        boolean nesterov = value(spec, "nesterov") == 1;
        double lambda = q.lambdaMax() + wd;
        if (!(beta >= 0 && beta < 1) || !(lambda > 0) || (beta > 0 && !(tau < 1))) {
            return Optional.empty();
        }
        String lambdaText = wd == 0 ? "λmax" : "(λmax + wd)";
        String lambdaNumber = wd == 0 ? num(q.lambdaMax()) : "(" + num(q.lambdaMax()) + " + " + num(wd) + ")";
        if (beta == 0) {
            double limit = 2 / lambda;
            return Optional.of(new StabilityLimit(limit, "GD with weight decay: stable for η < 2/" + lambdaText + " = 2/"
                    + lambdaNumber + " = " + num(limit), wd == 0));
        }
        if (nesterov) {
            double limit = (2 + 2 * beta) / ((1 + 2 * beta) * lambda);
            return Optional.of(new StabilityLimit(limit, "Nesterov β = " + num(beta) + ": stable for η < (2+2β)/((1+2β)·"
                    + lambdaText + ") = " + num(2 + 2 * beta) + "/(" + num(1 + 2 * beta) + "·" + lambdaNumber + ") = "
                    + num(limit), false));
        }
        double limit = (2 + 2 * beta) / ((1 - tau) * lambda);
        String damped = tau == 0 ? "" : "(1−τ)·";
        String dampedNumber = tau == 0 ? "" : num(1 - tau) + "·";
        String denominator = tau == 0 ? lambdaText : "(" + damped + lambdaText + ")";
        String denominatorNumber = tau == 0 ? lambdaNumber : "(" + dampedNumber + lambdaNumber + ")";
        return Optional.of(new StabilityLimit(limit, "momentum β = " + num(beta) + ": stable for η < (2+2β)/"
                + denominator + " = " + num(2 + 2 * beta) + "/" + denominatorNumber + " = " + num(limit), false));
    }

    private static double value(Spec spec, String name) {
        for (HyperParameter p : Optimizers.factory(spec.name()).hyperParameters()) {
            if (p.name().equals(name)) {
                String text = spec.values().getOrDefault(name, p.defaultValue()).trim();
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return text.equalsIgnoreCase("true") ? 1 : 0;
                }
                return Double.parseDouble(text);
            }
        }
        return 0;
    }
}
