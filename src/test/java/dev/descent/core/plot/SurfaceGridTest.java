package dev.descent.core.plot;

import dev.descent.core.config.Spec;
import dev.descent.core.surface.Bowl;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.Surfaces;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceGridTest {

    @Test
    void nodesSpanTheWindowEdgesIncludedRowByRowFromTheBottom() {
        ViewWindow w = new ViewWindow(-1, 3, 10, 12);
        SurfaceGrid grid = SurfaceGrid.sample((x, y) -> 100 * x + y, w, 5, 3);
        assertEquals(-1, grid.x(0), 0);
        assertEquals(3, grid.x(4), 0);
        assertEquals(10, grid.y(0), 0);
        assertEquals(12, grid.y(2), 0);
        assertEquals(100 * 1 + 11, grid.value(2, 1), 1e-12);
        assertEquals(grid.value(3, 2), grid.values()[2 * 5 + 3], 0);
        assertEquals(-100 + 10, grid.min(), 1e-12);
        assertEquals(300 + 12, grid.max(), 1e-12);
        assertEquals(15, grid.finiteCount());
    }

    @Test
    void nonFiniteValuesAreKeptAsNaNAndLeftOutOfMinAndMax() {
        SurfaceGrid grid = SurfaceGrid.sample(Surfaces.expression("log(x) + 1/y"), new ViewWindow(-1, 1, 0, 2), 3, 3);
        assertTrue(Double.isNaN(grid.value(0, 1)), "log(-1)");
        assertTrue(Double.isNaN(grid.value(2, 0)), "1/0 = infinity is stored as NaN");
        assertEquals(2, grid.finiteCount(), "only x = 1, y > 0 is finite");
        assertEquals(1 / 2.0, grid.min(), 0);
        assertEquals(1, grid.max(), 0);
    }

    @Test
    void allNaNGridHasNoRangeAndNoLevels() {
        SurfaceGrid grid = SurfaceGrid.sample((x, y) -> Double.NaN, new ViewWindow(0, 1, 0, 1), 4, 4);
        assertTrue(Double.isNaN(grid.min()) && Double.isNaN(grid.max()));
        assertEquals(0, ContourLevels.levels(grid, 10).length);
        assertTrue(MarchingSquares.contour(grid, 0).isEmpty());
    }

    @Test
    void rejectsDegenerateSizes() {
        assertThrows(IllegalArgumentException.class, () -> SurfaceGrid.sample(new Bowl(), new Bowl().window(), 1, 10));
        assertThrows(IllegalArgumentException.class, () -> SurfaceGrid.of(new Bowl().window(), 2, 2, new double[3]));
    }

    @Test
    void linearLevelsAreEvenlySpacedStrictlyInside() {
        assertArrayEquals(new double[] {1, 2, 3}, ContourLevels.linear(0, 4, 3), 1e-15);
    }

    @Test
    void logLevelsHaveAConstantRatioAboveTheMinimum() {
        double[] levels = ContourLevels.log(3, 3 + 1e4, 1e-2, 6);
        assertEquals(3 + 1e-2, levels[0], 1e-12);
        for (int k = 1; k < levels.length; k++) {
            assertEquals(10, (levels[k] - 3) / (levels[k - 1] - 3), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> ContourLevels.log(0, 1, 0, 5));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "rosenbrock, LOG", "beale, LOG", "goldstein-price, LOG",
        "bowl, LINEAR", "saddle, LINEAR", "himmelblau, LINEAR", "rastrigin, LINEAR", "ravine, LINEAR",
    })
    void spacingFollowsHowManyDecadesTheSurfaceSpans(String name, ContourLevels.Spacing expected) {
        Surface s = Surfaces.create(Spec.parse(name));
        SurfaceGrid grid = SurfaceGrid.sample(s, s.window(), 200, 200);
        assertEquals(expected, ContourLevels.choose(grid));
        double[] levels = ContourLevels.levels(grid, 15);
        assertEquals(15, levels.length);
        for (int k = 0; k < levels.length; k++) {
            assertTrue(levels[k] > grid.min() && levels[k] < grid.max());
            assertTrue(k == 0 || levels[k] > levels[k - 1]);
        }
    }
}
