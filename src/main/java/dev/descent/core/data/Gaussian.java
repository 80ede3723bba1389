package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * Standard normal draws with a fixed algorithm, so seeded data sets do not depend on the JDK's
 * {@code nextGaussian} implementation (unspecified for {@link SplittableRandom}).
 *
 * <p>Marsaglia's polar method: draw {@code u, v} uniform in (-1, 1) until
 * {@code 0 < s = u² + v² < 1}; then {@code u·√(-2 ln s / s)} is standard normal. The second
 * normal the method yields is discarded so the helper keeps no state.
 */
final class Gaussian {

    private Gaussian() {
    }

    /** One N(0, 1) draw. */
    static double next(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** One N(0, sigma²) draw; exactly 0 (and no random numbers used) when sigma is 0. */
    static double next(SplittableRandom random, double sigma) {
        return sigma == 0 ? 0 : sigma * next(random);
    }
}
