package dev.descent.ui.inspector;

import dev.descent.core.config.Spec;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.race.RaceOptions;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.SurfaceRace;
import dev.descent.core.surface.Surfaces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inspector's substituted rule against closed forms of the first steps and, for later
 * steps, against the position the real race reached: evaluating the shown formula on the
 * shown numbers must give the step the optimizer took.
 */
class StepFormulasTest {

    /** The racer after {@code steps} steps of the real race on Rosenbrock from (-1.4, 2.2). */
    private static RacerSnapshot race(String optimizer, int steps) {
        SurfaceRace race = new SurfaceRace(Surfaces.create(Spec.parse("rosenbrock")), -1.4, 2.2,
                List.of(RacerConfig.of("r", "#ff0000", optimizer)), RaceOptions.DEFAULT);
        for (int i = 0; i < steps; i++) {
            race.step();
        }
        return race.snapshot().racers().get(0);
    }

    private static List<StepFormulas.Line> lines(RacerSnapshot r) {
        double[] theta = {r.trace().last("x"), r.trace().last("y")};
        return StepFormulas.of(r.config().optimizer(), r.lastStep(), theta, r.stepsRun());
    }

    private static StepFormulas.Line line(List<StepFormulas.Line> lines, String formulaStart) {
        return lines.stream().filter(l -> l.formula().startsWith(formulaStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + formulaStart + " in " + lines));
    }

    private static double[] before(RacerSnapshot r) {
        StepTrace s = r.lastStep();
        return new double[] {r.trace().last("x") - s.delta()[0], r.trace().last("y") - s.delta()[1]};
    }

    /** Rosenbrock's gradient at (x, y), a = 1, b = 100, in double. */
    private static double[] rosenbrockGradient(double x, double y) {
        return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    }

    @Test
    void plainGradientDescentShowsTheStepWithItsNumbers() {
        RacerSnapshot r = race("sgd lr=0.001", 1);
        double[] g = rosenbrockGradient(-1.4, 2.2);
        List<StepFormulas.Line> l = lines(r);
        assertArrayEquals(g, line(l, "g = ∇f(θ)").value(), 1e-12);
        StepFormulas.Line step = line(l, "θ ← θ − η·g");
        assertEquals("(−1.4, 2.2) − 0.001·" + StepFormulas.vec(g), step.substituted());
        assertArrayEquals(new double[] {-1.4 - 0.001 * g[0], 2.2 - 0.001 * g[1]}, step.value(), 1e-15);
        assertTrue(step.text().startsWith("θ ← θ − η·g = (−1.4, 2.2) − 0.001·("), step.text());
    }

    @Test
    void momentumBufferIsTheGradientFirstAndThenBetaTimesItPlusTheNewGradient() {
        RacerSnapshot one = race("sgd lr=0.0001 momentum=0.9", 1);
        RacerSnapshot two = race("sgd lr=0.0001 momentum=0.9", 2);
        double[] g1 = one.lastStep().gradient();
        double[] g2 = two.lastStep().gradient();
        assertEquals("b ← g", line(lines(one), "b ←").formula());
        StepFormulas.Line b = line(lines(two), "b ← β·b + (1−τ)·g");
        assertArrayEquals(new double[] {0.9 * g1[0] + g2[0], 0.9 * g1[1] + g2[1]}, b.value(), 1e-9);
        assertTrue(b.substituted().startsWith("0.9·b + 1·("), b.substituted());
    }

    @Test
    void adamsFirstStepHasMHatEqualToGAndVHatToGSquared() {
        RacerSnapshot r = race("adam lr=0.01", 1);
        double[] g = rosenbrockGradient(-1.4, 2.2);
        List<StepFormulas.Line> l = lines(r);
        assertArrayEquals(new double[] {0.1 * g[0], 0.1 * g[1]}, line(l, "m ←").value(), 1e-12);
        assertArrayEquals(g, line(l, "m̂").value(), 1e-9);
        assertArrayEquals(new double[] {g[0] * g[0], g[1] * g[1]}, line(l, "v̂").value(), 1e-6);
        assertEquals("(" + StepFormulas.num(0.1 * g[0]) + ", " + StepFormulas.num(0.1 * g[1]) + ")/0.1",
                line(l, "m̂").substituted());
        // first Adam step: η·g/(|g| + ε), i.e. η against the sign of g (both components are positive here)
        assertArrayEquals(new double[] {-1.4 - 0.01, 2.2 - 0.01}, line(l, "θ ←").value(), 1e-9);
    }

    @Test
    void rpropsFirstStepMovesByTheLearningRateAgainstTheSign() {
        RacerSnapshot r = race("rprop lr=0.05", 1);
        List<StepFormulas.Line> l = lines(r);
        assertArrayEquals(new double[] {0.05, 0.05}, line(l, "Δ ←").value(), 0);
        StepFormulas.Line step = line(l, "θ ← θ − sign(g)·Δ");
        assertEquals("(−1.4, 2.2) − (1, 1)·(0.05, 0.05)", step.substituted());
    }

    @Test
    void adamWShrinksTheWeightsBeforeTheAdamStep() {
        RacerSnapshot r = race("adamw lr=0.01 weight_decay=0.5", 1);
        StepFormulas.Line shrink = line(lines(r), "θ ← θ·(1 − η·wd)");
        assertEquals("(−1.4, 2.2)·0.995", shrink.substituted());
        assertArrayEquals(new double[] {-1.4 * 0.995, 2.2 * 0.995}, shrink.value(), 1e-15);
    }

    @Test
    void l2WeightDecayShowsWhatItAddsToTheGradient() {
        RacerSnapshot r = race("sgd lr=0.001 weight_decay=0.5", 1);
        double[] g = rosenbrockGradient(-1.4, 2.2);
        StepFormulas.Line line = line(lines(r), "g = ∇f(θ) + wd·θ");
        assertArrayEquals(new double[] {g[0] - 0.7, g[1] + 1.1}, line.value(), 1e-12);
    }

    /** Evaluates the shown final formula on the shown numbers: it must land where the race did. */
    @ParameterizedTest
    @ValueSource(strings = {"adam lr=0.01", "adam lr=0.01 amsgrad=true", "rmsprop lr=0.001", "adagrad lr=0.1 lr_decay=0.01",
            "adamax lr=0.01", "nadam lr=0.01", "sgd lr=0.0001 momentum=0.8 nesterov=true"})
    void theShownFormulaReproducesTheStepTakenLaterInTheRace(String optimizer) {
        RacerSnapshot r = race(optimizer, 7);
        List<StepFormulas.Line> l = lines(r);
        StepTrace s = r.lastStep();
        double[] theta0 = before(r);
        double[] g = s.gradient();
        double lr = s.learningRate();
        double[] expected = new double[2];
        String name = Spec.parse(optimizer).name();
        for (int i = 0; i < 2; i++) {
            expected[i] = switch (name) {
                case "adam" -> theta0[i] - lr * line(l, "m̂").value()[i] / (Math.sqrt(line(l, "v̂").value()[i]) + 1e-8);
                case "rmsprop" -> theta0[i] - lr * g[i] / line(l, "a = √v + ε").value()[i];
                case "adagrad" -> theta0[i] - line(l, "ηₜ").value()[0] * g[i]
                        / (Math.sqrt(line(l, "s ←").value()[i]) + 1e-10);
                case "adamax" -> theta0[i] - lr / (1 - Math.pow(0.9, 7)) * line(l, "m ←").value()[i]
                        / line(l, "u ←").value()[i];
                case "nadam" -> nadam(l, theta0[i], g[i], lr, i);
                case "sgd" -> theta0[i] - lr * (g[i] + 0.8 * line(l, "b ←").value()[i]);
                default -> throw new AssertionError(name);
            };
        }
        double[] after = {r.trace().last("x"), r.trace().last("y")};
        assertArrayEquals(after, expected, 1e-12 * (1 + Math.abs(after[0]) + Math.abs(after[1])), optimizer);
        assertArrayEquals(after, l.get(l.size() - 1).value(), 0, "the last line ends where the race is");
    }

    @Test
    void adamWithoutBiasCorrectionShowsMAndVAsTheyAre() {
        RacerSnapshot r = race("adam lr=0.01 bias_correction=false", 3);
        List<StepFormulas.Line> l = lines(r);
        double[] theta0 = before(r);
        double[] m = line(l, "m ←").value();
        double[] v = line(l, "v ←").value();
        assertTrue(l.stream().noneMatch(x -> x.formula().startsWith("m̂")), l.toString());
        double[] after = {r.trace().last("x"), r.trace().last("y")};
        for (int i = 0; i < 2; i++) {
            assertEquals(after[i], theta0[i] - 0.01 * m[i] / (Math.sqrt(v[i]) + 1e-8), 1e-12);
        }
        assertEquals("θ ← θ − η·m/(√v + ε)", l.get(l.size() - 1).formula());
    }

    /** NAdam's step from the shown μₜ, μₜ₊₁, Πₜ, a and m (Dozat 2016 as torch computes it). */
    private static double nadam(List<StepFormulas.Line> l, double theta, double g, double lr, int i) {
        double mu = line(l, "μₜ =").value()[0];
        double muNext = line(l, "μₜ₊₁").value()[0];
        double product = line(l, "Πₜ").value()[0];
        double a = line(l, "a = √(v/(1−β₂ᵗ)) + ε").value()[i];
        double m = line(l, "m ←").value()[i];
        // mu_t from the shown formula with t = 7, psi = 0.004
        assertEquals(0.9 * (1 - 0.5 * Math.pow(0.96, 7 * 0.004)), mu, 1e-15);
        return theta - lr * (1 - mu) / (1 - product) * g / a - lr * muNext / (1 - product * muNext) * m / a;
    }

    @Test
    void numbersAreShortWithARealMinusSign() {
        assertEquals("0.9", StepFormulas.num(0.9));
        assertEquals("1e-08", StepFormulas.num(1e-8));
        assertEquals("−0.20417", StepFormulas.num(-0.204166666));
        assertEquals("12346", StepFormulas.num(12345.6));
        assertEquals("(1, −2.5)", StepFormulas.vec(new double[] {1, -2.5}));
    }
}
