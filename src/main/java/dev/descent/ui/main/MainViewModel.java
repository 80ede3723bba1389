package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.ui.problem.ExpressionCompiler;
import dev.descent.ui.problem.ProblemViewModel;
import dev.descent.ui.race.LocalRaceEngine;
import dev.descent.ui.race.RaceFrame;
import dev.descent.ui.race.RaceSetup;
import dev.descent.ui.race.RacerSetup;
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

/**
 * The window's state and commands: the problem, the racers, playback (play/pause, step,
 * reset, speed) and the newest race frame. Racer edits reach the race at the next reset;
 * a race that has not taken a step yet is reset at once so the picture follows the edit.
 */
public final class MainViewModel implements AutoCloseable {
    private final ProblemViewModel problem;
    private final RacersViewModel racers = new RacersViewModel();
    private final LocalRaceEngine engine;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(60);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RaceFrame> frame = new ReadOnlyObjectWrapper<>(RaceFrame.EMPTY);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper pendingEdits = new ReadOnlyBooleanWrapper(false);

    public MainViewModel(ExpressionCompiler compiler, LocalRaceEngine engine) {
        this.problem = new ProblemViewModel(compiler);
        this.engine = engine;
        stepsPerSecond.addListener((obs, was, now) -> engine.setStepsPerSecond(now.doubleValue()));
        engine.setStepsPerSecond(stepsPerSecond.get());
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

    /** The newest race frame, updated by {@link #pollFrame()} once per animation frame. */
    public ReadOnlyObjectProperty<RaceFrame> frameProperty() {
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
        engine.play();
        running.set(true);
    }

    public void pause() {
        engine.pause();
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
        engine.stepOnce();
        running.set(false);
    }

    /** Starts the race over with the current problem and racer configs. */
    public void reset() {
        if (problem.surfaceProperty().get() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<RacerSetup> setups = racers.setups(problems);
        double[] s = problem.startProperty().get();
        try {
            engine.reset(new RaceSetup(problem.surfaceProperty().get(), s[0], s[1], setups));
            message.set(problems.isEmpty() ? "" : "left out: " + String.join("; ", problems));
        } catch (ConfigException e) {
            message.set(e.getMessage());
        }
        pendingEdits.set(false);
    }

    /** Reads the engine's newest frame; called once per animation frame. */
    public RaceFrame pollFrame() {
        RaceFrame f = engine.frame();
        frame.set(f);
        return f;
    }

    @Override
    public void close() {
        engine.close();
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
        RaceFrame f = engine.frame();
        if (!running.get() && f.steps() == 0) {
            reset();
        } else {
            pendingEdits.set(true);
            message.set("racer changes apply at the next Reset (R)");
        }
    }
}
