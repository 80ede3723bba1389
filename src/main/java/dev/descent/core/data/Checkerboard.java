package dev.descent.core.data;

import java.util.SplittableRandom;

/**
 * A 4 x 4 checkerboard on {@code [-1, 1]²}: cells of side 0.5, class
 * {@code (floor(2·(x1+1)) + floor(2·(x2+1))) mod 2}. Points are drawn uniformly and redrawn until
 * they fall in a cell of the wanted class, so the classes are balanced (the first class gets the
 * odd sample). Gaussian noise is added after labelling, then the samples are shuffled.
 */
final class Checkerboard extends NamedGenerator {

    /** Cells per side. */
    static final int CELLS = 4;

    Checkerboard() {
        super("checkerboard",
                "a 4x4 checkerboard of two classes on [-1,1]^2; many small regions",
                2);
    }

    /** The class of a clean point of {@code [-1, 1]²}. */
    static int cellClass(double x1, double x2) {
        int cx = Math.min(CELLS - 1, (int) Math.floor((x1 + 1) * CELLS / 2));
        int cy = Math.min(CELLS - 1, (int) Math.floor((x2 + 1) * CELLS / 2));
        return (cx + cy) % 2;
    }

    @Override
    public Dataset generate(int n, double noise, SplittableRandom random) {
        return Samples.drawPerLabel(name(), n, 2, noise, random, label -> {
            double x1;
            double x2;
            do {
                x1 = 2 * random.nextDouble() - 1;
                x2 = 2 * random.nextDouble() - 1;
            } while (cellClass(x1, x2) != label);
            return new double[] {x1, x2};
        });
    }
}
