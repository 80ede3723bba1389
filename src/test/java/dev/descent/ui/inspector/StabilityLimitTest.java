package dev.descent.ui.inspector;

import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepContext;
import dev.descent.core.surface.QuadraticAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each limit against the real optimizer on f = λ/2·x²: 3% under it converges, 3% over it blows up. */
class StabilityLimitTest {
    private static final double LAMBDA = 4;

    /** |x| after many steps of {@code spec} with learning rate {@code lr} on f = λ/2 x² from x = 1. */
    private static double run(String spec, double lr) {
        Optimizer o = Optimizers.create(Spec.parse(spec + " lr=" + lr), 1);
        double[] x = {1};
        for (int i = 0; i < 3000 && Math.abs(x[0]) < 1e9; i++) {
            o.step(x, new double[] {LAMBDA * x[0]}, StepContext.of(lr));
        }
        return Math.abs(x[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "sgd momentum=0.9", "sgd momentum=0.5 dampening=0.3", "sgd momentum=0.9 nesterov=true",
            "sgd momentum=0.6 nesterov=true", "sgd weight_decay=1", "sgd momentum=0.7 weight_decay=0.5"})
    void theLimitSeparatesConvergenceFromDivergence(String spec) {
        QuadraticAnalysis q = new QuadraticAnalysis(LAMBDA / 10, LAMBDA);
        double limit = StabilityLimit.of(spec, null, q).orElseThrow().limit();
        assertTrue(run(spec, 0.97 * limit) < 1e-6, spec + " under " + limit);
        assertTrue(run(spec, 1.03 * limit) > 1e6, spec + " over " + limit);
    }

    @Test
    void nesterovAndDampeningAreWrittenOut() {
        QuadraticAnalysis q = new QuadraticAnalysis(1, 4);
        assertEquals("Nesterov β = 0.5: stable for η < (2+2β)/((1+2β)·λmax) = 3/(2·4) = 0.375",
                StabilityLimit.of("sgd momentum=0.5 nesterov=true", null, q).orElseThrow().description());
        assertEquals("momentum β = 0.5: stable for η < (2+2β)/((1−τ)·λmax) = 3/(0.5·4) = 1.5",
                StabilityLimit.of("sgd momentum=0.5 dampening=0.5", null, q).orElseThrow().description());
        assertEquals("GD with weight decay: stable for η < 2/(λmax + wd) = 2/(4 + 1) = 0.4",
                StabilityLimit.of("sgd weight_decay=1", null, q).orElseThrow().description());
    }

    @Test
    void adaptiveOptimizersHaveNoSuchLimit() {
        assertFalse(StabilityLimit.of("adam lr=0.1", null, new QuadraticAnalysis(1, 4)).isPresent());
    }
}
