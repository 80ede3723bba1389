package dev.descent.ui.data;

import dev.descent.core.config.ConfigException;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.Normalization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataPreparationTest {
    private final Dataset moons = DataGenerators.create("moons", 200, 0.1, 3);

    @Test
    void splitsScalesOnTrainingStatisticsAndAugmentsOnlyTheTrainingPart() {
        PreparedData p = new DataPreparation(0.25, Normalization.STANDARD, 2, 0.05, 7).prepare(moons, 0, 1);
        assertEquals(50, p.validation().size());
        assertEquals(150 * 3, p.train().size(), "150 rows plus 2 noisy copies");
        // the first 150 training rows are the scaled originals: mean 0, variance 1 per feature
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 150; i++) {
                mean += p.train().features()[i][j] / 150;
            }
            for (int i = 0; i < 150; i++) {
                double d = p.train().features()[i][j] - mean;
                sq += d * d / 150;
            }
            assertEquals(0, mean, 1e-9);
            assertEquals(1, sq, 1e-9);
        }
    }

    @Test
    void hiddenFeaturesAreHeldAtTheirTrainingMean() {
        Dataset three = new Dataset("three", new double[][] {{0, 1, 10}, {1, 2, 20}, {2, 3, 30}, {3, 4, 40}},
                new double[] {0, 1, 0, 1}, 2, List.of("a", "b", "c"), List.of("n", "y"));
        PreparedData p = new DataPreparation(0, Normalization.NONE, 0, 0, 1).prepare(three, 0, 2);
        assertArrayEquals(new double[] {1.5, 2.5, 25}, p.fixed(), 1e-12);
        assertEquals(2, p.featureY());
    }

    @Test
    void planeIsThePointsBoxPaddedByTenPercent() {
        Dataset square = new Dataset("sq", new double[][] {{0, 0}, {10, 20}}, new double[] {0, 1}, 2,
                List.of("x", "y"), List.of("a", "b"));
        PreparedData p = new DataPreparation(0, Normalization.NONE, 0, 0, 1).prepare(square, 0, 1);
        assertArrayEquals(new double[] {-1, 11, -2, 22}, p.plane(), 1e-12);
    }

    @Test
    void refusesAFeatureOutOfRangeAndAValidationShareAboveNinetyPercent() {
        DataPreparation prep = DataPreparation.DEFAULT;
        assertThrows(ConfigException.class, () -> prep.prepare(moons, 0, 2));
        assertThrows(ConfigException.class, () -> new DataPreparation(0.95, Normalization.NONE, 0, 0, 1));
    }
}
