package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * Two concentric circles, the geometry of scikit-learn's {@code make_circles} with
 * {@code factor = 0.5}: class 0 on the circle of radius 1, class 1 on the circle of radius
 * {@value #FACTOR}, angles evenly spaced over {@code [0, 2π)}; {@code floor(n/2)} samples on the
 * outer circle. Gaussian noise is added to both coordinates, then the samples are shuffled.
 */
final class Circles extends NamedGenerator {

    /** Inner radius over outer radius. */
    static final double FACTOR = 0.5;

    Circles() {
        super("circles",
                "a disc inside a ring (scikit-learn make_circles, factor 0.5); needs a curved boundary",
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
            double t = Samples.linspace(0, 2 * Math.PI, outer, i, false);
            points[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < inner; i++) {
            double t = Samples.linspace(0, 2 * Math.PI, inner, i, false);
            points[outer + i] = new double[] {FACTOR * Math.cos(t), FACTOR * Math.sin(t)};
            labels[outer + i] = 1;
        }
        return Samples.finish(name(), points, labels, 2, noise, random);
    }
}
