package dev.descent.core.optim;

/**
 * One optimization algorithm with its state, following {@code torch.optim} semantics in
 * double precision. The same instance serves a 2-D surface (two parameters) and a network
 * (its flattened parameter vector): parameters are a flat {@code double[]}.
 */
public interface Optimizer {

    /** The registry name, as in specs ("adam"). */
    String name();

    /** The configured learning rate; schedules start from it. */
    double baseLearningRate();

    /**
     * The configured momentum (SGD, RMSProp) or beta1 (Adam family) that a cycling schedule
     * starts from; {@code NaN} when the algorithm has neither.
     */
    double baseMomentum();

    /**
     * Performs one update.
     *
     * @param params  the parameters. Modified: updated in place.
     * @param grad    the gradient at {@code params}, already clipped. Not modified.
     * @param context this step's learning rate and optional momentum override
     * @return what the step computed
     */
    StepTrace step(double[] params, double[] grad, StepContext context);

    /**
     * Performs the same update as {@link #step}, bit for bit, without building a
     * {@link StepTrace}: no per-step copies of the gradient and the moments, for engines that
     * step thousands of parameters many times a second and show no inspector (the training
     * race's throughput mode). The default delegates to {@link #step}.
     *
     * @param params  the parameters. Modified: updated in place.
     * @param grad    the gradient at {@code params}, already clipped. Not modified.
     * @param context this step's learning rate and optional momentum override
     */
    default void stepWithoutTrace(double[] params, double[] grad, StepContext context) {
        step(params, grad, context);
    }

    /** Clears all state (moments, step count), as a freshly constructed optimizer. */
    void reset();

    /**
     * The update rule as plain-text formulas, one per line, in the notation of the
     * inspector ("m_t = beta1*m_{t-1} + (1-beta1)*g_t"). It is the rule {@link #step} computes.
     */
    String updateRule();
}
