package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.Problem;
import dev.descent.core.preset.SurfaceProblem;
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
import java.util.concurrent.Executor;
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
    private RaceOptions options;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lesson = new ReadOnlyStringWrapper("");
    private String surfaceTitle = "";
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty(60);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RaceSnapshot> frame = new ReadOnlyObjectWrapper<>();
    private final StepRate stepRate = new StepRate();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final BooleanProperty curvesLogY = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper pendingEdits = new ReadOnlyBooleanWrapper(false);
    private boolean suspendEdits;
    private final BooleanProperty dataMode = new SimpleBooleanProperty(false);
    private dev.descent.ui.network.DataModeViewModel dataModel;

    /**
     * A model that searches a typed surface's critical points on the calling thread (tests).
     *
     * @param compiler the f(x, y) parser (null hides typed surfaces)
     * @param options  trace capacity and step budget of every race
     * @param clock    nanosecond clock for the measured step rate ({@code System::nanoTime})
     */
    public MainViewModel(ExpressionCompiler compiler, RaceOptions options, LongSupplier clock) {
        this(compiler, options, clock, Runnable::run, Runnable::run);
    }

    /**
     * @param compiler   the f(x, y) parser (null hides typed surfaces)
     * @param options    trace capacity and step budget of every race
     * @param clock      nanosecond clock for the measured step rate ({@code System::nanoTime})
     * @param background runs the critical-point search of typed surfaces, off the UI thread
     * @param ui         brings its results to the UI thread ({@code Platform::runLater})
     */
    public MainViewModel(ExpressionCompiler compiler, RaceOptions options, LongSupplier clock,
                         Executor background, Executor ui) {
        this.problem = new ProblemViewModel(compiler, background, ui);
        this.options = options;
        this.clock = clock;
        this.runner = RaceRunner.start(race(List.of()), stepsPerSecond.get());
        frame.set(runner.snapshot());
        stepsPerSecond.addListener((obs, was, now) -> runner.setStepsPerSecond(
                Math.max(MIN_SPEED, Math.min(MAX_SPEED, now.doubleValue()))));
        problem.surfaceProperty().addListener((obs, was, now) -> reset());
        // surfaces whose values span decades get log colours; their loss curves want a log axis too
        curvesLogY.set(problem.logScaleProperty().get());
        problem.logScaleProperty().addListener((obs, was, now) -> curvesLogY.set(now));
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

    /**
     * Whether the loss curves have a log y axis (the "Log y" box; exports follow it). It follows
     * the map's log colour scale when that changes and can then be set on its own.
     */
    public BooleanProperty curvesLogYProperty() {
        return curvesLogY;
    }

    /** True when racers were edited after the race started: Reset applies them. */
    public ReadOnlyBooleanProperty pendingEditsProperty() {
        return pendingEdits.getReadOnlyProperty();
    }

    /** True while the window shows data-set mode; playback commands then drive its race. */
    public BooleanProperty dataModeProperty() {
        return dataMode;
    }

    /** The data-set mode, or null when this window has none. */
    public dev.descent.ui.network.DataModeViewModel dataModel() {
        return dataModel;
    }

    /** Hooks data-set mode in: playback, speed and messages follow the mode shown. */
    public void attachDataMode(dev.descent.ui.network.DataModeViewModel data) {
        dataModel = data;
        data.setStepsPerSecond(stepsPerSecond.get());
        stepsPerSecond.addListener((obs, was, now) -> data.setStepsPerSecond(now.doubleValue()));
        data.runningProperty().addListener((obs, was, now) -> {
            if (dataMode.get()) {
                running.set(now);
            }
        });
        data.messageProperty().addListener((obs, was, now) -> {
            if (dataMode.get()) {
                message.set(now);
            }
        });
        dataMode.addListener((obs, was, now) -> {
            runner.pause();
            data.pause();
            running.set(false);
            message.set("");
        });
    }

    private boolean inDataMode() {
        return dataMode.get() && dataModel != null;
    }

    // Commands

    public void play() {
        if (inDataMode()) {
            dataModel.play();
            running.set(true);
            return;
        }
        runner.play();
        running.set(true);
    }

    public void pause() {
        if (inDataMode()) {
            dataModel.pause();
            running.set(false);
            return;
        }
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
        if (inDataMode()) {
            dataModel.step();
            running.set(false);
            return;
        }
        runner.stepOnce();
        running.set(false);
    }

    /** Starts the race over (paused) with the current problem and racer configs. */
    public void reset() {
        if (inDataMode()) {
            dataModel.reset();
            running.set(false);
            return;
        }
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

    /**
     * Shows a preset: problem, racers, speed and step budget. Everything is built before
     * anything changes, so a bad preset leaves the session as it was.
     *
     * @throws ConfigException naming what is wrong
     */
    public void apply(Preset preset) {
        if (!preset.problem().isSurface()) {
            if (dataModel == null) {
                throw new ConfigException("data-set presets need the data-set mode, which is not available here");
            }
            dataModel.apply(preset);
            dataMode.set(true);
            stepsPerSecond.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, preset.stepsPerSecond())));
            title.set(preset.title());
            lesson.set(preset.lesson());
            message.set("loaded: " + preset.title());
            return;
        }
        SurfaceProblem surfaceProblem = preset.problem().surface();
        surfaceProblem.createSurface();
        List<RacerViewModel> loaded = new ArrayList<>();
        for (RacerConfig c : preset.racers()) {
            loaded.add(RacerViewModel.fromConfig(c));
        }
        if (loaded.size() > RacersViewModel.MAX_RACERS) {
            throw new ConfigException("racers: at most " + RacersViewModel.MAX_RACERS + ", was " + loaded.size());
        }
        RaceOptions newOptions = preset.steps() > 0 ? options.withMaxSteps(preset.steps())
                : options.withMaxSteps(Long.MAX_VALUE);
        pause();
        dataMode.set(false); // a surface preset opened from data-set mode shows the surface
        suspendEdits = true;
        try {
            racers.clear();
            loaded.forEach(racers::add);
            racers.selectedProperty().set(loaded.isEmpty() ? null : loaded.get(0));
            options = newOptions;
            problem.load(surfaceProblem);
        } finally {
            suspendEdits = false;
        }
        stepsPerSecond.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, preset.stepsPerSecond())));
        title.set(preset.title());
        surfaceTitle = preset.title();
        lesson.set(preset.lesson());
        reset();
        message.set("loaded: " + preset.title());
    }

    /**
     * Shows the stored last session: as {@link #apply}, keeping the preset's title, except
     * that a session stored as {@link dev.descent.ui.presets.SessionStore#UNTITLED} comes
     * back untitled (figures are then titled after the surface).
     *
     * @throws ConfigException naming what is wrong
     */
    public void restore(Preset session) {
        apply(session);
        if (dev.descent.ui.presets.SessionStore.UNTITLED.equals(session.title())) {
            title.set("");
            surfaceTitle = "";
        }
        message.set("restored the last session");
    }

    /** Loads and shows a preset file; a bad file is reported and changes nothing. */
    public boolean open(java.nio.file.Path file) {
        try {
            apply(dev.descent.core.preset.PresetFiles.load(file));
            return true;
        } catch (ConfigException e) {
            message.set("not opened: " + e.getMessage());
            return false;
        }
    }

    /** Saves the session as a preset file (atomically), titled after the file name. */
    public boolean save(java.nio.file.Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            dev.descent.core.preset.PresetFiles.save(file, toPreset(title.get().isEmpty() ? name : title.get()));
            message.set("saved " + file);
            return true;
        } catch (java.io.IOException | ConfigException e) {
            message.set("not saved: " + file + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * The session as a preset (what Save and the session file store): in data-set mode the
     * data-set preset (data, network, racers, epochs), which opens back in data-set mode.
     */
    public Preset toPreset(String presetTitle) {
        if (inDataMode()) {
            return dataModel.toPreset(presetTitle, lesson.get(), stepsPerSecond.get());
        }
        List<RacerConfig> configs = new ArrayList<>();
        for (RacerViewModel r : racers.racers()) {
            try {
                configs.add(r.toConfig().withId(0)); // ids belong to this session, not to a file
            } catch (ConfigException e) {
                // an unfinished racer (schedule missing a value) is not saved
            }
        }
        long steps = options.maxSteps() == Long.MAX_VALUE ? 0 : options.maxSteps();
        return new Preset(Preset.SCHEMA_VERSION, presetTitle, lesson.get(), 0, Problem.of(problem.toProblem()), configs, null,
                steps, 0, stepsPerSecond.get());
    }

    /** The title of the loaded preset, empty for an own session. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * The title of the surface preset the surface session came from, "" for an own session
     * (the session store keeps it; {@link #titleProperty()} may belong to a data-set preset).
     */
    public String surfaceTitle() {
        return surfaceTitle;
    }

    /** The lesson text of the loaded preset (the presentation caption), empty for an own session. */
    public ReadOnlyStringProperty lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** Shows a message in the status bar (file errors, what was saved). */
    public void report(String text) {
        message.set(text);
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

    /**
     * Where the selected racer is in {@code f}: found by its id, so it is still found after
     * its label or colour was edited during the race; -1 when it is not racing.
     */
    public int selectedIndex(RaceSnapshot f) {
        RacerViewModel s = racers.selectedProperty().get();
        if (s == null) {
            return -1;
        }
        List<dev.descent.core.race.RacerSnapshot> list = f.racers();
        for (int i = 0; i < list.size(); i++) {
            RacerConfig c = list.get(i).config();
            if (c != null && c.id() == s.id()) {
                return i;
            }
        }
        return -1;
    }

    /** Steps per second actually taken over the last second. */
    public double measuredStepsPerSecond() {
        return stepRate.perSecond();
    }

    @Override
    public void close() {
        runner.close();
        if (dataModel != null) {
            dataModel.close();
        }
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
        if (suspendEdits) {
            return;
        }
        RaceSnapshot f = runner.snapshot();
        if (!running.get() && f.stepsRun() == 0) {
            reset();
        } else {
            pendingEdits.set(true);
            message.set("racer changes apply at the next Reset (R)");
        }
    }
}
