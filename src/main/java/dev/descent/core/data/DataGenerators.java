package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The catalogue of synthetic data sets. */
public final class DataGenerators {

    /** Largest sample count a generator accepts. */
    public static final int MAX_SAMPLES = 1_000_000;

    private static final List<DataGenerator> ALL = List.of(
            new Xor(),
            new Circles(),
            new Moons(),
            new TwoGaussians(),
            new Spiral("spiral", 2),
            new Spiral("spiral3", 3),
            new Checkerboard(),
            new LinearRegression(),
            new SineRegression());

    private DataGenerators() {
    }

    public static List<DataGenerator> all() {
        return ALL;
    }

    /** The generator called {@code name}, or a {@link ConfigException} listing the known names. */
    public static DataGenerator generator(String name) {
        for (DataGenerator g : ALL) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new ConfigException("unknown data set '" + name + "'; known: "
                + ALL.stream().map(DataGenerator::name).collect(Collectors.joining(", ")));
    }

    /**
     * Generates {@code n} samples of data set {@code name} with Gaussian noise of standard
     * deviation {@code noise}, drawing from {@code new SplittableRandom(seed)}.
     */
    public static Dataset create(String name, int n, double noise, long seed) {
        DataGenerator g = generator(name);
        checkSamples(n);
        checkNoise(noise);
        return g.generate(n, noise, new SplittableRandom(seed));
    }

    static void checkSamples(int n) {
        if (n < 1 || n > MAX_SAMPLES) {
            throw new ConfigException("samples must be in [1, " + MAX_SAMPLES + "], was " + n);
        }
    }

    static void checkNoise(double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new ConfigException("noise must be finite and >= 0, was " + noise);
        }
    }
}
