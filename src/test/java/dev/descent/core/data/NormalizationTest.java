package dev.descent.core.data;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NormalizationTest {

    private static Dataset column(String name, double... x) {
        double[][] rows = new double[x.length][];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i], 10 * i};
            t[i] = i;
        }
        return new Dataset(name, rows, t, 0, List.of("a", "b"), List.of());
    }

    @Test
    void standardScalingUsesTheMeanAndPopulationStandardDeviation() {
        // a = 1, 2, 3, 4: mean 2.5, population variance 1.25 (numpy.std with ddof=0)
        FeatureScaler s = Normalization.STANDARD.fit(column("train", 1, 2, 3, 4));
        double sd = Math.sqrt(1.25);
        assertArrayEquals(new double[] {(1 - 2.5) / sd, (0 - 15) / Math.sqrt(125)}, s.apply(new double[] {1, 0}), 1e-15);
        assertArrayEquals(new double[] {7.5 / sd, 0}, s.apply(new double[] {10, 15}), 1e-15);
        Dataset scaled = s.apply(column("train", 1, 2, 3, 4));
        double sum = 0;
        double squares = 0;
        for (double[] row : scaled.features()) {
            sum += row[0];
            squares += row[0] * row[0];
        }
        assertEquals(0, sum, 1e-15);
        assertEquals(4, squares, 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 3}, scaled.targets());
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeToZeroOne() {
        FeatureScaler s = Normalization.MINMAX.fit(column("train", 2, 4, 6));
        assertArrayEquals(new double[] {0, 0}, s.apply(new double[] {2, 0}), 0);
        assertArrayEquals(new double[] {0.5, 0.5}, s.apply(new double[] {4, 10}), 0);
        assertArrayEquals(new double[] {1.5, -1}, s.apply(new double[] {8, -20}), 0);
    }

    @Test
    void noneIsTheIdentity() {
        double[] row = {3.25, -7};
        assertArrayEquals(row, Normalization.NONE.fit(column("train", 1, 1)).apply(row), 0);
    }

    @Test
    void scalingInvertsBackToDataCoordinates() {
        FeatureScaler s = Normalization.STANDARD.fit(BundledDatasets.load("wine"));
        double[] row = BundledDatasets.load("wine").features()[17];
        assertArrayEquals(row, s.invert(s.apply(row)), 1e-12);
    }

    @Test
    void splitScalesEveryPartWithTrainingStatisticsOnly() {
        Dataset data = DataGenerators.create("gauss", 400, 0.2, 3);
        DataSplit split = DataSplit.split(data, 0.25, 0.25, new SplittableRandom(8));
        DataSplit scaled = split.normalized(Normalization.STANDARD);
        FeatureScaler fromTrain = Normalization.STANDARD.fit(split.train());
        assertEquals(fromTrain.apply(split.validation()), scaled.validation());
        assertEquals(fromTrain.apply(split.test()), scaled.test());
        // the scaled training part has mean 0 and std 1 exactly; the validation part does not
        double[] mean = new double[2];
        for (double[] row : scaled.train().features()) {
            mean[0] += row[0] / scaled.train().size();
        }
        assertEquals(0, mean[0], 1e-12);

        // an outlier in validation changes nothing in the scaled training part: no leakage
        double[][] v = java.util.Arrays.stream(split.validation().features()).map(double[]::clone)
                .toArray(double[][]::new);
        v[0][0] = 1e6;
        Dataset poisoned = new Dataset("v", v, split.validation().targets(), 2, data.featureNames(),
                data.classNames());
        DataSplit leaky = new DataSplit(split.train(), poisoned, split.test()).normalized(Normalization.MINMAX);
        assertEquals(split.normalized(Normalization.MINMAX).train(), leaky.train());
        assertEquals(split.normalized(Normalization.MINMAX).test(), leaky.test());
    }

    @Test
    void aConstantTrainingColumnIsAnErrorNamingTheFeatureNotNaN() {
        Dataset constant = new Dataset("iris/train", new double[][] {{1, 0.1}, {2, 0.1}, {3, 0.1}},
                new double[] {0, 1, 0}, 2, List.of("length", "width"), List.of("a", "b"));
        assertEquals("cannot apply standard scaling: feature 'width' (column 2) is constant (0.1) in iris/train;"
                + " remove the column or use --normalize none",
                assertThrows(ConfigException.class, () -> Normalization.STANDARD.fit(constant)).getMessage());
        assertEquals("cannot apply minmax scaling: feature 'width' (column 2) is constant (0.1) in iris/train;"
                + " remove the column or use --normalize none",
                assertThrows(ConfigException.class, () -> Normalization.MINMAX.fit(constant)).getMessage());
    }

    @Test
    void namesParseFromTheCommandLine() {
        assertEquals(Normalization.MINMAX, Normalization.of("minmax"));
        assertEquals("normalize must be one of none, standard, minmax, was 'zscore'",
                assertThrows(ConfigException.class, () -> Normalization.of("zscore")).getMessage());
    }

    @Test
    void noiseAugmentationKeepsOriginalsAndLabelsAndAddsNoiseOfTheGivenSpread() {
        Dataset data = DataGenerators.create("xor", 500, 0, 1);
        Dataset aug = NoiseAugmentation.augment(data, 3, 0.1, new SplittableRandom(2));
        assertEquals(2000, aug.size());
        double squares = 0;
        for (int c = 0; c <= 3; c++) {
            for (int i = 0; i < 500; i++) {
                assertEquals(data.targets()[i], aug.targets()[c * 500 + i]);
                for (int j = 0; j < 2; j++) {
                    double diff = aug.features()[c * 500 + i][j] - data.features()[i][j];
                    if (c == 0) {
                        assertEquals(0, diff);
                    }
                    squares += c == 0 ? 0 : diff * diff;
                }
            }
        }
        assertEquals(0.1, Math.sqrt(squares / 3000), 0.004);
        assertEquals(aug, NoiseAugmentation.augment(data, 3, 0.1, new SplittableRandom(2)));
        Dataset jittered = NoiseAugmentation.jitter(data, 0.1, new SplittableRandom(2));
        assertEquals(500, jittered.size());
        assertArrayEquals(data.targets(), jittered.targets());
        assertEquals("augmentation noise must be finite and >= 0, was -1.0", assertThrows(ConfigException.class,
                () -> NoiseAugmentation.jitter(data, -1, new SplittableRandom(1))).getMessage());
        assertEquals("augmentation copies must be >= 0, was -1", assertThrows(ConfigException.class,
                () -> NoiseAugmentation.augment(data, -1, 0.1, new SplittableRandom(1))).getMessage());
    }
}
