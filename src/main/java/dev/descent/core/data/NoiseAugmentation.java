package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.util.SplittableRandom;

/**
 * Data augmentation by noise injection (Bishop 1995, "Training with noise is equivalent to
 * Tikhonov regularization"): copies of the samples with {@code x' = x + ε}, {@code ε ~ N(0, σ²)}
 * per feature, labels unchanged. Apply it to the training part only.
 */
public final class NoiseAugmentation {

    private NoiseAugmentation() {
    }

    /**
     * The original samples followed by {@code copies} noisy copies of each (in order: all of
     * copy 1, then all of copy 2, ...); {@code (copies + 1)·n} samples.
     *
     * @param sigma  standard deviation of the added noise, {@code >= 0}
     * @param random the noise source; advanced by the call
     */
    public static Dataset augment(Dataset data, int copies, double sigma, SplittableRandom random) {
        if (copies < 0) {
            throw new ConfigException("augmentation copies must be >= 0, was " + copies);
        }
        checkSigma(sigma);
        long total = (long) data.size() * (copies + 1);
        if (total > DataGenerators.MAX_SAMPLES) {
            throw new ConfigException("augmentation would make " + total + " samples; at most "
                    + DataGenerators.MAX_SAMPLES);
        }
        int n = data.size();
        double[][] rows = new double[(int) total][];
        double[] targets = new double[(int) total];
        for (int c = 0; c <= copies; c++) {
            for (int i = 0; i < n; i++) {
                double[] row = data.features()[i].clone();
                if (c > 0) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] += Gaussian.next(random, sigma);
                    }
                }
                rows[c * n + i] = row;
                targets[c * n + i] = data.targets()[i];
            }
        }
        return new Dataset(data.name() + "+noise", rows, targets, data.classes(), data.featureNames(),
                data.classNames());
    }

    /** One noisy copy of every sample, same size and order (fresh noise each epoch). */
    public static Dataset jitter(Dataset data, double sigma, SplittableRandom random) {
        checkSigma(sigma);
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = data.features()[i].clone();
            for (int j = 0; j < row.length; j++) {
                row[j] += Gaussian.next(random, sigma);
            }
            rows[i] = row;
        }
        return new Dataset(data.name(), rows, data.targets(), data.classes(), data.featureNames(), data.classNames());
    }

    private static void checkSigma(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new ConfigException("augmentation noise must be finite and >= 0, was " + sigma);
        }
    }
}
