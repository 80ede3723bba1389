package dev.descent.ui.inspector;

import dev.descent.core.optim.StepTrace;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.SurfaceRacer;
import dev.descent.core.race.Trace;
import dev.descent.core.surface.QuadraticAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTextTest {

    /** One step of {@code optimizer} on the bowl f = x^2 + y^2 from (1, 0), as the race reports it. */
    private static RacerSnapshot onBowl(String optimizer, double lr) {
        Trace trace = new Trace(16, SurfaceRacer.COLUMNS);
        trace.append(0, 1, 0, 1, 2, lr);
        double x = 1 - lr * 2;
        trace.append(1, x, 0, x * x, Math.abs(2 * x), lr);
        trace.setLastStep(new StepTrace(new double[] {2, 0}, null, null, new double[] {-lr * 2, 0}, lr,
                java.util.Map.of("momentum", optimizer.contains("momentum=0.9") ? 0.9 : 0.0)));
        return new RacerSnapshot("gd", "#ff0000", trace.snapshot(), 1, -1, null,
                RacerConfig.of("gd", "#ff0000", optimizer));
    }

    @Test
    void showsTheRuleOfTheRacedConfigInSymbolsAndThisStepsNumbers() {
        InspectorText.Content c = InspectorText.of(onBowl("sgd lr=0.1", 0.1), Optional.empty());
        assertEquals(List.of("g ← ∇f(θ) + wd·θ", "θ ← θ − η·g"), c.rule());
        assertTrue(c.numbers().contains("θ ← θ − η·g = (1, 0) − 0.1·(2, 0) = (0.8, 0)"), c.numbers().toString());
        assertEquals("step t = 1,  η = 0.1,  f(θ) = 0.64", c.numbers().get(0));
        assertEquals("gd:  sgd lr=0.1", c.title());
        assertEquals(List.of("not a quadratic: the Hessian changes from point to point"), c.curvature());
        assertTrue(c.warning().isEmpty());
    }

    @Test
    void warnsWhenTheLearningRateIsPastTwoOverLambdaMax() {
        QuadraticAnalysis bowl = QuadraticAnalysis.ofHessian(2, 0, 2);
        InspectorText.Content fine = InspectorText.of(onBowl("sgd lr=0.9", 0.9), Optional.of(bowl));
        assertTrue(fine.warning().isEmpty());
        assertTrue(fine.curvature().contains("GD stable for η < 2/λmax = 1"), fine.curvature().toString());
        assertTrue(fine.curvature().contains("condition number κ = λmax/λmin = 1"), fine.curvature().toString());
        InspectorText.Content past = InspectorText.of(onBowl("sgd lr=1.1", 1.1), Optional.of(bowl));
        assertEquals("η = 1.1 is past the stability limit 1: this racer oscillates and diverges", past.warning().orElseThrow());
    }

    @Test
    void exactlyAtTwoOverLambdaMaxTheRacerBouncesInsteadOfDiverging() {
        // f = x^2 + y^2, lr = 1: x <- x - 1*2x = -x, the racer flips between two points for ever
        QuadraticAnalysis bowl = QuadraticAnalysis.ofHessian(2, 0, 2);
        InspectorText.Content at = InspectorText.of(onBowl("sgd lr=1", 1), Optional.of(bowl));
        assertEquals("η = 1 is at the stability limit 1: this racer bounces for ever and never settles",
                at.warning().orElseThrow());
    }

    @Test
    void momentumMovesTheLimitToTwoPlusTwoBeta() {
        QuadraticAnalysis bowl = QuadraticAnalysis.ofHessian(2, 0, 2);
        InspectorText.Content c = InspectorText.of(onBowl("sgd lr=1.5 momentum=0.9", 1.5), Optional.of(bowl));
        assertTrue(c.warning().isEmpty(), "1.5 < (2 + 1.8) / 2 = 1.9");
        assertTrue(c.curvature().contains("momentum β = 0.9: stable for η < (2+2β)/λmax = 3.8/2 = 1.9"),
                c.curvature().toString());
        InspectorText.Content past = InspectorText.of(onBowl("sgd lr=2 momentum=0.9", 2), Optional.of(bowl));
        assertTrue(past.warning().orElseThrow().contains("past the stability limit 1.9"), past.warning().toString());
    }

    @Test
    void aDivergedRacerSaysWhere() {
        RacerSnapshot ok = onBowl("sgd lr=0.1", 0.1);
        RacerSnapshot diverged = new RacerSnapshot(ok.label(), ok.colour(), ok.trace(), 1, 1, "loss not finite",
                ok.config());
        InspectorText.Content c = InspectorText.of(diverged, Optional.empty());
        assertEquals("diverged at step 1: loss not finite", c.warning().orElseThrow());
    }
}
