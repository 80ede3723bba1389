package dev.descent.ui.map;

import dev.descent.core.optim.StepTrace;
import dev.descent.core.surface.Bowl;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadArrowsTest {

    private static final MapProjection PROJECTION = new MapProjection(new Bowl().window(), 400, 400);

    private static List<HeadArrows.Kind> kinds(double[] g, double[] v, double[] d) {
        StepTrace step = new StepTrace(g, v, null, d, 0.1, Map.of());
        return HeadArrows.of(step, 0.5, 0.5, PROJECTION, 1).stream().map(HeadArrows.Arrow::kind).toList();
    }

    @Test
    void aGradientOfRoundingNoiseAtAMinimumAndAStepUnderHalfAPixelGetNoArrow() {
        assertEquals(List.of(), kinds(new double[] {-1.8e-15, 1.5e-77}, null, new double[] {9e-17, 0}));
        assertEquals(List.of(), kinds(new double[] {0, 0}, new double[] {1e-12, 0}, new double[] {0, 0}));
    }

    @Test
    void aRealGradientGetsItsFullLengthArrowAndMomentumThroughAFlatPointKeepsItsOwn() {
        StepTrace moving = new StepTrace(new double[] {0.3, -0.4}, null, null, new double[] {-0.03, 0.04}, 0.1, Map.of());
        HeadArrows.Arrow grad = HeadArrows.of(moving, 0.5, 0.5, PROJECTION, 1).get(0);
        assertEquals(HeadArrows.Kind.GRADIENT, grad.kind());
        assertEquals(HeadArrows.PIXELS, Math.hypot(grad.dx(), grad.dy()), 1e-9);
        assertEquals(List.of(HeadArrows.Kind.MOMENTUM, HeadArrows.Kind.STEP),
                kinds(new double[] {0, 0}, new double[] {0.5, 0}, new double[] {-0.05, 0}));
    }
}
