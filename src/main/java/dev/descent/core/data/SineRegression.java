package dev.descent.core.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A noisy sine: {@code x} uniform in {@code [-π, π]}, target {@code y = sin x + ε} with
 * {@code ε ~ N(0, noise²)}. A linear model cannot fit it; a small MLP can.
 */
final class SineRegression extends NamedGenerator {

    SineRegression() {
        super("sine",
                "regression: y = sin x plus noise, x uniform in [-pi,pi]; needs a non-linear model",
                0);
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        Samples.check(n, noise);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = Math.PI * (2 * random.nextDouble() - 1);
            x[i] = new double[] {xi};
            y[i] = Math.sin(xi) + Gaussian.next(random, noise);
        }
        return new Dataset(name(), x, y, 0, List.of("x"), List.of());
    }
}
