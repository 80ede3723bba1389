package dev.descent.core.data;

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
        return Samples.regression(name(), n, noise, random, Math.PI, Math::sin);
    }
}
