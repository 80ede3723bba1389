package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.RaceOptions;
import dev.descent.core.race.RaceRunner;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.SurfaceRace;
import dev.descent.ui.problem.ExpressionCompiler;
import dev.descent.ui.problem.ProblemViewModel;
import dev.descent.ui.racers.RacerViewModel;
import dev.descent.ui.racers.RacersViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The window's state and commands: the problem, the racers, playback (play/pause, step,
 * reset, speed) and the newest race snapshot from the {@link RaceRunner} engine thread. Racer edits reach the race at the next reset;
 * a race that has not taken a step yet is reset at once so the picture follows the edit.
 */
public final class MainViewModel implements AutoCloseable {
    private final ProblemViewModel problem;
    private final RacersViewModel racers = new RacersViewModel();
    /** Playback speeds the app offers (the runner accepts up to 100,000). */
    public static final double MIN_SPEED = 1;
    public static final double MAX_SPEED = 10_000;

    private final RaceRunner runner;
    private final LongSupplier clock;
    private final RaceOptions options;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(60);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RaceSnapshot> frame = new ReadOnlyObjectWrapper<>();
    private final StepRate stepRate = new StepRate();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper pendingEdits = new ReadOnlyBooleanWrapper(false);

    /**
     * @param compiler the f(x, y) parser (null hides typed surfaces)
     * @param options  trace capacity and step budget of every race
     * @param clock    nanosecond clock for the measured step rate ({@code System::nanoTime})
     */
    public MainViewModel(ExpressionCompiler compiler, RaceOptions options, LongSupplier clock) {
        this.problem = new ProblemViewModel(compiler);
        this.options = options;
        this.clock = clock;
        this.runner = RaceRunner.start(race(List.of()), stepsPerSecond.get());
        frame.set(runner.snapshot());
        stepsPerSecond.addListener((obs, was, now) -> runner.setStepsPerSecond(
                Math.max(MIN_SPEED, Math.min(MAX_SPEED, now.doubleValue()))));
        problem.surfaceProperty().addListener((obs, was, now) -> reset());
        problem.startProperty().addListener((obs, was, now) -> reset());
        racers.racers().addListener((ListChangeListener<RacerViewModel>) c -> {
            while (c.next()) {
                for (RacerViewModel r : c.getAddedSubList()) {
                    watch(r);
                }
            }
            edited();
        });
    }

    // Properties

    public ProblemViewModel problem() {
        return problem;
    }

    public RacersViewModel racers() {
        return racers;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Playback speed in steps per second, 1 to 10,000. */
    public DoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond;
    }

    /** The last status message (refused configs, what an edit will do). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The newest race snapshot, updated by {@link #pollFrame()} once per animation frame. */
    public ReadOnlyObjectProperty<RaceSnapshot> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** True when racers were edited after the race started: Reset applies them. */
    public ReadOnlyBooleanProperty pendingEditsProperty() {
        return pendingEdits.getReadOnlyProperty();
    }

    // Commands

    public void play() {
        runner.play();
        running.set(true);
    }

    public void pause() {
        runner.pause();
        running.set(false);
    }

    public void togglePlay() {
        if (running.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One lock-step (pauses). */
    public void step() {
        runner.stepOnce();
        running.set(false);
    }

    /** Starts the race over (paused) with the current problem and racer configs. */
    public void reset() {
        if (problem.surfaceProperty().get() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<RacerConfig> configs = racers.configs(problems);
        try {
            runner.load(race(configs));
            message.set(problems.isEmpty() ? "" : "left out: " + String.join("; ", problems));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
        running.set(false);
        pendingEdits.set(false);
    }

    /** Reads the engine's newest snapshot; called once per animation frame. */
    public RaceSnapshot pollFrame() {
        RaceSnapshot f = runner.snapshot();
        if (running.get() && (f.finished() || f.failure() != null) && !f.running()) {
            running.set(false);
            message.set(f.failure() != null ? f.failure() : "every racer has stopped: Reset (R) to race again");
        }
        stepRate.observe(f.stepsRun(), clock.getAsLong());
        frame.set(f);
        return f;
    }

    /**
     * Waits until the engine publishes a snapshot that satisfies {@code condition} (for tests
     * and scripted use; the app polls once per frame instead).
     */
    public java.util.Optional<RaceSnapshot> awaitFrame(java.util.function.Predicate<RaceSnapshot> condition,
                                                      java.time.Duration timeout) throws InterruptedException {
        return runner.awaitSnapshot(condition, timeout);
    }

    /** Steps per second actually taken over the last second. */
    public double measuredStepsPerSecond() {
        return stepRate.perSecond();
    }

    @Override
    public void close() {
        runner.close();
    }

    private SurfaceRace race(List<RacerConfig> configs) {
        double[] s = problem.startProperty().get();
        return new SurfaceRace(problem.surfaceProperty().get(), s[0], s[1], configs, options);
    }

    private void watch(RacerViewModel r) {
        r.optimizerProperty().addListener((o, a, b) -> edited());
        r.scheduleProperty().addListener((o, a, b) -> edited());
        r.revisionProperty().addListener((o, a, b) -> edited());
        r.enabledProperty().addListener((o, a, b) -> edited());
        r.labelProperty().addListener((o, a, b) -> edited());
        r.colourProperty().addListener((o, a, b) -> edited());
    }

    /** A fresh race follows edits at once; a race under way keeps going and Reset applies them. */
    void edited() {
        RaceSnapshot f = runner.snapshot();
        if (!running.get() && f.stepsRun() == 0) {
            reset();
        } else {
            pendingEdits.set(true);
            message.set("racer changes apply at the next Reset (R)");
        }
    }
}
