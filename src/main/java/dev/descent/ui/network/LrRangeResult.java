package dev.descent.ui.network;

/**
 * The outcome of an LR range test.
 *
 * @param learningRates  the rate of each step, growing exponentially
 * @param losses         the minibatch loss of each step (NaN once diverged)
 * @param smoothed       the bias-corrected exponential moving average of the losses
 * @param minLossIndex   the step with the lowest smoothed loss, or -1 when no loss was finite
 * @param suggestedMaxLr one tenth of the rate at the lowest smoothed loss (NaN when none)
 * @param suggestedMinLr suggestedMaxLr / 10
 */
public record LrRangeResult(double[] learningRates, double[] losses, double[] smoothed, int minLossIndex,
                            double suggestedMaxLr, double suggestedMinLr) {
}
