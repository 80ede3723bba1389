package dev.descent.core.race;

import dev.descent.core.optim.GradientClipping;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.StepContext;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.schedule.LearningRateSchedule;
import dev.descent.core.surface.Surface;

import java.util.Arrays;
import java.util.List;

/**
 * One racer on a surface: its position, the gradient and loss there, its optimizer and
 * schedule state and its trace. The getters are for readers on the engine thread (the
 * command line); other threads read {@link #snapshot()}s published by the runner.
 *
 * <p>Divergence: a racer stops, keeping its finite history, when after a step its position
 * is not finite or beyond {@link SurfaceRace#MAX_ABS_COORDINATE}, its loss is not finite or
 * beyond {@link SurfaceRace#MAX_ABS_LOSS}, or the gradient there is not finite. The point of
 * the diverging step is not recorded.
 */
public final class SurfaceRacer {
    /** Trace columns, in order. */
    public static final List<String> COLUMNS = List.of("x", "y", "loss", "grad_norm", "lr");

    private final RacerConfig config;
    private final Surface surface;
    private final double x0;
    private final double y0;
    private final Trace trace;
    private final double[] position = new double[2];
    private final double[] gradient = new double[2];
    /** The newest recorded row (x, y, loss, grad_norm, lr): the last finite point. */
    private final double[] row = new double[COLUMNS.size()];
    private Optimizer optimizer;
    private LearningRateSchedule schedule;
    private double loss;
    private double gradNorm;
    private double lr;
    private long stepsRun;
    private long divergedAt;
    private String reason;

    SurfaceRacer(RacerConfig config, Surface surface, double x0, double y0, int traceCapacity) {
        this.config = config;
        this.surface = surface;
        this.x0 = x0;
        this.y0 = y0;
        this.trace = new Trace(traceCapacity, COLUMNS);
        reset();
    }

    void reset() {
        optimizer = config.createOptimizer(2);
        schedule = config.createSchedule(optimizer);
        trace.clear();
        Arrays.fill(row, Double.NaN);
        position[0] = x0;
        position[1] = y0;
        stepsRun = 0;
        divergedAt = -1;
        reason = null;
        lr = schedule.learningRate();
        if (evaluate(0)) {
            record(0);
        }
    }

    /** One step: schedule rate, clipped gradient, optimizer update, loss and gradient at the new point. */
    void step() {
        if (diverged()) {
            return;
        }
        long k = stepsRun + 1;
        lr = schedule.learningRate();
        double[] g = gradient.clone();
        if (config.clipNorm() > 0) {
            GradientClipping.clipGradNorm(g, config.clipNorm());
        }
        if (config.clipValue() > 0) {
            GradientClipping.clipGradValue(g, config.clipValue());
        }
        StepTrace stepTrace = optimizer.step(position, g, new StepContext(lr, schedule.momentum()));
        if (!evaluate(k)) {
            return;
        }
        stepsRun = k;
        schedule.advance(loss);
        trace.setLastStep(stepTrace);
        record(k);
    }

    /**
     * Computes loss and gradient at the position reached by step {@code step}; false (with
     * divergedAt and the reason set) when the racer diverged there.
     */
    private boolean evaluate(long step) {
        double x = position[0];
        double y = position[1];
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return stop(step, "position not finite: (" + x + ", " + y + ")");
        }
        if (Math.abs(x) > SurfaceRace.MAX_ABS_COORDINATE || Math.abs(y) > SurfaceRace.MAX_ABS_COORDINATE) {
            return stop(step, "position past the bound |x|, |y| <= 1e15 at (" + x + ", " + y + ")");
        }
        loss = surface.value(x, y);
        if (!Double.isFinite(loss)) {
            return stop(step, "loss not finite at (" + x + ", " + y + "): " + loss);
        }
        if (Math.abs(loss) > SurfaceRace.MAX_ABS_LOSS) {
            return stop(step, "loss past the bound |f| <= 1e30 at (" + x + ", " + y + "): " + loss);
        }
        surface.gradient(x, y, gradient);
        if (!Double.isFinite(gradient[0]) || !Double.isFinite(gradient[1])) {
            return stop(step, "gradient not finite at (" + x + ", " + y + "): (" + gradient[0] + ", " + gradient[1] + ")");
        }
        gradNorm = Math.hypot(gradient[0], gradient[1]);
        return true;
    }

    private boolean stop(long step, String why) {
        divergedAt = step;
        reason = why;
        return false;
    }

    private void record(long step) {
        row[0] = position[0];
        row[1] = position[1];
        row[2] = loss;
        row[3] = gradNorm;
        row[4] = lr;
        trace.append(step, row);
    }

    public RacerConfig config() {
        return config;
    }

    public String label() {
        return config.label();
    }

    /** x of the newest recorded point (the last finite one when diverged; NaN when none). */
    public double x() {
        return row[0];
    }

    public double y() {
        return row[1];
    }

    /** Loss at the current point. */
    public double loss() {
        return row[2];
    }

    /** Euclidean norm of the (unclipped) gradient of f at the current point. */
    public double gradNorm() {
        return row[3];
    }

    /** The rate the last step used (before any step: the rate step 1 will use). */
    public double learningRate() {
        return row[4];
    }

    public long stepsRun() {
        return stepsRun;
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** The diverging step, -1 while fine. */
    public long divergedAt() {
        return divergedAt;
    }

    public String divergenceReason() {
        return reason;
    }

    /** The optimizer in use (for its update rule); state changes as the race runs. */
    public Optimizer optimizer() {
        return optimizer;
    }

    public RacerSnapshot snapshot() {
        return new RacerSnapshot(config.label(), config.colour(), trace.snapshot(), stepsRun, divergedAt, reason, config);
    }
}
