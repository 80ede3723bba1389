package dev.descent.core.optim;

/**
 * What a schedule decides for one step.
 *
 * @param learningRate the rate this step uses (> 0 or 0)
 * @param momentum     the momentum (SGD, RMSProp) or beta1 (Adam family) this step uses, as
 *                     OneCycleLR/CyclicLR set it; {@code NaN} keeps the optimizer's own value
 */
public record StepContext(double learningRate, double momentum) {

    public static StepContext of(double learningRate) {
        return new StepContext(learningRate, Double.NaN);
    }

    public boolean overridesMomentum() {
        return !Double.isNaN(momentum);
    }
}
