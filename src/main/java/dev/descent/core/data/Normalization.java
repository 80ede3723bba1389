package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Feature scaling, fitted on a training part (see {@link DataSplit#normalized}).
 *
 * <ul>
 *   <li>{@link #NONE}: the identity.</li>
 *   <li>{@link #STANDARD}: {@code x' = (x - μ) / σ} with the training mean μ and the population
 *       standard deviation {@code σ = √(Σ(x-μ)²/n)} (scikit-learn's {@code StandardScaler}).</li>
 *   <li>{@link #MINMAX}: {@code x' = (x - min) / (max - min)}, the training range mapped to
 *       [0, 1] (scikit-learn's {@code MinMaxScaler}); other parts may fall outside [0, 1].</li>
 * </ul>
 * A feature that is constant on the training part cannot be scaled (σ = 0, max = min): that is
 * a {@link ConfigException} naming the feature, never a column of NaN.
 */
public enum Normalization {
    NONE,
    STANDARD,
    MINMAX;

    /** The command-line name: {@code none}, {@code standard}, {@code minmax}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The normalization called {@code name} on the command line. */
    public static Normalization of(String name) {
        for (Normalization n : values()) {
            if (n.cliName().equals(name)) {
                return n;
            }
        }
        throw new ConfigException("normalize must be one of "
                + Arrays.stream(values()).map(Normalization::cliName).collect(Collectors.joining(", "))
                + ", was '" + name + "'");
    }

    /** The scaler with statistics of {@code train} (which must have at least 1 sample). */
    public FeatureScaler fit(Dataset train) {
        int d = train.dimension();
        int n = train.size();
        if (this == NONE) {
            return new AffineScaler(new double[d], filled(d, 1));
        }
        if (n == 0) {
            throw new ConfigException("cannot fit " + cliName() + " scaling on " + train.name() + ": it has no samples");
        }
        double[] offset = new double[d];
        double[] scale = new double[d];
        double[][] x = train.features();
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double[] row : x) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
                sum += row[j];
            }
            if (min == max) {
                throw new ConfigException("cannot apply " + cliName() + " scaling: feature '"
                        + train.featureNames().get(j) + "' (column " + (j + 1) + ") is constant (" + min
                        + ") in " + train.name() + "; remove the column or use --normalize none");
            }
            if (this == MINMAX) {
                offset[j] = min;
                scale[j] = max - min;
            } else {
                double mean = sum / n;
                double squares = 0;
                for (double[] row : x) {
                    squares += (row[j] - mean) * (row[j] - mean);
                }
                offset[j] = mean;
                scale[j] = Math.sqrt(squares / n);
            }
        }
        return new AffineScaler(offset, scale);
    }

    private static double[] filled(int d, double value) {
        double[] a = new double[d];
        Arrays.fill(a, value);
        return a;
    }
}
