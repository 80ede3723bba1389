package dev.descent.core.optim;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are torch 2.13's clip_grad_norm_/clip_grad_value_ in float64 (printed by torch). */
class GradientClippingTest {

    @Test
    void clipGradNormScalesByMaxNormOverNormPlusTorchEpsilon() {
        double[] g = {3.0, 4.0};
        assertEquals(5.0, GradientClipping.clipGradNorm(g, 1.0));
        assertArrayEquals(new double[] {0.599999880000024, 0.799999840000032}, g, 1e-16);
    }

    @Test
    void clipGradNormLeavesASmallGradientUnchanged() {
        double[] g = {0.3, 0.4};
        assertEquals(0.5, GradientClipping.clipGradNorm(g, 1.0), 1e-16);
        assertArrayEquals(new double[] {0.3, 0.4}, g, 0);
    }

    @Test
    void clipGradNormShrinksAGradientWhoseNormEqualsTheLimit() {
        double[] g = {3.0, 4.0};
        GradientClipping.clipGradNorm(g, 5.0);
        assertArrayEquals(new double[] {2.99999940000012, 3.99999920000016}, g, 1e-15);
    }

    @Test
    void clipGradNormSupportsInfinityAndOneNorms() {
        double[] g = {3.0, -4.0};
        assertEquals(4.0, GradientClipping.clipGradNorm(g, 1.0, Double.POSITIVE_INFINITY));
        assertArrayEquals(new double[] {0.7499998125000469, -0.9999997500000625}, g, 1e-16);
        double[] h = {1.0, -2.0, 2.0};
        assertEquals(5.0, GradientClipping.clipGradNorm(h, 1.0, 1.0));
        assertArrayEquals(new double[] {0.199999960000008, -0.399999920000016, 0.399999920000016}, h, 1e-16);
    }

    @Test
    void clipGradNormOfAnInfiniteGradientIsNotFiniteAsInTorch() {
        double[] g = {Double.POSITIVE_INFINITY, 1.0};
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipGradNorm(g, 1.0));
        assertTrue(Double.isNaN(g[0]));
        assertEquals(0.0, g[1]);
    }

    @Test
    void clipGradValueClampsEachComponentAndReturnsTheNormBefore() {
        double[] g = {3.0, -4.0, 0.5};
        assertEquals(Math.sqrt(25.25), GradientClipping.clipGradValue(g, 1.0), 1e-15);
        assertArrayEquals(new double[] {1.0, -1.0, 0.5}, g, 0);
    }

    @Test
    void negativeLimitsAreRejectedWithFieldAndRange() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GradientClipping.clipGradNorm(new double[] {1}, -1));
        assertEquals("clip_grad_norm: max_norm must be in [0, inf), was -1.0", e.getMessage());
        e = assertThrows(ConfigException.class, () -> GradientClipping.clipGradValue(new double[] {1}, -0.5));
        assertEquals("clip_grad_value: clip_value must be in [0, inf), was -0.5", e.getMessage());
        e = assertThrows(ConfigException.class, () -> GradientClipping.clipGradNorm(new double[] {1}, 1, 0.5));
        assertEquals("clip_grad_norm: norm_type must be in [1, inf], was 0.5", e.getMessage());
    }
}
