package dev.descent.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

/** Shared steps of the generators: class sizes, noise, shuffling, packing into a {@link Dataset}. */
final class Samples {

    private Samples() {
    }

    /** Splits {@code n} samples into {@code k} classes as evenly as possible (earlier classes get the remainder). */
    static int[] perClass(int n, int k) {
        int[] counts = new int[k];
        for (int c = 0; c < k; c++) {
            counts[c] = n / k + (c < n % k ? 1 : 0);
        }
        return counts;
    }

    /** The label of each of {@code n} samples when classes are laid out in blocks of {@link #perClass}. */
    static int[] blockLabels(int n, int k) {
        int[] labels = new int[n];
        int[] counts = perClass(n, k);
        int i = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < counts[c]; j++) {
                labels[i++] = c;
            }
        }
        return labels;
    }

    /** {@code count} evenly spaced values from {@code start} to {@code stop}, like numpy's linspace. */
    static double linspace(double start, double stop, int count, int index, boolean endpoint) {
        if (count == 1) {
            return start;
        }
        double step = (stop - start) / (endpoint ? count - 1 : count);
        return start + index * step;
    }

    /** Adds N(0, noise²) to every coordinate, row by row. */
    static void addNoise(double[][] points, double noise, SplittableRandom random) {
        if (noise == 0) {
            return;
        }
        for (double[] p : points) {
            for (int j = 0; j < p.length; j++) {
                p[j] += Gaussian.next(random, noise);
            }
        }
    }

    /** Fisher-Yates shuffle of the rows and their labels with the same permutation. */
    static void shuffle(double[][] points, int[] labels, SplittableRandom random) {
        for (int i = points.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] p = points[i];
            points[i] = points[j];
            points[j] = p;
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
    }

    /** A 2-D classification set with features {@code x1, x2} and class names {@code "0" .. "k-1"}. */
    static Dataset classification(String name, double[][] points, int[] labels, int classes) {
        double[] targets = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = labels[i];
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add(Integer.toString(c));
        }
        return new Dataset(name, points, targets, classes, List.of("x1", "x2"), classNames);
    }

    /** Adds noise, shuffles and packs a 2-D classification set (modifies {@code points} and {@code labels}). */
    static Dataset finish(String name, double[][] points, int[] labels, int classes, double noise,
                          SplittableRandom random) {
        addNoise(points, noise, random);
        shuffle(points, labels, random);
        return classification(name, points, labels, classes);
    }

    /**
     * A 2-D classification set with labels in blocks ({@link #blockLabels}) and one point drawn per
     * label, in order; then noise, shuffle and packing as in {@link #finish}.
     *
     * @param pointOfClass draws one clean point of the given class (from the caller's generator)
     */
    static Dataset drawPerLabel(String name, int n, int classes, double noise, SplittableRandom random,
                                IntFunction<double[]> pointOfClass) {
        check(n, noise);
        int[] labels = blockLabels(n, classes);
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = pointOfClass.apply(labels[i]);
        }
        return finish(name, points, labels, classes, noise, random);
    }

    /**
     * A 1-D regression set with feature {@code x}: per sample {@code x = halfWidth·(2u - 1)} with
     * {@code u} uniform in [0, 1), then the target {@code f(x) + ε}, {@code ε ~ N(0, noise²)}.
     */
    static Dataset regression(String name, int n, double noise, SplittableRandom random, double halfWidth,
                              DoubleUnaryOperator f) {
        check(n, noise);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = halfWidth * (2 * random.nextDouble() - 1);
            x[i] = new double[] {xi};
            y[i] = f.applyAsDouble(xi) + Gaussian.next(random, noise);
        }
        return new Dataset(name, x, y, 0, List.of("x"), List.of());
    }

    /** The argument checks of {@link DataGenerator#generate}. */
    static void check(int n, double noise) {
        DataGenerators.checkSamples(n);
        DataGenerators.checkNoise(noise);
    }
}
