package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * A noisy line: {@code x} uniform in {@code [-1, 1]}, target
 * {@code y = SLOPE·x + INTERCEPT + ε} with {@code ε ~ N(0, noise²)}; slope {@value #SLOPE},
 * intercept {@value #INTERCEPT}. The ordinary least squares fit recovers the line as n grows.
 */
final class LinearRegression extends NamedGenerator {

    static final double SLOPE = 1.5;
    static final double INTERCEPT = 0.5;

    LinearRegression() {
        super("linear",
                "regression: y = 1.5 x + 0.5 plus noise, x uniform in [-1,1]",
                0);
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        return Samples.regression(name(), n, noise, random, 1, x -> SLOPE * x + INTERCEPT);
    }
}
