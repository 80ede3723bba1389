package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

/**
 * Noise augmentation of a data-set preset's training rows (the data section's {@code "augment"}):
 * {@code copies} noisy copies of each training row, {@code x' = x + ε}, {@code ε ~ N(0, sigma²)}
 * per feature, added after the split and the scaling (so {@code sigma} is in scaled units), with
 * the random stream that made the split. See {@link dev.descent.core.data.NoiseAugmentation}.
 *
 * @param copies noisy copies of each training row, in [0, {@value #MAX_COPIES}] (0 = none; the app's limit too)
 * @param sigma  standard deviation of the noise, finite and >= 0
 */
public record Augmentation(int copies, double sigma) {

    /** The sigma a preset gets when its {@code "augment"} gives copies but no sigma. */
    public static final double DEFAULT_SIGMA = 0.1;

    /** The most copies: the app's Noise copies field allows as many, so every preset opens there. */
    public static final int MAX_COPIES = 10;

    /** No augmentation (what a preset without {@code "augment"} has). */
    public static final Augmentation NONE = new Augmentation(0, DEFAULT_SIGMA);

    public Augmentation {
        if (copies < 0 || copies > MAX_COPIES) {
            throw new ConfigException("copies must be in [0, " + MAX_COPIES + "], was " + copies);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new ConfigException("sigma must be in [0, inf), was " + sigma);
        }
    }

    /**
     * Parses the command-line form {@code "copies=3 sigma=0.1"} (the {@code train} command's
     * {@code --augment}); copies is required, sigma defaults to {@value #DEFAULT_SIGMA}, and
     * unknown keys are errors. Messages start with {@code augment:}.
     */
    public static Augmentation parse(String text) {
        Spec spec = Spec.parse("augment " + (text == null ? "" : text));
        Params p = Params.of(spec);
        int copies = p.requireInt("copies");
        double sigma = p.getDouble("sigma", DEFAULT_SIGMA);
        p.rejectUnknown();
        try {
            return new Augmentation(copies, sigma);
        } catch (ConfigException e) {
            throw new ConfigException("augment: " + e.getMessage());
        }
    }

    /** Whether any row changes: copies > 0 and sigma > 0 (as the app augments). */
    public boolean isActive() {
        return copies > 0 && sigma > 0;
    }
}
