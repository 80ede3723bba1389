package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.ActivationSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivationHistogramsTest {

    @Test
    void boundedActivationsKeepTheirWholeRangeSoACollapseShowsAsOneSpike() {
        LayerHistogram h = ActivationHistograms.histogram(new double[] {0.5, 0.5001, 0.4999, 0.5},
                10, ActivationHistograms.range(Activation.SIGMOID));
        assertEquals(0, h.lo());
        assertEquals(1, h.hi());
        assertEquals(4, h.counts()[4] + h.counts()[5]);
    }

    @Test
    void unboundedRangeIncludesZeroAndCountsEveryValue() {
        LayerHistogram h = ActivationHistograms.histogram(new double[] {1, 2, 3, 4}, 4, null);
        assertEquals(0, h.lo());
        assertEquals(4, h.hi());
        assertArrayEquals(new int[] {0, 1, 1, 2}, h.counts());
        assertEquals(2.5, h.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), h.std(), 1e-12);
    }

    @Test
    void activationFormulasAtKnownPoints() {
        assertEquals(0.8413447460685429, ActivationHistograms.apply(ActivationSpec.of(Activation.GELU), 0, 1) / 1,
                1e-12, "GELU(1) = Phi(1)");
        assertEquals(-0.2, ActivationHistograms.apply(ActivationSpec.of(Activation.LEAKY_RELU), 0.1, -2), 1e-15);
        assertEquals(1.0507009873554805 * 1.6732632423543772 * (Math.exp(-1) - 1),
                ActivationHistograms.apply(ActivationSpec.of(Activation.SELU), 0, -1), 1e-12);
        assertEquals(Math.log1p(Math.E), ActivationHistograms.apply(ActivationSpec.of(Activation.SOFTPLUS), 0, 1), 1e-12);
    }
}
