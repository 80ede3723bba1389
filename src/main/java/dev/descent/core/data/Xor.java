package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * The XOR problem: points uniform in the four quadrants of {@code [-1, 1]²} kept
 * {@value #MARGIN} away from the axes; class 0 where {@code x1·x2 > 0} (first and third
 * quadrant), class 1 where {@code x1·x2 < 0}. Each class gets half the samples (the first class
 * the odd one), each of its two quadrants chosen by a fair coin. Gaussian noise is added after
 * labelling, then the samples are shuffled.
 */
final class Xor extends NamedGenerator {

    /** Distance of the clean points from the axes. */
    static final double MARGIN = 0.05;

    Xor() {
        super("xor",
                "XOR of the signs of x1 and x2 in four quadrants; no single line separates it",
                2);
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        return Samples.drawPerLabel(name(), n, 2, noise, random, label -> {
            double ax = MARGIN + (1 - MARGIN) * random.nextDouble();
            double ay = MARGIN + (1 - MARGIN) * random.nextDouble();
            double sx = random.nextBoolean() ? 1 : -1;
            double sy = label == 0 ? sx : -sx;
            return new double[] {sx * ax, sy * ay};
        });
    }
}
