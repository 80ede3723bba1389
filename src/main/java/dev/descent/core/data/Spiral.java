package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * Interleaved spiral arms, one class per arm (the CS231n and TensorFlow Playground spirals).
 * Sample {@code i} of the {@code m} samples of arm {@code c} lies at radius
 * {@code r = i / m} (growing linearly from the centre to just under 1) and angle
 * {@code θ = TURNS·2π·r + 2πc/arms}, i.e. {@code (r cos θ, r sin θ)}; each arm makes
 * {@value #TURNS} turns. Classes are balanced (earlier arms get the remainder). Gaussian noise is
 * added to both coordinates, then the samples are shuffled.
 */
final class Spiral extends NamedGenerator {

    /** Number of full turns of each arm. */
    static final double TURNS = 0.875;

    private final int arms;

    Spiral(String name, int arms) {
        super(name, arms + " interleaved spiral arms, one class each; needs a deep or wide net", arms);
        this.arms = arms;
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        Samples.check(n, noise);
        int[] counts = Samples.perClass(n, arms);
        int[] labels = Samples.blockLabels(n, arms);
        double[][] points = new double[n][];
        int k = 0;
        for (int c = 0; c < arms; c++) {
            for (int i = 0; i < counts[c]; i++) {
                double r = (double) i / counts[c];
                double theta = TURNS * 2 * Math.PI * r + 2 * Math.PI * c / arms;
                points[k++] = new double[] {r * Math.cos(theta), r * Math.sin(theta)};
            }
        }
        return Samples.finish(name(), points, labels, arms, noise, random);
    }
}
