package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;

import java.util.Set;

/**
 * A training race on a data set, as plain values for the training engine: a generated or
 * bundled set by name, or a CSV file. Exactly one of {@code name} and {@code file} is set.
 *
 * @param name      generator or bundled set ("spiral", "moons", "iris"), or null
 * @param file      a CSV file path (relative to the preset's folder), or null
 * @param samples   generated points, >= 1 (ignored for files and bundled sets)
 * @param noise     generator noise, >= 0
 * @param split     validation fraction, in [0, 1)
 * @param normalize none | standard | minmax
 * @param label     the label column of a CSV file, or null for its last column
 * @param augment   noise augmentation of the training rows; null = {@link Augmentation#NONE}
 */
public record DatasetProblem(String name, String file, int samples, double noise, double split, String normalize,
                             String label, Augmentation augment) {

    /** Scalings the training engine knows. */
    public static final Set<String> NORMALIZATIONS = Set.of("none", "standard", "minmax");

    public DatasetProblem {
        if (name != null && name.isBlank()) {
            name = null;
        }
        if (file != null && file.isBlank()) {
            file = null;
        }
        if ((name == null) == (file == null)) {
            throw new ConfigException("dataset: give exactly one of a data set name and a file");
        }
        if (samples < 1) {
            throw new ConfigException("samples must be >= 1, was " + samples);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new ConfigException("noise must be in [0, inf), was " + noise);
        }
        if (!(split >= 0 && split < 1)) {
            throw new ConfigException("split must be in [0, 1), was " + split);
        }
        if (normalize == null) {
            normalize = "standard";
        }
        if (!NORMALIZATIONS.contains(normalize)) {
            throw new ConfigException("normalize must be one of none|standard|minmax, was '" + normalize + "'");
        }
        if (label != null && label.isBlank()) {
            label = null;
        }
        if (label != null && file == null) {
            throw new ConfigException("label: only a CSV file has a label column to choose");
        }
        if (augment == null) {
            augment = Augmentation.NONE;
        }
    }

    /** A data set without noise augmentation. */
    public DatasetProblem(String name, String file, int samples, double noise, double split, String normalize,
                          String label) {
        this(name, file, samples, noise, split, normalize, label, null);
    }

    /** A data set whose CSV label is the last column (the first form of the record). */
    public DatasetProblem(String name, String file, int samples, double noise, double split, String normalize) {
        this(name, file, samples, noise, split, normalize, null, null);
    }

    /** How to read the CSV file: the label column, else the defaults. */
    public dev.descent.core.data.CsvOptions csvOptions() {
        return label == null ? dev.descent.core.data.CsvOptions.DEFAULTS
                : dev.descent.core.data.CsvOptions.labelColumn(label);
    }
}
