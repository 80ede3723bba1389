package dev.descent.ui.race;

import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepContext;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.schedule.LearningRateSchedule;
import dev.descent.core.schedule.Schedules;
import dev.descent.core.surface.Surface;

import java.util.Arrays;

/**
 * One racer stepping on a surface: gradient, clipping (torch {@code clip_grad_norm_} then
 * {@code clip_grad_value_}), the schedule's rate, the optimizer step, the loss, and
 * {@code schedule.advance(loss)}. Stops for good at the first non-finite or exploding value.
 * Confined to the engine thread; {@link #trail()} publishes an append-only view.
 */
final class RacerRun {
    /** Past these magnitudes a run counts as diverged (doubles would overflow soon after). */
    static final double LOSS_BOUND = 1e30;
    static final double POSITION_BOUND = 1e15;
    private static final int CAP = 1 << 16;

    private final RacerSetup setup;
    private final Surface surface;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final double[] pos;
    private final double[] grad = new double[2];
    private int[] step = new int[1024];
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private double[] losses = new double[1024];
    private double[] lrs = new double[1024];
    private int count;
    private int stride = 1;
    private int stepsRun;
    private int divergedAt = -1;
    private String reason;
    private StepTrace last;
    private double headLoss;
    private double headX;
    private double headY;

    RacerRun(RacerSetup setup, Surface surface, double x0, double y0) {
        this.setup = setup;
        this.surface = surface;
        this.optimizer = Optimizers.create(setup.optimizer(), 2);
        this.schedule = Schedules.create(setup.schedule(), optimizer.baseLearningRate(), optimizer.baseMomentum());
        this.pos = new double[] {x0, y0};
        double loss = surface.value(x0, y0);
        headLoss = loss;
        headX = x0;
        headY = y0;
        append(0, x0, y0, loss, schedule.learningRate());
        if (!Double.isFinite(loss)) {
            diverge(0, "loss not finite at the start (" + x0 + ", " + y0 + ")");
        }
    }

    boolean active() {
        return divergedAt < 0;
    }

    void step() {
        if (!active()) {
            return;
        }
        int k = stepsRun + 1;
        surface.gradient(pos[0], pos[1], grad);
        if (!Double.isFinite(grad[0]) || !Double.isFinite(grad[1])) {
            diverge(k, "gradient not finite at (" + pos[0] + ", " + pos[1] + ")");
            return;
        }
        clip();
        double lr = schedule.learningRate();
        last = optimizer.step(pos, grad, new StepContext(lr, schedule.momentum()));
        double loss = surface.value(pos[0], pos[1]);
        stepsRun = k;
        schedule.advance(loss);
        if (!Double.isFinite(pos[0]) || !Double.isFinite(pos[1])
                || Math.abs(pos[0]) > POSITION_BOUND || Math.abs(pos[1]) > POSITION_BOUND) {
            diverge(k, "position left |x|, |y| <= 1e15");
            return;
        }
        if (!Double.isFinite(loss) || Math.abs(loss) > LOSS_BOUND) {
            diverge(k, "loss " + loss + " at (" + pos[0] + ", " + pos[1] + ")");
            return;
        }
        headLoss = loss;
        headX = pos[0];
        headY = pos[1];
        if (k % stride == 0) {
            append(k, pos[0], pos[1], loss, lr);
        }
    }

    private void clip() {
        if (setup.clipNorm() > 0) {
            double norm = Math.hypot(grad[0], grad[1]);
            if (norm > setup.clipNorm()) {
                double scale = setup.clipNorm() / (norm + 1e-6);
                grad[0] *= scale;
                grad[1] *= scale;
            }
        }
        if (setup.clipValue() > 0) {
            double c = setup.clipValue();
            grad[0] = Math.max(-c, Math.min(c, grad[0]));
            grad[1] = Math.max(-c, Math.min(c, grad[1]));
        }
    }

    private void diverge(int k, String why) {
        divergedAt = k;
        reason = "diverged at step " + k + ": " + why;
    }

    private void append(int k, double x, double y, double loss, double lr) {
        if (count == xs.length) {
            if (count >= CAP) {
                thin();
            } else {
                int n = count * 2;
                step = Arrays.copyOf(step, n);
                xs = Arrays.copyOf(xs, n);
                ys = Arrays.copyOf(ys, n);
                losses = Arrays.copyOf(losses, n);
                lrs = Arrays.copyOf(lrs, n);
            }
        }
        step[count] = k;
        xs[count] = x;
        ys[count] = y;
        losses[count] = loss;
        lrs[count] = lr;
        count++;
    }

    /** Keeps every second point in fresh arrays (readers keep the old ones) and doubles the stride. */
    private void thin() {
        int n = (count + 1) / 2;
        int[] s = new int[xs.length];
        double[] x = new double[xs.length];
        double[] y = new double[xs.length];
        double[] l = new double[xs.length];
        double[] r = new double[xs.length];
        for (int i = 0; i < n; i++) {
            s[i] = step[2 * i];
            x[i] = xs[2 * i];
            y[i] = ys[2 * i];
            l[i] = losses[2 * i];
            r[i] = lrs[2 * i];
        }
        step = s;
        xs = x;
        ys = y;
        losses = l;
        lrs = r;
        count = n;
        stride *= 2;
    }

    RacerTrail trail() {
        return new RacerTrail(setup.label(), setup.colour(), step, xs, ys, losses, lrs, count,
                headX, headY, headLoss, stepsRun, divergedAt, reason, last, optimizer.updateRule());
    }
}
