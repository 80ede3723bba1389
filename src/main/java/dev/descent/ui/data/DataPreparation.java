package dev.descent.ui.data;

import dev.descent.core.config.ConfigException;
import dev.descent.core.data.DataSplit;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.FeatureScaler;
import dev.descent.core.data.NoiseAugmentation;
import dev.descent.core.data.Normalization;
import dev.descent.core.preset.Augmentation;

import java.util.SplittableRandom;

/**
 * How a loaded data set becomes training and validation rows: a stratified random split, a
 * scaler fitted on the training part only, then noise augmentation of the training part
 * (Bishop 1995) after scaling, so sigma is in standard units under standard scaling.
 *
 * @param validationFraction share of rows held out for validation, in [0, 0.9]
 * @param normalization      none, standard or min-max
 * @param augmentCopies      noisy copies of each training row, in [0, 10]
 * @param augmentSigma       standard deviation of the added noise, >= 0
 * @param seed               seeds the split and the noise
 */
public record DataPreparation(double validationFraction, Normalization normalization, int augmentCopies,
                              double augmentSigma, long seed) {

    public DataPreparation {
        if (!(validationFraction >= 0 && validationFraction <= 0.9)) {
            throw new ConfigException("validation fraction must be in [0, 0.9], was " + validationFraction);
        }
        if (normalization == null) {
            throw new ConfigException("normalization must be given");
        }
        if (augmentCopies < 0 || augmentCopies > Augmentation.MAX_COPIES) {
            throw new ConfigException("augmentation copies must be in [0, " + Augmentation.MAX_COPIES + "], was "
                    + augmentCopies);
        }
        if (!(augmentSigma >= 0) || !Double.isFinite(augmentSigma)) {
            throw new ConfigException("augmentation sigma must be finite and >= 0, was " + augmentSigma);
        }
    }

    public static final DataPreparation DEFAULT = new DataPreparation(0.2, Normalization.STANDARD, 0, 0.1, 1);

    /**
     * Splits, scales and augments {@code data}; {@code featureX}/{@code featureY} pick the plotted features.
     *
     * @throws ConfigException when the split leaves no training rows or a feature index is out of range
     */
    public PreparedData prepare(Dataset data, int featureX, int featureY) {
        int d = data.dimension();
        if (featureX < 0 || featureX >= d || featureY < 0 || featureY >= d) {
            throw new ConfigException("shown features must be in [0, " + d + "), were " + featureX + " and " + featureY);
        }
        SplittableRandom random = new SplittableRandom(seed);
        DataSplit split = DataSplit.split(data, validationFraction, 0, random);
        FeatureScaler scaler = normalization.fit(split.train());
        Dataset train = scaler.apply(split.train());
        Dataset validation = scaler.apply(split.validation());
        if (augmentCopies > 0 && augmentSigma > 0) {
            train = NoiseAugmentation.augment(train, augmentCopies, augmentSigma, random);
        }
        double[] mean = new double[d];
        for (double[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / train.size();
            }
        }
        return new PreparedData(data, train, validation, scaler, featureX, featureY, mean);
    }
}
