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

    @Test
    void labelsSitBesideTheirTipsAndCloseTipsGetStackedLabels() {
        HeadArrows.Arrow right = new HeadArrows.Arrow(HeadArrows.Kind.GRADIENT, 100, 100, 70, 0);
        HeadArrows.Arrow left = new HeadArrows.Arrow(HeadArrows.Kind.MOMENTUM, 100, 100, -70, 0);
        double[][] apart = HeadArrows.labelSpots(List.of(right, left), new double[] {30, 60}, 16, 1);
        assertEquals(178, apart[0][0], 1e-12); // tip 170, 8 px gap
        assertEquals(100, apart[0][1], 1e-12);
        assertEquals(30 - 8 - 60, apart[1][0], 1e-12); // left of the tip at 30
        assertEquals(100, apart[1][1], 1e-12);

        // momentum and step along almost the same line: each label moves clear of those placed before
        HeadArrows.Arrow momentum = new HeadArrows.Arrow(HeadArrows.Kind.MOMENTUM, 100, 100, 60, 10);
        HeadArrows.Arrow step = new HeadArrows.Arrow(HeadArrows.Kind.STEP, 100, 100, 58, 12);
        double[][] close = HeadArrows.labelSpots(List.of(right, momentum, step), new double[] {30, 70, 30}, 16, 1);
        // the momentum's tip is 10 px below the gradient's label, which it would overlap: one height below it
        assertEquals(116, close[1][1], 1e-12);
        assertEquals(close[1][1] + 16, close[2][1], 1e-12);
    }
}
