package dev.descent.ui.inspector;

import dev.descent.core.optim.StepTrace;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.SurfaceRacer;
import dev.descent.core.race.Trace;
import dev.descent.core.surface.QuadraticAnalysis;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTextTest {

    /** One gradient-descent step on the bowl f = x^2 + y^2 from (1, 0) with the given lr. */
    private static RacerSnapshot gdOnBowl(double lr) {
        Trace trace = new Trace(16, SurfaceRacer.COLUMNS);
        trace.append(0, 1, 0, 1, 2, lr);
        double x = 1 - lr * 2;
        trace.append(1, x, 0, x * x, Math.abs(2 * x), lr);
        trace.setLastStep(new StepTrace(new double[] {2, 0}, null, null, new double[] {-lr * 2, 0}, lr, null));
        return new RacerSnapshot("gd", "#ff0000", trace.snapshot(), 1, -1, null);
    }

    @Test
    void showsThisStepsNumbersAndTheEffectiveRate() {
        InspectorText.Content c = InspectorText.of(gdOnBowl(0.1), "sgd lr=0.1", "theta = theta - lr*g",
                Optional.empty(), Double.NaN);
        assertTrue(c.numbers().contains("g = (2.0000, 0.0000)"), c.numbers().toString());
        assertTrue(c.numbers().contains("delta theta = (-0.20000, 0.0000)"), c.numbers().toString());
        assertEquals(java.util.List.of("theta = theta - lr*g"), c.rule());
        assertTrue(c.curvature().isEmpty());
        assertTrue(c.warning().isEmpty());
    }

    @Test
    void warnsWhenTheLearningRateIsPastTwoOverLambdaMax() {
        QuadraticAnalysis bowl = QuadraticAnalysis.ofHessian(2, 0, 2);
        InspectorText.Content fine = InspectorText.of(gdOnBowl(0.9), "sgd lr=0.9", "", Optional.of(bowl), 0);
        assertTrue(fine.warning().isEmpty());
        assertTrue(fine.curvature().contains("GD stable for lr < 2/lambda_max = 1.0000"), fine.curvature().toString());
        InspectorText.Content past = InspectorText.of(gdOnBowl(1.1), "sgd lr=1.1", "", Optional.of(bowl), 0);
        assertTrue(past.warning().orElseThrow().contains("past the stability limit 1.0000"), past.warning().toString());
    }

    @Test
    void momentumMovesTheLimitToTwoPlusTwoBeta() {
        QuadraticAnalysis bowl = QuadraticAnalysis.ofHessian(2, 0, 2);
        InspectorText.Content c = InspectorText.of(gdOnBowl(1.5), "sgd lr=1.5 momentum=0.9", "", Optional.of(bowl), 0.9);
        assertTrue(c.warning().isEmpty(), "1.5 < (2 + 1.8) / 2 = 1.9");
        assertTrue(c.curvature().stream().anyMatch(l -> l.endsWith("= 1.9000")), c.curvature().toString());
    }
}
