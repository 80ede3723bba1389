package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.nn.Init;

/**
 * Settings shared by every racer of a training race.
 *
 * @param epochs   passes over the training set, >= 1
 * @param batch    rows per minibatch, >= 1 (the last minibatch of an epoch may be smaller,
 *                 as torch's DataLoader with drop_last=False)
 * @param l1       L1 penalty {@code l1 * sum |w|} on the weights (not biases), >= 0
 * @param l2       L2 penalty {@code l2 * sum w^2} on the weights (Keras's regularizer; its
 *                 gradient is {@code 2 l2 w}), >= 0
 * @param seed     seeds initialisation, minibatch order and dropout masks
 * @param init     the initialisation of racers that name none
 * @param schedule a learning-rate schedule spec for every racer, or null for constant;
 *                 {@code plateau} advances once per epoch on the validation loss (training
 *                 loss without validation rows), every other schedule once per step
 */
public record TrainingRaceOptions(int epochs, int batch, double l1, double l2, long seed, Init init, Spec schedule) {

    public TrainingRaceOptions {
        if (epochs < 1) {
            throw new ConfigException("epochs must be >= 1, was " + epochs);
        }
        if (batch < 1) {
            throw new ConfigException("batch must be >= 1, was " + batch);
        }
        if (!(l1 >= 0) || !Double.isFinite(l1)) {
            throw new ConfigException("l1 must be finite and >= 0, was " + l1);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new ConfigException("l2 must be finite and >= 0, was " + l2);
        }
        if (init == null) {
            throw new ConfigException("init must be given");
        }
    }
}
