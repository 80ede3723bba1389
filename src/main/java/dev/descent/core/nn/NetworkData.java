package dev.descent.core.nn;

import dev.descent.core.config.ConfigException;
import dev.descent.core.data.Dataset;

/**
 * A data set encoded for a network: float features (rows x inputs, row-major) and float
 * targets laid out for the loss: the class index (ce), 0/1 (bce), one value per output
 * (mse: the regression target, or the one-hot class for a classification set).
 *
 * @param labels class index per row, or null for regression
 */
public record NetworkData(float[] features, float[] targets, int rows, int inputs, int targetColumns, int[] labels) {

    /** The output units a loss needs for a data set: ce: classes; bce: 1; mse: classes or 1. */
    public static int outputsFor(Dataset data, Loss loss) {
        return switch (loss) {
            case CE -> {
                if (!data.isClassification()) {
                    throw new ConfigException("loss ce needs a classification data set; " + data.name() + " is regression");
                }
                yield data.classes();
            }
            case BCE -> {
                if (data.classes() != 2) {
                    throw new ConfigException("loss bce needs exactly 2 classes; " + data.name() + " has "
                            + (data.isClassification() ? data.classes() + " classes" : "regression targets"));
                }
                yield 1;
            }
            case MSE -> data.isClassification() ? data.classes() : 1;
        };
    }

    public static NetworkData encode(Dataset data, Loss loss) {
        int n = data.size();
        int d = data.dimension();
        int outputs = outputsFor(data, loss);
        int tc = loss == Loss.MSE ? outputs : 1;
        float[] f = new float[n * d];
        float[] t = new float[n * tc];
        int[] labels = data.isClassification() ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                f[i * d + j] = (float) data.features()[i][j];
            }
            if (labels != null) {
                labels[i] = data.label(i);
            }
            if (loss == Loss.MSE && data.isClassification()) {
                t[i * tc + labels[i]] = 1f;
            } else {
                t[i * tc] = (float) data.targets()[i];
            }
        }
        return new NetworkData(f, t, n, d, tc, labels);
    }
}
