package dev.descent.core.optim;

import java.util.Map;

/**
 * What one optimizer step computed, so views can draw an optimizer's internals (velocity
 * arrows, per-coordinate step sizes, bias corrections) without re-deriving them.
 *
 * <p>The arrays are snapshots owned by the trace (copies), one entry per parameter.
 * Arrays the algorithm does not have are {@code null}.
 *
 * @param gradient     the gradient the step used (after clipping and weight decay, as the update saw it)
 * @param firstMoment  momentum buffer / velocity / Adam's m; RMSProp's buffer, else its centered
 *                     mean; AdaDelta's running average of squared updates (null when none: plain
 *                     SGD, AdaGrad, Rprop)
 * @param secondMoment second-moment state: Adam's v (AMSGrad: the running max), AdaGrad's sum,
 *                     RMSProp's and AdaDelta's square average, AdaMax's infinity norm u,
 *                     Rprop's per-coordinate step sizes (null when none)
 * @param delta        the change applied to the parameters: {@code new - old}
 * @param learningRate the learning rate this step used
 * @param scalars      named scalars for the inspector, e.g. {@code bias_correction1}; never null
 */
public record StepTrace(double[] gradient, double[] firstMoment, double[] secondMoment, double[] delta,
                        double learningRate, Map<String, Double> scalars) {

    public StepTrace {
        scalars = scalars == null ? Map.of() : Map.copyOf(scalars);
    }
}
