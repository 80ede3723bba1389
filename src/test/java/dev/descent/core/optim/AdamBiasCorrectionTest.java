package dev.descent.core.optim;

import dev.descent.core.config.Spec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uncorrected Adam variant against its closed form: under a constant gradient g,
 * m_t = (1 - beta1^t) g and v_t = (1 - beta2^t) g^2, so (eps = 0) the uncorrected step is
 * lr (1 - beta1^t)/sqrt(1 - beta2^t) and the corrected step is exactly lr.
 */
class AdamBiasCorrectionTest {

    private static double[] steps(String spec, int n) {
        Optimizer adam = Optimizers.create(Spec.parse(spec), 1);
        double[] x = {0};
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double before = x[0];
            adam.step(x, new double[] {-3.0}, StepContext.of(adam.baseLearningRate()));
            out[t] = x[0] - before;
        }
        return out;
    }

    @Test
    void uncorrectedStepsFollowTheClosedFormAndCorrectedOnesAreLr() {
        double lr = 0.01;
        double[] corrected = steps("adam lr=0.01 eps=0", 50);
        double[] uncorrected = steps("adam lr=0.01 eps=0 bias_correction=false", 50);
        for (int t = 1; t <= 50; t++) {
            assertEquals(lr, corrected[t - 1], 1e-15, "corrected step " + t);
            double expected = lr * (1 - Math.pow(0.9, t)) / Math.sqrt(1 - Math.pow(0.999, t));
            assertEquals(expected, uncorrected[t - 1], 1e-12, "uncorrected step " + t);
        }
        assertTrue(uncorrected[0] > 3 * lr && uncorrected[9] > 6 * lr, "early steps several times too large");
    }

    @Test
    void theDefaultIsTorchsCorrectedAdamAndTheRuleShowsTheVariant() {
        Optimizer plain = Optimizers.create(Spec.parse("adam"), 1);
        Optimizer variant = Optimizers.create(Spec.parse("adam bias_correction=false"), 1);
        assertTrue(plain.updateRule().contains("1-beta1^t"));
        assertTrue(!variant.updateRule().contains("beta1^t") && variant.updateRule().contains("lr * m"));
    }
}
