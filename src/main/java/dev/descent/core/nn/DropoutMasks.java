package dev.descent.core.nn;

import dev.descent.core.compute.Activation;

import java.util.random.RandomGenerator;

/**
 * Dropout masks drawn on the host, for the backend's {@code multiplyMask}
 * ({@code out = x * mask + shift}). Each unit is kept when {@code u >= p}, u ~ U[0, 1).
 * <pre>
 *   inverted dropout (Srivastava et al. 2014):  mask = keep / (1 - p),  no shift
 *   alpha dropout (Klambauer et al. 2017, torch's formula), alpha' = -lambda alpha (SELU):
 *     a = ((1 - p) (1 + p alpha'^2))^(-1/2),   b = -a alpha' p
 *     y = a (x keep + alpha' (1 - keep)) + b   so  mask = a keep,  shift = a alpha' (1 - keep) + b
 * </pre>
 * Alpha dropout keeps zero mean and unit variance of SELU's fixed point.
 */
public final class DropoutMasks {

    private DropoutMasks() {
    }

    /** SELU's saturation value -lambda alpha, where dropped units go before the affine fix. */
    public static final double ALPHA_PRIME = -Activation.SELU_SCALE * Activation.SELU_ALPHA;

    /** Alpha dropout's scale a. */
    public static double alphaScale(double p) {
        return 1 / Math.sqrt((1 - p) * (1 + p * ALPHA_PRIME * ALPHA_PRIME));
    }

    /** Alpha dropout's shift b. */
    public static double alphaShift(double p) {
        return -alphaScale(p) * ALPHA_PRIME * p;
    }

    /** Fills {@code mask[0..count)} for inverted dropout. Modifies mask. */
    public static void inverted(double p, RandomGenerator random, float[] mask, int count) {
        float kept = (float) (1 / (1 - p));
        for (int i = 0; i < count; i++) {
            mask[i] = random.nextDouble() >= p ? kept : 0f;
        }
    }

    /** Fills {@code mask[0..count)} and {@code shift[0..count)} for alpha dropout. Modifies both. */
    public static void alpha(double p, RandomGenerator random, float[] mask, float[] shift, int count) {
        double a = alphaScale(p);
        double b = alphaShift(p);
        float kept = (float) a;
        float keptShift = (float) b;
        float droppedShift = (float) (a * ALPHA_PRIME + b);
        for (int i = 0; i < count; i++) {
            boolean keep = random.nextDouble() >= p;
            mask[i] = keep ? kept : 0f;
            shift[i] = keep ? keptShift : droppedShift;
        }
    }
}
