package dev.descent.ui.network;

import dev.descent.core.optim.StepTrace;
import dev.descent.ui.inspector.InspectorText;
import dev.descent.ui.inspector.Notation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The surface-mode inspector's content for a network racer: the update rule, and instead of
 * per-coordinate values, aggregate statistics of the newest step over all parameters:
 * 2-norms of the gradient, first moment and delta, the RMS of the second-moment state and the
 * update-to-weight ratio {@code ||delta|| / ||w||} (about 1e-3 is the usual healthy range, per
 * Karpathy's "CS231n: babysitting the learning process"; much larger means a rate near
 * divergence, much smaller a rate that barely moves the net).
 */
public final class UpdateStatistics {
    static final double RATIO_HIGH = 1e-1;
    static final double RATIO_LOW = 1e-5;

    private UpdateStatistics() {
    }

    /**
     * @param rule    the optimizer's update rule, one formula per line
     * @param step    the newest step (null before the first)
     * @param weights the racer's parameters after that step
     */
    public static InspectorText.Content of(String label, String optimizer, String rule, StepTrace step,
                                           double[] weights) {
        List<String> numbers = new ArrayList<>();
        Optional<String> warning = Optional.empty();
        if (step != null) {
            double w = norm(weights);
            double d = norm(step.delta());
            double ratio = w == 0 ? Double.NaN : d / w;
            numbers.add(line("lr", step.learningRate()));
            numbers.add(line("||g||", norm(step.gradient())));
            if (step.firstMoment() != null) {
                numbers.add(line("||m||", norm(step.firstMoment())));
            }
            if (step.secondMoment() != null) {
                numbers.add(line("rms(v)", norm(step.secondMoment()) / Math.sqrt(step.secondMoment().length)));
            }
            numbers.add(line("||Δθ||", d));
            numbers.add(line("||θ||", w));
            numbers.add(line("||Δθ|| / ||θ||", ratio));
            numbers.add(String.format(Locale.ROOT, "%d parameters", weights.length));
            if (ratio > RATIO_HIGH) {
                warning = Optional.of("updates are large next to the weights (ratio above " + RATIO_HIGH
                        + "): the rate is near divergence");
            } else if (ratio < RATIO_LOW) {
                warning = Optional.of("updates are tiny next to the weights (ratio below " + RATIO_LOW
                        + "): the net barely moves");
            }
        }
        // the rule in the surface inspector's symbols, with the loss L for the surface's f
        List<String> symbols = rule.isEmpty() ? List.of()
                : Arrays.stream(rule.split("\n")).map(l -> Notation.pretty(l).replace("∇f(θ)", "∇L(θ)")).toList();
        return new InspectorText.Content(label + ": " + optimizer, symbols, numbers, List.of(), warning);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static String line(String name, double v) {
        return String.format(Locale.ROOT, "%-15s %.4g", name, v);
    }
}
