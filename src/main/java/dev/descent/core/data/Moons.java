package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * Two interleaving half circles, the geometry of scikit-learn's {@code make_moons}: class 0 is
 * {@code (cos t, sin t)} and class 1 is {@code (1 - cos t, 1/2 - sin t)} for {@code t} evenly
 * spaced over {@code [0, π]} (endpoints included); {@code floor(n/2)} samples in class 0, the
 * rest in class 1. Gaussian noise is added to both coordinates, then the samples are shuffled.
 */
final class Moons extends NamedGenerator {

    Moons() {
        super("moons",
                "two interleaving half circles (scikit-learn make_moons); not linearly separable",
                2);
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        Samples.check(n, noise);
        int outer = n / 2;
        int inner = n - outer;
        double[][] points = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = Samples.linspace(0, Math.PI, outer, i, true);
            points[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < inner; i++) {
            double t = Samples.linspace(0, Math.PI, inner, i, true);
            points[outer + i] = new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
            labels[outer + i] = 1;
        }
        return Samples.finish(name(), points, labels, 2, noise, random);
    }
}
