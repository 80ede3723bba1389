package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * A synthetic data set of the lectures (two moons, spirals, ...). A generator draws every
 * random number from the generator passed in, so one seed gives the same data bit for bit on
 * every machine and Java version ({@link SplittableRandom}'s algorithm is specified; Gaussian
 * draws use {@link Gaussian}, not the JDK's unspecified {@code nextGaussian}).
 */
public interface DataGenerator {

    /** The name used on the command line ({@code moons}). */
    String name();

    /** One line for {@code list}-style output: the geometry and what it teaches. */
    String description();

    /** Number of classes, or 0 for a regression set. */
    int classes();

    /**
     * Draws {@code n} samples.
     *
     * @param n      number of samples, in [1, {@link DataGenerators#MAX_SAMPLES}]
     * @param noise  standard deviation of the Gaussian noise added to every feature (for
     *               regression sets: to the target), {@code >= 0}
     * @param random the source of every random number; advanced by the call
     * @throws dev.descent.core.config.ConfigException when n or noise is out of range
     */
    Dataset generate(int n, double noise, SplittableRandom random);
}
