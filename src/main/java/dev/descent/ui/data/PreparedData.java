package dev.descent.ui.data;

import dev.descent.core.data.Dataset;
import dev.descent.core.data.FeatureScaler;
import dev.descent.core.data.Normalization;

/**
 * A data set made ready for training: the training part (scaled, then noise-augmented) and
 * the validation part (scaled with the training statistics), plus the two features the plots
 * show. Everything the network sees and the plots draw is in scaled coordinates.
 *
 * @param source     the whole data set as loaded (unscaled)
 * @param train      training rows, scaled and augmented
 * @param validation validation rows, scaled (may be empty)
 * @param scaler     the scaler fitted on the training part
 * @param featureX   index of the feature on the horizontal axis
 * @param featureY   index of the feature on the vertical axis (equal to featureX for one feature)
 * @param fixed      per feature, the value used for features not shown (training mean, scaled)
 */
public record PreparedData(Dataset source, Dataset train, Dataset validation, FeatureScaler scaler,
                           int featureX, int featureY, double[] fixed) {

    public PreparedData {
        int d = train.dimension();
        if (featureX < 0 || featureX >= d) {
            throw new IllegalArgumentException("featureX must be in [0, " + d + "), was " + featureX);
        }
        if (featureY < 0 || featureY >= d) {
            throw new IllegalArgumentException("featureY must be in [0, " + d + "), was " + featureY);
        }
        if (fixed.length != d) {
            throw new IllegalArgumentException("fixed must have " + d + " values, had " + fixed.length);
        }
    }

    public boolean classification() {
        return train.isClassification();
    }

    /** True when the plots draw a fitted curve (regression on one feature) instead of a class map. */
    public boolean curve() {
        return !classification() && train.dimension() == 1;
    }

    /** The plotted plane, padded by 10% around the training and validation points: {x0, x1, y0, y1}. */
    public double[] plane() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        include(r, train);
        include(r, validation);
        if (!Double.isFinite(r[0])) {
            return new double[] {-1, 1, -1, 1};
        }
        double px = Math.max(1e-9, (r[1] - r[0]) * 0.1);
        double py = Math.max(1e-9, (r[3] - r[2]) * 0.1);
        return new double[] {r[0] - px, r[1] + px, r[2] - py, r[3] + py};
    }

    private void include(double[] r, Dataset d) {
        for (int i = 0; i < d.size(); i++) {
            double x = d.features()[i][featureX];
            double y = curve() ? d.targets()[i] : d.features()[i][featureY];
            r[0] = Math.min(r[0], x);
            r[1] = Math.max(r[1], x);
            r[2] = Math.min(r[2], y);
            r[3] = Math.max(r[3], y);
        }
    }

    /**
     * The same rows under another scaling, for a racer whose lesson is the scaling (unscaled
     * against standardised features): every row is mapped back to data units with
     * {@link #scaler()} and scaled again with {@code other} fitted on the training rows. The
     * split (and any augmentation) stays the same, so only the scaling differs.
     */
    public PreparedData rescaled(Normalization other) {
        Dataset rawTrain = inverted(train);
        FeatureScaler next = other.fit(rawTrain);
        Dataset t = next.apply(rawTrain);
        Dataset v = next.apply(inverted(validation));
        double[] mean = new double[t.dimension()];
        for (double[] row : t.features()) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / t.size();
            }
        }
        return new PreparedData(source, t, v, next, featureX, featureY, mean);
    }

    /** A row in this data's scaled units mapped into {@code other}'s scaled units (same source). */
    public double[] toScaleOf(PreparedData other, double[] row) {
        return other.scaler.apply(scaler.invert(row));
    }

    private Dataset inverted(Dataset d) {
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = scaler.invert(d.features()[i]);
        }
        return new Dataset(d.name(), rows, d.targets(), d.classes(), d.featureNames(), d.classNames());
    }

    /** The point of row i of {@code d} in plot coordinates: {x, y}. */
    public double[] point(Dataset d, int i) {
        return new double[] {d.features()[i][featureX],
                curve() ? d.targets()[i] : d.features()[i][featureY]};
    }
}
