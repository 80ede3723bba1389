package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;

/**
 * What a preset races on: a surface or a data set (exactly one, matching {@code kind}).
 *
 * @param kind    {@link #SURFACE} or {@link #DATASET}
 * @param surface the surface problem when kind is surface, else null
 * @param dataset the data-set problem when kind is dataset, else null
 */
public record Problem(String kind, SurfaceProblem surface, DatasetProblem dataset) {
    public static final String SURFACE = "surface";
    public static final String DATASET = "dataset";

    public Problem {
        if (SURFACE.equals(kind)) {
            if (surface == null || dataset != null) {
                throw new ConfigException("a surface problem needs a surface and no dataset");
            }
        } else if (DATASET.equals(kind)) {
            if (dataset == null || surface != null) {
                throw new ConfigException("a dataset problem needs a dataset and no surface");
            }
        } else {
            throw new ConfigException("kind must be surface or dataset, was '" + kind + "'");
        }
    }

    public static Problem of(SurfaceProblem surface) {
        return new Problem(SURFACE, surface, null);
    }

    public static Problem of(DatasetProblem dataset) {
        return new Problem(DATASET, null, dataset);
    }

    public boolean isSurface() {
        return SURFACE.equals(kind);
    }
}
