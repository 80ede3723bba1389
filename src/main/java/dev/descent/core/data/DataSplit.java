package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded train / validation / test split of one data set, and the one place that fits feature
 * scaling: {@link #normalized} fits on {@link #train()} only, so no statistic of the validation
 * or test part leaks into training.
 *
 * @param train      the part the model is fitted on (at least 1 sample)
 * @param validation the part for early stopping and model choice (may be empty)
 * @param test       the held-out part (may be empty)
 */
public record DataSplit(Dataset train, Dataset validation, Dataset test) {

    public DataSplit {
        if (train == null || validation == null || test == null) {
            throw new IllegalArgumentException("train, validation and test must not be null");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("train must have at least 1 sample, had 0");
        }
    }

    /**
     * Splits {@code data} at random: {@code round(n·validationFraction)} samples go to validation,
     * {@code round(n·testFraction)} to test, the rest to train. For classification the split is
     * stratified: each class is divided in the same proportions (quotas {@code floor(n_k·f)} per
     * class, the remaining samples to the classes with the largest remainders), so a class of 10%
     * of the data is about 10% of every part. Each part is in random order.
     *
     * @param random the source of the permutation; advanced by the call
     * @throws ConfigException when a fraction is outside [0, 1), their sum is not below 1, or
     *                         the training part would be empty
     */
    public static DataSplit split(Dataset data, double validationFraction, double testFraction,
                                  SplittableRandom random) {
        checkFraction("validation fraction", validationFraction);
        checkFraction("test fraction", testFraction);
        if (validationFraction + testFraction >= 1) {
            throw new ConfigException("validation fraction + test fraction must be < 1, was "
                    + (validationFraction + testFraction));
        }
        int n = data.size();
        int validationSize = (int) Math.round(n * validationFraction);
        int testSize = (int) Math.round(n * testFraction);
        if (n - validationSize - testSize < 1) {
            throw new ConfigException("the training part of " + data.name() + " would be empty (" + n
                    + " samples, " + validationSize + " for validation, " + testSize + " for test)");
        }
        List<int[]> groups = groups(data);
        for (int[] g : groups) {
            shuffle(g, random);
        }
        int[] validationQuota = quotas(groups, validationSize, validationFraction, new int[groups.size()]);
        int[] testQuota = quotas(groups, testSize, testFraction, validationQuota);
        IntList trainIdx = new IntList();
        IntList validationIdx = new IntList();
        IntList testIdx = new IntList();
        for (int k = 0; k < groups.size(); k++) {
            int[] g = groups.get(k);
            for (int i = 0; i < g.length; i++) {
                if (i < validationQuota[k]) {
                    validationIdx.add(g[i]);
                } else if (i < validationQuota[k] + testQuota[k]) {
                    testIdx.add(g[i]);
                } else {
                    trainIdx.add(g[i]);
                }
            }
        }
        return new DataSplit(part(data, "train", trainIdx, random), part(data, "validation", validationIdx, random),
                part(data, "test", testIdx, random));
    }

    /** This split with features scaled by statistics of the training part only. */
    public DataSplit normalized(Normalization normalization) {
        FeatureScaler scaler = normalization.fit(train);
        return new DataSplit(scaler.apply(train), scaler.apply(validation), scaler.apply(test));
    }

    private static void checkFraction(String field, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new ConfigException(field + " must be in [0, 1), was " + f);
        }
    }

    /** Sample indices per class (one group of all indices for regression). */
    private static List<int[]> groups(Dataset data) {
        List<int[]> groups = new ArrayList<>();
        if (!data.isClassification()) {
            int[] all = new int[data.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            groups.add(all);
            return groups;
        }
        int[] counts = data.classCounts();
        int[] fill = new int[counts.length];
        for (int count : counts) {
            groups.add(new int[count]);
        }
        for (int i = 0; i < data.size(); i++) {
            int c = data.label(i);
            groups.get(c)[fill[c]++] = i;
        }
        return groups;
    }

    /**
     * Largest-remainder apportionment of {@code total} samples over the groups in proportion to
     * their sizes, never taking more than a group has left after {@code taken}.
     */
    private static int[] quotas(List<int[]> groups, int total, double fraction, int[] taken) {
        int k = groups.size();
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double exact = groups.get(c).length * fraction;
            quota[c] = Math.min((int) Math.floor(exact), groups.get(c).length - taken[c]);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < total) {
            int best = -1;
            for (int c = 0; c < k; c++) {
                boolean room = quota[c] + taken[c] < groups.get(c).length;
                if (room && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            quota[best]++;
            remainder[best] -= 1;
            assigned++;
        }
        return quota;
    }

    private static Dataset part(Dataset data, String part, IntList indices, SplittableRandom random) {
        int[] idx = indices.toArray();
        shuffle(idx, random);
        return data.select(data.name() + "/" + part, idx);
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
