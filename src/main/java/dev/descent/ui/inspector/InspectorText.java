package dev.descent.ui.inspector;

import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;
import dev.descent.core.surface.QuadraticAnalysis;
import dev.descent.ui.racers.ParameterGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.descent.ui.inspector.StepFormulas.num;

/**
 * The inspector's content for one racer of a running race, as text lines: the update rule
 * its optimizer computes, that rule with this step's numbers from its {@link StepTrace}, and
 * on a quadratic surface the Hessian eigenvalues, condition number and stability limits,
 * with a warning when the racer's learning rate is past them. Everything comes from the
 * snapshot (the racer's config as raced), never from settings edited since the race began.
 */
public final class InspectorText {

    /**
     * @param title     one line: label and optimizer spec
     * @param rule      the update rule, one formula per line, in symbols
     * @param numbers   this step: the rule with numbers put in ("m ← β₁·m + (1−β₁)·g = ... = (0.2, 0)")
     * @param curvature the quadratic analysis lines (one line saying so when the surface is not quadratic)
     * @param warning   set when the racer is past a stability limit or diverged
     */
    public record Content(String title, List<String> rule, List<String> numbers, List<String> curvature,
                          Optional<String> warning) {
    }

    /** Characters beyond which a substituted line puts its result on a line of its own. */
    private static final int LONG_LINE = 90;

    private InspectorText() {
    }

    /**
     * @param t         the racer as the race reports it; its {@link RacerSnapshot#config()} gives the rule
     * @param quadratic the surface's curvature when it is quadratic
     */
    public static Content of(RacerSnapshot t, Optional<QuadraticAnalysis> quadratic) {
        RacerConfig config = t.config();
        List<String> rule = new ArrayList<>();
        if (config != null) {
            for (String line : Optimizers.create(Spec.parse(config.optimizer()), 2).updateRule().split("\n")) {
                rule.add(Notation.pretty(line));
            }
        }
        TraceSnapshot trace = t.trace();
        StepTrace s = trace.lastStep();
        double[] theta = {trace.last("x"), trace.last("y")};
        List<String> numbers = new ArrayList<>();
        if (s == null) {
            numbers.add("no step yet: press Step (Right) or Play (Space)");
            numbers.add("θ = " + StepFormulas.vec(theta) + ",  f(θ) = " + num(trace.last("loss")));
        } else {
            numbers.add("step t = " + t.stepsRun() + ",  η = " + num(s.learningRate()) + ",  f(θ) = "
                    + num(trace.last("loss")));
            if (config != null) {
                for (StepFormulas.Line line : StepFormulas.of(config.optimizer(), s, theta, t.stepsRun())) {
                    numbers.add(wrapped(line));
                }
            }
        }
        List<String> curvature = new ArrayList<>();
        Optional<String> warning = Optional.ofNullable(t.divergenceMessage());
        if (quadratic.isEmpty()) {
            curvature.add("not a quadratic: the Hessian changes from point to point");
        } else {
            QuadraticAnalysis q = quadratic.get();
            curvature.add("Hessian eigenvalues λmin = " + num(q.lambdaMin()) + ", λmax = " + num(q.lambdaMax()));
            curvature.add("condition number κ = λmax/λmin = " + num(q.conditionNumber()));
            if (q.lambdaMax() > 0) {
                curvature.add("GD stable for η < 2/λmax = " + num(q.lrLimit(0)));
            }
            if (q.hasNegativeCurvature()) {
                curvature.add("negative curvature: moving away along it for every η > 0");
            }
            Optional<StabilityLimit> limit = config == null ? Optional.empty()
                    : StabilityLimit.of(config.optimizer(), s, q);
            if (limit.isPresent()) {
                StabilityLimit l = limit.get();
                if (!l.plainGradientDescent()) {
                    curvature.add(l.description());
                }
                double lr = trace.last("lr");
                if (warning.isEmpty() && Math.abs(lr - l.limit()) <= AT_LIMIT * l.limit()) {
                    warning = Optional.of("η = " + num(lr) + " is at the stability limit " + num(l.limit())
                            + ": this racer bounces for ever and never settles");
                } else if (!(lr < l.limit()) && warning.isEmpty()) {
                    warning = Optional.of("η = " + num(lr) + " is past the stability limit " + num(l.limit())
                            + ": this racer oscillates and diverges");
                }
            }
        }
        return new Content(t.label() + ":  " + spec(config), rule, numbers, curvature, warning);
    }

    /**
     * How close to a stability limit (relative) counts as on it: there the stiffest direction's
     * factor per step is exactly -1, so the racer neither converges nor diverges.
     */
    private static final double AT_LIMIT = 1e-9;

    /** A long line breaks before its result, so the result stays in one piece. */
    private static String wrapped(StepFormulas.Line line) {
        String text = line.text();
        if (text.length() <= LONG_LINE || line.substituted().isEmpty()) {
            return text;
        }
        return line.formula() + " = " + line.substituted() + "\n      = " + StepFormulas.vec(line.value());
    }

    /** The optimizer (and schedule) as the race runs it, with only the values that differ from the defaults. */
    private static String spec(RacerConfig config) {
        if (config == null) {
            return "";
        }
        Spec opt = Spec.parse(config.optimizer());
        String text = ParameterGroup.withDefaults(opt.name(), Optimizers.factory(opt.name()).hyperParameters())
                .withAll(opt.values()).shortText();
        return config.schedule() == null ? text : text + "  |  " + config.schedule();
    }
}
