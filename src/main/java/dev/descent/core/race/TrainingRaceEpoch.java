package dev.descent.core.race;

/**
 * What one racer did in one epoch. Training loss and accuracy are means over the epoch's
 * minibatches in training mode (weighted by rows, as Keras's progress log); validation
 * metrics come from an inference-mode pass over the validation rows after the epoch (NaN
 * without validation rows; accuracy NaN for regression). Losses exclude the L1/L2 penalty.
 *
 * @param racer           index of the racer
 * @param epoch           1-based
 * @param step            optimizer steps this racer has taken so far
 * @param learningRate    the rate of the epoch's last step
 * @param gradientNorms   per dense layer: mean over the epoch's steps of the 2-norm of dL/dW
 * @param activationMean  per hidden layer: mean activation on the evaluation rows
 * @param activationStd   per hidden layer: standard deviation of the activations
 */
public record TrainingRaceEpoch(int racer, String label, int epoch, long step, double trainLoss, double valLoss,
                                double trainAccuracy, double valAccuracy, double learningRate,
                                double[] gradientNorms, double[] activationMean, double[] activationStd) {
}
