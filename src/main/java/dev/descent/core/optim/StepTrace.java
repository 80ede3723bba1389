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
 * @param firstMoment  momentum buffer / velocity / Adam's m (null when the algorithm has none)
 * @param secondMoment second-moment state: Adam's v, AdaGrad's sum, RMSProp's square average,
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
