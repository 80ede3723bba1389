package dev.descent.ui.network;

import dev.descent.core.optim.StepTrace;
import dev.descent.ui.inspector.InspectorText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateStatisticsTest {

    @Test
    void aggregatesTheStepOverAllParameters() {
        StepTrace step = new StepTrace(new double[] {3, 4}, new double[] {0, 2}, new double[] {1, 7}, new double[] {0.06, 0.08},
                0.01, null);
        InspectorText.Content c = UpdateStatistics.of("adam", "adam lr=0.01", "g = grad + wd*theta\ntheta = theta - lr*m",
                step, new double[] {6, 8});
        // the surface inspector's symbols, the loss L in place of the surface's f
        assertEquals(List.of("g ← ∇L(θ) + wd·θ", "θ ← θ − η·m"), c.rule());
        // ||g|| = 5, ||m|| = 2, rms(v) = sqrt((1 + 49) / 2) = 5, ||delta|| = 0.1, ||w|| = 10, ratio 0.01
        assertEquals(List.of("lr              0.01000", "||g||           5.000", "||m||           2.000",
                "rms(v)          5.000", "||Δθ||          0.1000", "||θ||           10.00",
                "||Δθ|| / ||θ||  0.01000", "2 parameters"), c.numbers());
        assertTrue(c.warning().isEmpty());
    }

    @Test
    void warnsWhenUpdatesDwarfTheWeights() {
        StepTrace step = new StepTrace(new double[] {1}, null, null, new double[] {5}, 1, null);
        InspectorText.Content c = UpdateStatistics.of("sgd", "sgd lr=1", "theta -= lr g", step, new double[] {1});
        assertTrue(c.warning().orElseThrow().contains("near divergence"));
    }
}
