package dev.descent.ui.inspector;

import dev.descent.core.optim.StepTrace;
import dev.descent.core.surface.QuadraticAnalysis;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inspector's content for one racer, as plain text lines: the update rule the optimizer
 * computes, this step's numbers from its {@link StepTrace}, and on a quadratic surface the
 * Hessian eigenvalues, condition number and stability limits, with a warning when the
 * racer's learning rate is past them.
 */
public final class InspectorText {

    /**
     * @param title     one line: label and optimizer spec
     * @param rule      the update rule, one formula per line
     * @param numbers   this step's values ("g = (0.12, -3.4)")
     * @param curvature the quadratic analysis lines (empty when the surface is not quadratic)
     * @param warning   set when the racer is past a stability limit or diverged
     */
    public record Content(String title, List<String> rule, List<String> numbers, List<String> curvature,
                          Optional<String> warning) {
    }

    private InspectorText() {
    }

    /**
     * @param momentum the racer's heavy-ball momentum for SGD (0 for plain GD), NaN when the
     *                 GD/momentum limits do not apply to its optimizer
     */
    public static Content of(RacerSnapshot t, String spec, String updateRule, Optional<QuadraticAnalysis> quadratic,
                             double momentum) {
        List<String> rule = List.of(updateRule.split("\n"));
        List<String> numbers = new ArrayList<>();
        TraceSnapshot trace = t.trace();
        StepTrace s = trace.lastStep();
        if (s == null) {
            numbers.add("no step yet: press Step (Right) or Play (Space)");
        } else {
            numbers.add("step k = " + t.stepsRun() + ", lr = " + num(s.learningRate()));
            numbers.add("g = " + vec(s.gradient()));
            if (s.firstMoment() != null) {
                numbers.add("first moment (m / b / velocity) = " + vec(s.firstMoment()));
            }
            if (s.secondMoment() != null) {
                numbers.add("second moment (v / sum / step sizes) = " + vec(s.secondMoment()));
            }
            for (Map.Entry<String, Double> e : new TreeMap<>(s.scalars()).entrySet()) {
                numbers.add(e.getKey() + " = " + num(e.getValue()));
            }
            numbers.add("delta theta = " + vec(s.delta()));
            double g0 = s.gradient()[0];
            double g1 = s.gradient()[1];
            if (g0 != 0 && g1 != 0) {
                numbers.add("effective per-coordinate lr = (" + num(-s.delta()[0] / g0) + ", "
                        + num(-s.delta()[1] / g1) + ")");
            }
        }
        numbers.add("theta = (" + num(trace.last("x")) + ", " + num(trace.last("y")) + "), f = "
                + num(trace.last("loss")));
        List<String> curvature = new ArrayList<>();
        Optional<String> warning = Optional.ofNullable(t.divergenceMessage());
        if (quadratic.isPresent()) {
            QuadraticAnalysis q = quadratic.get();
            curvature.add("Hessian eigenvalues: " + num(q.lambdaMin()) + ", " + num(q.lambdaMax()));
            curvature.add("condition number kappa = " + num(q.conditionNumber()));
            curvature.add("GD stable for lr < 2/lambda_max = " + num(q.lrLimit(0)));
            if (!Double.isNaN(momentum) && momentum > 0 && momentum < 1) {
                curvature.add("momentum " + num(momentum) + ": stable for lr < (2+2*beta)/lambda_max = "
                        + num(q.lrLimit(momentum)));
            }
            if (q.hasNegativeCurvature()) {
                curvature.add("negative curvature: moving away along it for every lr > 0");
            }
            double lr = trace.last("lr");
            if (!Double.isNaN(momentum) && momentum >= 0 && momentum < 1 && !q.stable(lr, momentum) && warning.isEmpty()) {
                warning = Optional.of("lr = " + num(lr) + " is past the stability limit " + num(q.lrLimit(momentum))
                        + ": this racer oscillates and diverges");
            }
        }
        return new Content(t.label() + ":  " + spec, rule, numbers, curvature, warning);
    }

    static String vec(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(num(v[i]));
        }
        return sb.append(')').toString();
    }

    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.5g", v);
    }
}
