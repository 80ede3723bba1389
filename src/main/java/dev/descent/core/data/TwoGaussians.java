package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * Two Gaussian blobs: class 0 around {@code (-1, -1)}, class 1 around {@code (1, 1)}, each with
 * standard deviation {@value #SPREAD} per coordinate, half the samples each (the first class
 * the odd one). The noise adds to the spread (total standard deviation
 * {@code √(SPREAD² + noise²)}), so more noise means more overlap. Samples are shuffled.
 */
final class TwoGaussians extends NamedGenerator {

    /** Standard deviation of each blob before noise. */
    static final double SPREAD = 0.4;

    TwoGaussians() {
        super("gauss",
                "two Gaussian blobs at (-1,-1) and (1,1); linearly separable up to their overlap",
                2);
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        return Samples.drawPerLabel(name(), n, 2, noise, random, label -> {
            double centre = label == 0 ? -1 : 1;
            return new double[] {centre + Gaussian.next(random, SPREAD), centre + Gaussian.next(random, SPREAD)};
        });
    }
}
