package dev.descent.core.optim;

/** What every optimizer class shares: its registry name, base rate and base momentum. */
abstract class AbstractOptimizer implements Optimizer {
    private final String name;
    private final double baseLearningRate;
    private final double baseMomentum;

    /** @param baseMomentum momentum or beta1; NaN when the algorithm has neither */
    AbstractOptimizer(String name, double baseLearningRate, double baseMomentum) {
        this.name = name;
        this.baseLearningRate = baseLearningRate;
        this.baseMomentum = baseMomentum;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double baseLearningRate() {
        return baseLearningRate;
    }

    @Override
    public final double baseMomentum() {
        return baseMomentum;
    }

    /** This step's momentum or beta1: the schedule's override when it gives one, as torch's param group. */
    final double momentum(StepContext context) {
        return context.overridesMomentum() ? context.momentum() : baseMomentum;
    }
}
