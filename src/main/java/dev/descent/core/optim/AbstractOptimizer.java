package dev.descent.core.optim;

/** What every optimizer class shares: its registry name, base rate and base momentum. */
abstract class AbstractOptimizer implements Optimizer {
    private final String name;
    private final double baseLearningRate;
    private final double baseMomentum;
    private final int size;

    /**
     * @param size         the number of parameters the state is sized for
     * @param baseMomentum momentum or beta1; NaN when the algorithm has neither
     */
    AbstractOptimizer(String name, int size, double baseLearningRate, double baseMomentum) {
        if (size < 0) {
            throw new IllegalArgumentException(name + ": size must be >= 0, was " + size);
        }
        this.name = name;
        this.size = size;
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

    @Override
    public final StepTrace step(double[] params, double[] grad, StepContext context) {
        checkSizes(params, grad);
        return update(params, grad, context, true);
    }

    @Override
    public final void stepWithoutTrace(double[] params, double[] grad, StepContext context) {
        checkSizes(params, grad);
        update(params, grad, context, false);
    }

    private void checkSizes(double[] params, double[] grad) {
        if (params.length != size || grad.length != size) {
            throw new IllegalArgumentException(name + " was built for " + size + " parameters, got "
                    + params.length + " parameters and " + grad.length + " gradient components");
        }
    }

    /**
     * The algorithm's step, on arrays of the right length; see {@link Optimizer#step}. The
     * parameter and state updates must not depend on {@code traced}.
     *
     * @param traced whether to build and return the {@link StepTrace}; when false, return null
     */
    abstract StepTrace update(double[] params, double[] grad, StepContext context, boolean traced);

    /** This step's momentum or beta1: the schedule's override when it gives one, as torch's param group. */
    final double momentum(StepContext context) {
        return context.overridesMomentum() ? context.momentum() : baseMomentum;
    }
}
