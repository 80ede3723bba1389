package dev.descent.core.data;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataGeneratorsTest {

    static Stream<String> names() {
        return DataGenerators.all().stream().map(DataGenerator::name);
    }

    @Test
    void catalogueHoldsTheNineDataSetsOfTheIssue() {
        assertEquals(List.of("xor", "circles", "moons", "gauss", "spiral", "spiral3", "checkerboard", "linear", "sine"),
                names().toList());
        for (DataGenerator g : DataGenerators.all()) {
            assertFalse(g.description().isBlank(), g.name());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedGivesTheSameDataBitForBit(String name) {
        Dataset a = DataGenerators.create(name, 101, 0.1, 7);
        Dataset b = DataGenerators.create(name, 101, 0.1, 7);
        assertEquals(a, b);
        Dataset c = DataGenerators.create(name, 101, 0.1, 8);
        assertNotEquals(a, c);
    }

    @ParameterizedTest
    @MethodSource("names")
    void sizeDimensionAndClassCountMatchTheGenerator(String name) {
        DataGenerator g = DataGenerators.generator(name);
        for (int n : new int[] {1, 2, 3, 7, 250}) {
            if (n < g.classes()) {
                continue;
            }
            Dataset d = DataGenerators.create(name, n, 0.2, 1);
            assertEquals(n, d.size());
            assertEquals(g.classes(), d.classes());
            assertEquals(g.classes() == 0 ? 1 : 2, d.dimension());
            assertEquals(g.classes() == 0 ? List.of("x") : List.of("x1", "x2"), d.featureNames());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void classesAreBalancedToWithinOneSample(String name) {
        DataGenerator g = DataGenerators.generator(name);
        if (g.classes() == 0) {
            return;
        }
        for (int n : new int[] {10, 11, 301}) {
            int[] counts = DataGenerators.create(name, n, 0.3, 3).classCounts();
            int min = Arrays.stream(counts).min().orElseThrow();
            int max = Arrays.stream(counts).max().orElseThrow();
            assertTrue(max - min <= 1, name + " n=" + n + " counts " + Arrays.toString(counts));
            assertEquals(n, Arrays.stream(counts).sum());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void samplesAreShuffledNotSortedByClass(String name) {
        Dataset d = DataGenerators.create(name, 200, 0.1, 5);
        if (!d.isClassification()) {
            return;
        }
        int changes = 0;
        for (int i = 1; i < d.size(); i++) {
            if (d.label(i) != d.label(i - 1)) {
                changes++;
            }
        }
        assertTrue(changes > 50, name + ": only " + changes + " label changes in 200 samples");
    }

    @Test
    void circlesLieOnRadiusOneAndOneHalfWithoutNoise() {
        Dataset d = DataGenerators.create("circles", 400, 0, 11);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.features()[i][0], d.features()[i][1]);
            assertEquals(d.label(i) == 0 ? 1.0 : 0.5, r, 1e-12);
        }
    }

    @Test
    void circlesWithNoiseKeepTheirMeanRadii() {
        Dataset d = DataGenerators.create("circles", 4000, 0.05, 11);
        double[] sum = new double[2];
        for (int i = 0; i < d.size(); i++) {
            sum[d.label(i)] += Math.hypot(d.features()[i][0], d.features()[i][1]);
        }
        assertEquals(1.0, sum[0] / 2000, 0.01);
        assertEquals(0.5, sum[1] / 2000, 0.01);
    }

    @Test
    void moonsLieOnTheirHalfCirclesAndCentresMatchScikitLearn() {
        int n = 2000;
        Dataset d = DataGenerators.create("moons", n, 0, 3);
        double[][] mean = new double[2][2];
        for (int i = 0; i < n; i++) {
            double x = d.features()[i][0];
            double y = d.features()[i][1];
            if (d.label(i) == 0) {
                assertEquals(1.0, Math.hypot(x, y), 1e-12);
                assertTrue(y >= -1e-12, "outer moon is the upper half circle");
            } else {
                assertEquals(1.0, Math.hypot(x - 1, y - 0.5), 1e-12);
                assertTrue(y <= 0.5 + 1e-12, "inner moon is the lower half circle");
            }
            mean[d.label(i)][0] += x / (n / 2.0);
            mean[d.label(i)][1] += y / (n / 2.0);
        }
        // mean of sin t over [0, pi] is 2/pi; sklearn: outer (cos t, sin t), inner (1 - cos t, 1 - sin t - 0.5)
        assertEquals(0.0, mean[0][0], 1e-9);
        assertEquals(2 / Math.PI, mean[0][1], 1e-3);
        assertEquals(1.0, mean[1][0], 1e-9);
        assertEquals(0.5 - 2 / Math.PI, mean[1][1], 1e-3);
    }

    @Test
    void moonsWithThreeSamplesMatchScikitLearnPointsUpToOrder() {
        // sklearn.datasets.make_moons(3, shuffle=False): outer [[1, 0]], inner [[0, 0.5], [2, 0.5]]
        Dataset d = DataGenerators.create("moons", 3, 0, 0);
        double[][] byLabelThenX = Arrays.stream(d.features()).sorted((p, q) -> Double.compare(p[0], q[0]))
                .toArray(double[][]::new);
        assertArrayEquals(new double[] {0, 0.5}, byLabelThenX[0], 1e-12);
        assertArrayEquals(new double[] {1, 0}, byLabelThenX[1], 1e-12);
        assertArrayEquals(new double[] {2, 0.5}, byLabelThenX[2], 1e-12);
    }

    @ParameterizedTest
    @MethodSource("spirals")
    void spiralArmsGrowInRadiusLinearlyWithAngle(String name, int arms) {
        Dataset d = DataGenerators.create(name, 300 * arms, 0, 9);
        double maxRadius = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][0];
            double y = d.features()[i][1];
            double r = Math.hypot(x, y);
            maxRadius = Math.max(maxRadius, r);
            if (r < 1e-9) {
                continue;
            }
            double expected = Spiral.TURNS * 2 * Math.PI * r + 2 * Math.PI * d.label(i) / arms;
            double diff = Math.IEEEremainder(Math.atan2(y, x) - expected, 2 * Math.PI);
            assertEquals(0, diff, 1e-9, "point " + i + " off its arm");
        }
        assertEquals(1.0 - 1.0 / 300, maxRadius, 1e-9);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> spirals() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("spiral", 2),
                org.junit.jupiter.params.provider.Arguments.of("spiral3", 3));
    }

    @Test
    void xorLabelsAreTheSignOfTheProductAwayFromTheAxes() {
        Dataset d = DataGenerators.create("xor", 500, 0, 2);
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][0];
            double y = d.features()[i][1];
            assertEquals(x * y > 0 ? 0 : 1, d.label(i));
            assertTrue(Math.abs(x) >= Xor.MARGIN && Math.abs(x) <= 1 && Math.abs(y) >= Xor.MARGIN && Math.abs(y) <= 1);
        }
    }

    @Test
    void checkerboardLabelsAlternateByCell() {
        assertEquals(0, Checkerboard.cellClass(-0.9, -0.9));
        assertEquals(1, Checkerboard.cellClass(-0.4, -0.9));
        assertEquals(0, Checkerboard.cellClass(0.1, -0.9));
        assertEquals(1, Checkerboard.cellClass(-0.9, -0.4));
        assertEquals(0, Checkerboard.cellClass(0.9, 0.9));
        Dataset d = DataGenerators.create("checkerboard", 800, 0, 2);
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][0];
            double y = d.features()[i][1];
            int cell = (int) Math.floor((x + 1) * 2) + (int) Math.floor((y + 1) * 2);
            assertEquals(cell % 2, d.label(i));
        }
    }

    @Test
    void gaussiansAreCentredAtMinusOneAndOneWithTheirSpread() {
        Dataset d = DataGenerators.create("gauss", 8000, 0.3, 4);
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][0];
            sum[d.label(i)] += x;
            sumSq[d.label(i)] += x * x;
        }
        for (int c = 0; c < 2; c++) {
            double mean = sum[c] / 4000;
            double var = sumSq[c] / 4000 - mean * mean;
            assertEquals(c == 0 ? -1 : 1, mean, 0.03);
            assertEquals(0.4 * 0.4 + 0.3 * 0.3, var, 0.02);
        }
    }

    @Test
    void linearRegressionRecoversSlopeInterceptAndNoiseByLeastSquares() {
        Dataset d = DataGenerators.create("linear", 5000, 0.2, 6);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = d.size();
        for (int i = 0; i < n; i++) {
            double x = d.features()[i][0];
            double y = d.targets()[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        assertEquals(1.5, slope, 0.02);
        assertEquals(0.5, intercept, 0.01);
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = d.targets()[i] - slope * d.features()[i][0] - intercept;
            rss += r * r;
        }
        assertEquals(0.2, Math.sqrt(rss / (n - 2)), 0.006);
    }

    @Test
    void noiseFreeSineIsExactlySine() {
        Dataset d = DataGenerators.create("sine", 300, 0, 6);
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][0];
            assertTrue(Math.abs(x) <= Math.PI);
            assertEquals(Math.sin(x), d.targets()[i], 0);
        }
        assertEquals(0, d.classes());
        assertEquals(List.of(), d.classNames());
    }

    @Test
    void seededOutputIsPinnedSoAnAccidentalChangeOfTheDrawOrderFails() {
        // A regression guard, not an independent value: SplittableRandom's output for a seed is
        // part of its specification, so this changes only when the generator code changes
        // (then re-pin it knowingly: saved presets replay other data).
        Dataset d = DataGenerators.create("moons", 50, 0.1, 42);
        assertEquals(0x1.12ec847729de9p-2, d.features()[0][0]);
        assertEquals(-0x1.040b9bc822a6ep-3, d.features()[0][1]);
        assertEquals(1, d.label(0));
        assertEquals(d, new Moons().generate(50, 0.1, new SplittableRandom(42)));
    }

    @Test
    void gaussianHelperHasMeanZeroAndUnitVariance() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 200_000;
        double sum = 0, sumSq = 0, sumQuart = 0;
        for (int i = 0; i < n; i++) {
            double z = Gaussian.next(r);
            sum += z;
            sumSq += z * z;
            sumQuart += z * z * z * z;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sumSq / n, 0.01);
        assertEquals(3, sumQuart / n, 0.05);
    }

    @ParameterizedTest
    @MethodSource("names")
    void generatorsCalledDirectlyCheckTheirArgumentsToo(String name) {
        DataGenerator g = DataGenerators.generator(name);
        assertThrows(ConfigException.class, () -> g.generate(0, 0.1, new SplittableRandom(1)));
        assertThrows(ConfigException.class, () -> g.generate(10, Double.POSITIVE_INFINITY, new SplittableRandom(1)));
    }

    @Test
    void badOptionsAreConfigErrorsNamingTheField() {
        assertEquals("samples must be in [1, 1000000], was 0",
                assertThrows(ConfigException.class, () -> DataGenerators.create("moons", 0, 0.1, 1)).getMessage());
        assertEquals("noise must be finite and >= 0, was -0.1",
                assertThrows(ConfigException.class, () -> DataGenerators.create("moons", 10, -0.1, 1)).getMessage());
        assertEquals("noise must be finite and >= 0, was NaN",
                assertThrows(ConfigException.class, () -> DataGenerators.create("moons", 10, Double.NaN, 1)).getMessage());
        String unknown = assertThrows(ConfigException.class, () -> DataGenerators.create("mooons", 10, 0, 1)).getMessage();
        assertTrue(unknown.startsWith("unknown data set 'mooons'; known: xor, circles, moons"), unknown);
    }
}
