package dev.descent.ui.race;

import dev.descent.core.optim.StepTrace;

/**
 * One racer's history as published to the views. The arrays are shared with the engine,
 * which only ever appends beyond {@code count} (and replaces whole arrays when it grows or
 * thins them), so entries {@code [0, count)} never change after publication.
 *
 * @param label      legend text
 * @param colour     "#rrggbb"
 * @param step       step number of each point (0 = the start)
 * @param x          position
 * @param y          position
 * @param loss       loss at each point
 * @param lr         the rate the step into each point used (point 0: the rate step 1 will use)
 * @param count      number of valid entries (thinned: every k-th step once the history is long)
 * @param headX      the current position (also when the arrays skip it)
 * @param headY      the current position
 * @param headLoss   the loss at the current position
 * @param stepsRun   steps taken so far
 * @param divergedAt the step at which the racer diverged, -1 while it has not
 * @param reason     why it diverged, null while it has not
 * @param last       the last step's trace, null before the first step
 * @param rule       the optimizer's update rule text
 */
public record RacerTrail(String label, String colour, int[] step, double[] x, double[] y, double[] loss,
                         double[] lr, int count, double headX, double headY,
                         double headLoss, int stepsRun, int divergedAt, String reason,
                         StepTrace last, String rule) {

    public boolean diverged() {
        return divergedAt >= 0;
    }

}
