package dev.descent.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetTest {

    private static final List<String> XY = List.of("x1", "x2");

    private static String error(double[][] f, double[] t, int classes, List<String> features, List<String> names) {
        return assertThrows(IllegalArgumentException.class, () -> new Dataset("d", f, t, classes, features, names))
                .getMessage();
    }

    @Test
    void validatesShapesClassesAndValuesNamingTheField() {
        double[][] f = {{1, 2}, {3, 4}};
        assertEquals("classes must be 0 (regression) or >= 2, was 1",
                error(f, new double[] {0, 0}, 1, XY, List.of("a")));
        assertEquals("classNames must have 2 entries (one per class), had 1",
                error(f, new double[] {0, 1}, 2, XY, List.of("a")));
        assertEquals("targets must have one entry per feature row (2), had 3",
                error(f, new double[] {0, 1, 0}, 2, XY, List.of("a", "b")));
        assertEquals("features row 1 must have 2 values, had 1",
                error(new double[][] {{1, 2}, {3}}, new double[] {0, 1}, 2, XY, List.of("a", "b")));
        assertEquals("features[0][1] ('x2') must be finite, was NaN",
                error(new double[][] {{1, Double.NaN}, {3, 4}}, new double[] {0, 1}, 2, XY, List.of("a", "b")));
        assertEquals("targets[1] must be a class index in [0, 1], was 2.0",
                error(f, new double[] {0, 2}, 2, XY, List.of("a", "b")));
        assertEquals("targets[0] must be a class index in [0, 1], was 0.5",
                error(f, new double[] {0.5, 1}, 2, XY, List.of("a", "b")));
        assertEquals("targets[1] must be finite, was Infinity",
                error(f, new double[] {0.5, Double.POSITIVE_INFINITY}, 0, XY, List.of()));
        assertEquals("featureNames must be distinct, 'x1' appears twice",
                error(f, new double[] {0, 1}, 2, List.of("x1", "x1"), List.of("a", "b")));
        assertEquals("featureNames must have at least 1 entry, was 0",
                error(new double[0][], new double[0], 0, List.of(), List.of()));
        assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new Dataset(" ", f, new double[] {0, 1}, 2, XY, List.of("a", "b"))).getMessage());
    }

    @Test
    void copiesItsInputAndAllowsAnEmptyPart() {
        double[][] f = {{1, 2}, {3, 4}};
        double[] t = {1, 0};
        Dataset d = new Dataset("d", f, t, 2, XY, List.of("a", "b"));
        f[0][0] = 99;
        t[0] = 0;
        assertEquals(1, d.features()[0][0]);
        assertEquals(1, d.label(0));
        assertNotSame(f, d.features());
        Dataset empty = d.select("d/validation", new int[0]);
        assertEquals(0, empty.size());
        assertEquals(2, empty.dimension());
        assertArrayEquals(new int[] {0, 0}, empty.classCounts());
        Dataset picked = d.select("p", new int[] {1, 1, 0});
        assertArrayEquals(new double[] {0, 0, 1}, picked.targets());
        assertEquals("Dataset[p, 3 x 2, 2 classes]", picked.toString());
    }

    @Test
    void regressionSetsHaveNoLabels() {
        Dataset d = new Dataset("r", new double[][] {{1}}, new double[] {2.5}, 0, List.of("x"), List.of());
        assertEquals(false, d.isClassification());
        assertThrows(IllegalStateException.class, () -> d.label(0));
    }

    @Test
    void circlesWithFourSamplesMatchScikitLearnPointsUpToOrder() {
        // sklearn.datasets.make_circles(4, shuffle=False, factor=0.5):
        // outer angles linspace(0, 2pi, 2, endpoint=False) = 0, pi; inner the same at radius 0.5
        Dataset d = DataGenerators.create("circles", 4, 0, 0);
        double[][] expected = {{1, 0}, {-1, 0}, {0.5, 0}, {-0.5, 0}};
        int[] labels = {0, 0, 1, 1};
        for (int k = 0; k < 4; k++) {
            boolean found = false;
            for (int i = 0; i < 4; i++) {
                if (Math.abs(d.features()[i][0] - expected[k][0]) < 1e-12
                        && Math.abs(d.features()[i][1] - expected[k][1]) < 1e-12) {
                    assertEquals(labels[k], d.label(i));
                    found = true;
                }
            }
            assertEquals(true, found, "point " + k);
        }
    }
}
