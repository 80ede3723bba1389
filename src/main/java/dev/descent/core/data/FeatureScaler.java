package dev.descent.core.data;

/**
 * A per-feature affine map {@code x'_j = (x_j - offset_j) / scale_j} whose statistics were fitted
 * on a training part. Apply the same scaler to the training, validation and test parts and to
 * new inputs (a decision-boundary grid), never refit on them.
 */
public interface FeatureScaler {

    /** The scaled copy of one feature row. */
    double[] apply(double[] row);

    /** The inverse map of one scaled row (for drawing scaled results in data coordinates). */
    double[] invert(double[] scaledRow);

    /** The same samples with scaled features; targets, names and classes unchanged. */
    default Dataset apply(Dataset data) {
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = apply(data.features()[i]);
        }
        return new Dataset(data.name(), rows, data.targets(), data.classes(), data.featureNames(), data.classNames());
    }
}
