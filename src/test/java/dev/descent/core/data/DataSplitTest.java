package dev.descent.core.data;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSplitTest {

    private static List<String> rows(Dataset... parts) {
        List<String> all = new ArrayList<>();
        for (Dataset d : parts) {
            for (int i = 0; i < d.size(); i++) {
                all.add(Arrays.toString(d.features()[i]) + "->" + d.targets()[i]);
            }
        }
        Collections.sort(all);
        return all;
    }

    @Test
    void partSizesAreRoundedFractionsAndTheRestTrains() {
        Dataset data = DataGenerators.create("moons", 1000, 0.1, 1);
        DataSplit s = DataSplit.split(data, 0.2, 0.1, new SplittableRandom(3));
        assertEquals(700, s.train().size());
        assertEquals(200, s.validation().size());
        assertEquals(100, s.test().size());
        assertEquals("moons/train", s.train().name());
        assertEquals("moons/validation", s.validation().name());
        assertEquals("moons/test", s.test().name());
    }

    @Test
    void partsAreDisjointAndTogetherHoldEverySampleOnce() {
        Dataset data = DataGenerators.create("spiral3", 301, 0.2, 1);
        DataSplit s = DataSplit.split(data, 0.25, 0.15, new SplittableRandom(5));
        assertEquals(rows(data), rows(s.train(), s.validation(), s.test()));
    }

    @Test
    void classificationSplitsAreStratified() {
        DataSplit iris = DataSplit.split(BundledDatasets.load("iris"), 0.2, 0.2, new SplittableRandom(1));
        assertArrayEquals(new int[] {30, 30, 30}, iris.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, iris.validation().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, iris.test().classCounts());
        // 212 malignant, 357 benign; validation 0.2 of 569 = 113.8 -> 114: quotas 42.4 and 71.4 -> 42 + 72 or 43 + 71
        DataSplit cancer = DataSplit.split(BundledDatasets.load("breast_cancer"), 0.2, 0, new SplittableRandom(1));
        int[] v = cancer.validation().classCounts();
        assertEquals(114, v[0] + v[1]);
        assertTrue(Math.abs(v[0] - 42.4) < 1 && Math.abs(v[1] - 71.4) < 1, Arrays.toString(v));
        assertEquals(0, cancer.test().size());
    }

    @Test
    void tinyClassesAreNeverOverAllocated() {
        Dataset d = new Dataset("tiny", new double[][] {{0}, {1}, {2}}, new double[] {0, 1, 2}, 3,
                List.of("x"), List.of("a", "b", "c"));
        DataSplit s = DataSplit.split(d, 0.4, 0.4, new SplittableRandom(2));
        assertEquals(1, s.train().size());
        assertEquals(1, s.validation().size());
        assertEquals(1, s.test().size());
        assertEquals(rows(d), rows(s.train(), s.validation(), s.test()));
    }

    @Test
    void regressionSplitsShuffleAllSamples() {
        Dataset data = DataGenerators.create("sine", 100, 0.1, 1);
        DataSplit s = DataSplit.split(data, 0.3, 0, new SplittableRandom(9));
        assertEquals(70, s.train().size());
        assertEquals(30, s.validation().size());
        assertEquals(rows(data), rows(s.train(), s.validation(), s.test()));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset data = DataGenerators.create("gauss", 200, 0.1, 1);
        DataSplit a = DataSplit.split(data, 0.2, 0.2, new SplittableRandom(4));
        DataSplit b = DataSplit.split(data, 0.2, 0.2, new SplittableRandom(4));
        DataSplit c = DataSplit.split(data, 0.2, 0.2, new SplittableRandom(5));
        assertEquals(a, b);
        assertNotEquals(a.validation(), c.validation());
    }

    @Test
    void badFractionsAndAnEmptyTrainingPartAreConfigErrors() {
        Dataset data = DataGenerators.create("moons", 10, 0.1, 1);
        assertEquals("validation fraction must be in [0, 1), was 1.0", assertThrows(ConfigException.class,
                () -> DataSplit.split(data, 1.0, 0, new SplittableRandom(1))).getMessage());
        assertEquals("test fraction must be in [0, 1), was -0.1", assertThrows(ConfigException.class,
                () -> DataSplit.split(data, 0.1, -0.1, new SplittableRandom(1))).getMessage());
        assertEquals("validation fraction + test fraction must be < 1, was 1.0", assertThrows(ConfigException.class,
                () -> DataSplit.split(data, 0.5, 0.5, new SplittableRandom(1))).getMessage());
        Dataset two = DataGenerators.create("moons", 2, 0.1, 1);
        assertEquals("the training part of moons would be empty (2 samples, 1 for validation, 1 for test)",
                assertThrows(ConfigException.class, () -> DataSplit.split(two, 0.5, 0.4, new SplittableRandom(1)))
                        .getMessage());
    }
}
