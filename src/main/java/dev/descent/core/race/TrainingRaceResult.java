package dev.descent.core.race;

/**
 * How one racer ended. Metrics are those of its last epoch, or of its best epoch when early
 * stopping restored the best weights.
 *
 * @param divergedAt    the step at which the loss or the weights became non-finite, or null
 * @param stoppedEarlyAt the epoch after which early stopping ended the racer, or null
 */
public record TrainingRaceResult(String label, int epochsRun, double trainLoss, double valLoss,
                                 double trainAccuracy, double valAccuracy, Long divergedAt, Integer stoppedEarlyAt) {
}
