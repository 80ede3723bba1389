package dev.descent.core.race;

import dev.descent.core.surface.Surface;

import java.util.ArrayList;
import java.util.List;

/**
 * K racers on one surface from one start, stepping in lock-step. Per step and racer:
 * <ol>
 *   <li>the schedule gives this step's learning rate (and momentum, when it cycles it);</li>
 *   <li>the gradient at the current point is clipped (by norm, then by value, when set);</li>
 *   <li>the optimizer updates the position;</li>
 *   <li>loss and gradient are evaluated at the new point, checked for divergence, and the
 *       schedule advances with that loss.</li>
 * </ol>
 * A racer diverges when its position, loss or gradient becomes non-finite, or when
 * {@code |x|} or {@code |y|} exceeds {@link #MAX_ABS_COORDINATE} or {@code |f|} exceeds
 * {@link #MAX_ABS_LOSS}; it stops there with its finite history and the others go on.
 * Disabled racers are left out. Nothing here is random.
 */
public final class SurfaceRace implements Steppable {
    /** A racer whose |x| or |y| passes this has diverged. */
    public static final double MAX_ABS_COORDINATE = 1e15;
    /** A racer whose |loss| passes this has diverged. */
    public static final double MAX_ABS_LOSS = 1e30;

    private final Surface surface;
    private final double x0;
    private final double y0;
    private final RaceOptions options;
    private final List<SurfaceRacer> racers = new ArrayList<>();
    private long stepsRun;

    /**
     * @param surface the loss surface
     * @param x0      the common start
     * @param y0      the common start
     * @param configs the racers; disabled ones are skipped
     * @param options trace capacity and step budget
     */
    public SurfaceRace(Surface surface, double x0, double y0, List<RacerConfig> configs, RaceOptions options) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("start must be finite, was (" + x0 + ", " + y0 + ")");
        }
        this.surface = surface;
        this.x0 = x0;
        this.y0 = y0;
        this.options = options;
        for (RacerConfig config : configs) {
            if (config.enabled()) {
                racers.add(new SurfaceRacer(config, surface, x0, y0, options.traceCapacity()));
            }
        }
    }

    @Override
    public boolean step() {
        if (isFinished()) {
            return false;
        }
        for (SurfaceRacer racer : racers) {
            racer.step();
        }
        stepsRun++;
        return !isFinished();
    }

    @Override
    public void reset() {
        stepsRun = 0;
        for (SurfaceRacer racer : racers) {
            racer.reset();
        }
    }

    @Override
    public RaceSnapshot snapshot() {
        List<RacerSnapshot> out = new ArrayList<>(racers.size());
        for (SurfaceRacer racer : racers) {
            out.add(racer.snapshot());
        }
        return RaceSnapshot.of(out, stepsRun, isFinished());
    }

    /** True once the step budget is spent or every racer has diverged. */
    public boolean isFinished() {
        return stepsRun >= options.maxSteps() || racers.stream().allMatch(SurfaceRacer::diverged);
    }

    /** Steps taken since the last reset. */
    public long stepsRun() {
        return stepsRun;
    }

    /** The enabled racers in order; read them on the thread that steps the race. */
    public List<SurfaceRacer> racers() {
        return List.copyOf(racers);
    }

    public Surface surface() {
        return surface;
    }

    public double startX() {
        return x0;
    }

    public double startY() {
        return y0;
    }

    public RaceOptions options() {
        return options;
    }
}
