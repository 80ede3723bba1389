package dev.descent.core.data;

/**
 * The affine map {@code x'_j = (x_j - offset_j) / scale_j} shared by standardisation and
 * min-max scaling.
 *
 * @param offset subtracted per feature (the mean or the minimum)
 * @param scale  divided by per feature (the standard deviation or the range), all {@code > 0}
 */
public record AffineScaler(double[] offset, double[] scale) implements FeatureScaler {

    public AffineScaler {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("offset and scale must have the same length, were " + offset.length
                    + " and " + scale.length);
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(offset[j])) {
                throw new IllegalArgumentException("scale[" + j + "] must be finite and > 0 and offset finite, were "
                        + scale[j] + " and " + offset[j]);
            }
        }
        offset = offset.clone();
        scale = scale.clone();
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] apply(double[] row) {
        if (row.length != scale.length) {
            throw new IllegalArgumentException("row must have " + scale.length + " features, had " + row.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - offset[j]) / scale[j];
        }
        return out;
    }

    @Override
    public double[] invert(double[] scaledRow) {
        if (scaledRow.length != scale.length) {
            throw new IllegalArgumentException("row must have " + scale.length + " features, had " + scaledRow.length);
        }
        double[] out = new double[scaledRow.length];
        for (int j = 0; j < scaledRow.length; j++) {
            out[j] = scaledRow[j] * scale[j] + offset[j];
        }
        return out;
    }
}
