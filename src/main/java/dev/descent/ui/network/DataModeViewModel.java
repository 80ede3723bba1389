package dev.descent.ui.network;

import dev.descent.core.compute.Backend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.RaceRunner;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import dev.descent.ui.data.DataProblemViewModel;
import dev.descent.ui.data.PreparedData;
import dev.descent.ui.racers.RacerPalette;
import dev.descent.ui.racers.RacerViewModel;
import dev.descent.ui.racers.RacersViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Data-set mode: the problem, the network, the racers and playback of a {@link TrainingSession}
 * on the {@link RaceRunner} engine thread, plus the LR range test. Data changes rebuild the race
 * at once (paused); network and racer edits rebuild it at once before the first step and at the
 * next Reset afterwards.
 */
public final class DataModeViewModel implements AutoCloseable {
    /** How often class maps are recomputed while playing (about 7 Hz). */
    public static final long REFRESH_NANOS = 150_000_000L;

    private final DataProblemViewModel data = new DataProblemViewModel();
    private final NetworkViewModel network = new NetworkViewModel();
    private final RacersViewModel racers = new RacersViewModel();
    private final Backend backend;
    private final Supplier<Backend> lrTestBackend;
    private final String backendText;
    private final LongSupplier clock;
    private final Executor uiExecutor;
    private RaceRunner runner;
    private volatile TrainingSession session;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pendingEdits = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<LrRangeResult> lrResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper lrRunning = new ReadOnlyBooleanWrapper(false);
    /** A lesson preset's racer variants (own network or scaling), by panel racer; absent = none. */
    private final java.util.Map<RacerViewModel, dev.descent.core.preset.RacerVariant> variants =
            new java.util.IdentityHashMap<>();
    private double stepsPerSecond = 200;
    private boolean suspendEdits;

    /**
     * @param backend       where the race computes (closed by {@link #close()})
     * @param lrTestBackend a fresh backend for an LR range test (closed after the test)
     * @param backendText   what the status bar says about the backend ("cpu ...; cuda not used: ...")
     * @param clock         nanosecond clock ({@code System::nanoTime})
     * @param uiExecutor    runs LR-test results on the UI thread ({@code Platform::runLater})
     */
    public DataModeViewModel(Backend backend, Supplier<Backend> lrTestBackend, String backendText, LongSupplier clock,
                             Executor uiExecutor) {
        this.backend = backend;
        this.lrTestBackend = lrTestBackend;
        this.backendText = backendText;
        this.clock = clock;
        this.uiExecutor = uiExecutor;
        fillDefaultRacers();
        data.preparedProperty().addListener((o, a, b) -> {
            lrResult.set(null);
            reset();
        });
        racers.racers().addListener((javafx.collections.ListChangeListener<RacerViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            edited();
        });
        racers.racers().forEach(this::watch);
        for (javafx.beans.Observable p : List.of(network.hiddenProperty(), network.activationProperty(),
                network.initProperty(), network.biasInitProperty(), network.batchNormProperty(),
                network.dropoutProperty(), network.lossProperty(), network.l1Property(), network.l2Property(),
                network.batchProperty(), network.epochsProperty(), network.earlyStoppingProperty(),
                network.patienceProperty(), network.minDeltaProperty(), network.restoreBestProperty(),
                network.raceKindProperty(), network.racedInitsProperty(), network.racedActivationsProperty())) {
            p.addListener(o -> edited());
        }
        reset();
    }

    private void fillDefaultRacers() {
        String[][] defaults = {{"SGD", "sgd", "0.1", null}, {"Momentum", "sgd", "0.1", "0.9"},
                {"Adam", "adam", "0.01", null}};
        for (String[] d : defaults) {
            RacerViewModel r = RacerViewModel.of(d[0], RacerPalette.colour(racers.racers().size()), d[1], d[2]);
            if (d[3] != null) {
                r.setOptimizerValue("momentum", d[3]);
            }
            racers.add(r);
        }
        racers.selectedProperty().set(racers.racers().get(0));
    }

    private void watch(RacerViewModel r) {
        r.optimizerProperty().addListener((o, a, b) -> edited());
        r.scheduleProperty().addListener((o, a, b) -> edited());
        r.revisionProperty().addListener((o, a, b) -> edited());
        r.enabledProperty().addListener((o, a, b) -> edited());
        r.labelProperty().addListener((o, a, b) -> edited());
    }

    // Properties

    public DataProblemViewModel data() {
        return data;
    }

    public NetworkViewModel network() {
        return network;
    }

    public RacersViewModel racers() {
        return racers;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pendingEditsProperty() {
        return pendingEdits.getReadOnlyProperty();
    }

    /** The racer whose insides are shown (index in race order). */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ReadOnlyObjectProperty<LrRangeResult> lrResultProperty() {
        return lrResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lrRunningProperty() {
        return lrRunning.getReadOnlyProperty();
    }

    /** The backend in use and, when the GPU is not used, why. */
    public String backendText() {
        return backendText;
    }

    /** The current session (its racers and data); null before valid data and racers exist. */
    public TrainingSession session() {
        return session;
    }

    // Commands

    public void play() {
        if (runner != null) {
            runner.play();
            running.set(true);
        }
    }

    public void pause() {
        if (runner != null) {
            runner.pause();
        }
        running.set(false);
    }

    public void togglePlay() {
        if (running.get()) {
            pause();
        } else {
            play();
        }
    }

    public void step() {
        if (runner != null) {
            runner.stepOnce();
        }
        running.set(false);
    }

    /** Steps to the end of the current epoch (pauses): every racer then has one more epoch record. */
    public void stepEpoch() {
        TrainingSession s = session;
        if (runner == null || s == null) {
            return;
        }
        // racers with their own batch size have their own epoch length: the selected racer's counts
        int sel = Math.min(Math.max(0, selectedIndex.get()), s.racers().size() - 1);
        int rows = s.dataOf(sel).train().size();
        int batch = Math.min(s.optionsOf(sel).batch(), rows);
        int perEpoch = (rows + batch - 1) / batch;
        RaceSnapshot now = runner.snapshot();
        long done = now.racers().size() == s.racers().size() ? now.racers().get(sel).stepsRun() : now.stepsRun();
        long steps = perEpoch - done % perEpoch;
        for (long i = 0; i < steps; i++) {
            runner.stepOnce();
        }
        running.set(false);
    }

    public void setStepsPerSecond(double speed) {
        stepsPerSecond = Math.max(RaceRunner.MIN_STEPS_PER_SECOND, Math.min(RaceRunner.MAX_STEPS_PER_SECOND, speed));
        if (runner != null) {
            runner.setStepsPerSecond(stepsPerSecond);
        }
    }

    /** Builds a fresh race from the current data, network and racers (paused); a bad config keeps the old race. */
    public void reset() {
        PreparedData p = data.preparedProperty().get();
        if (p == null) {
            return;
        }
        TrainingSession fresh;
        try {
            fresh = build(p);
        } catch (IllegalArgumentException e) {
            message.set("not applied: " + e.getMessage());
            return;
        }
        if (session != null) {
            fresh.replaces(session);
        }
        session = fresh;
        if (runner == null) {
            runner = RaceRunner.start(fresh, stepsPerSecond);
        } else {
            runner.load(fresh);
        }
        running.set(false);
        pendingEdits.set(false);
        if (selectedIndex.get() >= fresh.racers().size()) {
            selectedIndex.set(0);
        }
        message.set("");
    }

    /** The racers the current settings describe (race order). */
    public List<SessionRacer> sessionRacers() {
        List<SessionRacer> out = new ArrayList<>();
        RaceKind kind = network.raceKindProperty().get();
        if (kind == RaceKind.OPTIMIZERS) {
            for (RacerViewModel r : racers.racers()) {
                if (!r.enabledProperty().get()) {
                    continue;
                }
                out.add(withVariant(toSessionRacer(r.toConfig(), null, null, null), variants.get(r)));
            }
        } else {
            RacerViewModel base = racers.selectedProperty().get() != null ? racers.selectedProperty().get()
                    : racers.racers().isEmpty() ? null : racers.racers().get(0);
            if (base == null) {
                throw new ConfigException("add a racer: its optimizer is used for every raced "
                        + (kind == RaceKind.INITS ? "initialisation" : "activation"));
            }
            RacerConfig c = base.toConfig();
            if (kind == RaceKind.INITS) {
                List<Init> inits = network.racedInits();
                for (int i = 0; i < inits.size(); i++) {
                    out.add(toSessionRacer(c, inits.get(i).toString(), inits.get(i), null, i));
                }
            } else {
                List<ActivationSpec> acts = network.racedActivations();
                for (int i = 0; i < acts.size(); i++) {
                    out.add(toSessionRacer(c, acts.get(i).function().cliName(), null, acts.get(i), i));
                }
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException("no racer is enabled");
        }
        return out;
    }

    private static SessionRacer toSessionRacer(RacerConfig c, String label, Init init, ActivationSpec act, int index) {
        return new SessionRacer(RacerPalette.colour(index), spec(c, label, init), act,
                c.schedule() == null ? null : Spec.parse(c.schedule()));
    }

    private static SessionRacer toSessionRacer(RacerConfig c, String label, Init init, ActivationSpec act) {
        return new SessionRacer(c.colour(), spec(c, label, init), act,
                c.schedule() == null ? null : Spec.parse(c.schedule()));
    }

    /** The racer with a preset variant's own network and scaling (a scaling equal to the data's is none). */
    private SessionRacer withVariant(SessionRacer r, dev.descent.core.preset.RacerVariant v) {
        if (v == null) {
            return r;
        }
        dev.descent.core.data.Normalization n = v.normalize() == null ? null
                : dev.descent.core.data.Normalization.of(v.normalize());
        if (n == data.normalizationProperty().get()) {
            n = null;
        }
        return new SessionRacer(r.colour(), r.spec(), r.activation(), r.schedule(), v.network(), n);
    }

    private static TrainingRacerSpec spec(RacerConfig c, String label, Init init) {
        return new TrainingRacerSpec(label == null ? c.label() : label, Spec.parse(c.optimizer()), init,
                c.clipNorm() > 0 ? c.clipNorm() : Double.NaN, c.clipValue() > 0 ? c.clipValue() : Double.NaN,
                null, null);
    }

    private TrainingSession build(PreparedData p) {
        return build(p, backend, REFRESH_NANOS);
    }

    private TrainingSession build(PreparedData p, Backend compute, long refreshNanos) {
        MlpSpec spec = network.spec(p.train());
        TrainingRaceOptions options = network.options(data.seedProperty().get());
        return new TrainingSession(compute, spec, p, sessionRacers(), options, network.stopping(), clock,
                refreshNanos);
    }

    /**
     * A fresh race of the current settings at step 0 on {@code compute} (the caller closes both),
     * publishing a frame at every {@code snapshot()}: for exports that re-run the race (a GIF).
     *
     * @throws ConfigException when there is no valid data or racer
     */
    public TrainingSession newSession(Backend compute) {
        PreparedData p = data.preparedProperty().get();
        if (p == null) {
            throw new ConfigException("no data to train on" + (data.errorProperty().get().isEmpty() ? ""
                    : ": " + data.errorProperty().get()));
        }
        return build(p, compute, 0);
    }

    /**
     * Runs the LR range test for the selected racer on a worker thread with its own backend;
     * the result lands in {@link #lrResultProperty()} on the UI executor.
     */
    public CompletableFuture<LrRangeResult> runLrRangeTest() {
        TrainingSession s = session;
        if (s == null || lrRunning.get()) {
            return CompletableFuture.failedFuture(new ConfigException("no race to test"));
        }
        int index = Math.min(selectedIndex.get(), s.racers().size() - 1);
        SessionRacer racer = s.racers().get(index);
        // the racer's own network and scaling, as it trains in the race
        PreparedData p = s.dataOf(index);
        MlpSpec spec = s.specOf(index);
        TrainingRaceOptions options = s.optionsOf(index);
        lrRunning.set(true);
        message.set("LR range test for " + racer.label() + " ...");
        CompletableFuture<LrRangeResult> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try (Backend b = lrTestBackend.get()) {
                LrRangeResult r = new LrRangeTest(1e-5, 10, 120).run(b, spec, p, racer, options);
                uiExecutor.execute(() -> {
                    lrResult.set(r);
                    lrRunning.set(false);
                    message.set(Double.isNaN(r.suggestedMaxLr()) ? "LR range test: no finite loss"
                            : String.format(java.util.Locale.ROOT,
                            "LR range test (%s): max lr %.3g, min lr %.3g (lowest smoothed loss / 10)",
                            racer.label(), r.suggestedMaxLr(), r.suggestedMinLr()));
                    result.complete(r);
                });
            } catch (RuntimeException e) {
                uiExecutor.execute(() -> {
                    lrRunning.set(false);
                    message.set("LR range test failed: " + e.getMessage());
                    result.completeExceptionally(e);
                });
            }
        }, "descent-lr-range");
        worker.setDaemon(true);
        worker.start();
        return result;
    }

    /**
     * Gives the selected racer of the racer panel a 1cycle schedule with the suggested max lr
     * (initial = min = max/10) over the whole run, and rebuilds the race.
     */
    public boolean applyLrSuggestion() {
        LrRangeResult r = lrResult.get();
        RacerViewModel target = racers.selectedProperty().get();
        TrainingSession s = session;
        if (r == null || Double.isNaN(r.suggestedMaxLr()) || target == null || s == null) {
            return false;
        }
        int rows = s.data().train().size();
        int batch = Math.min(network.batchProperty().get(), rows);
        int total = network.epochsProperty().get() * ((rows + batch - 1) / batch);
        RacerConfig c = target.toConfig();
        RacerConfig next = new RacerConfig(c.label(), c.colour(), c.optimizer(),
                LrRangeTest.oneCycle(r.suggestedMaxLr(), total).toString(), c.clipNorm(), c.clipValue(), c.enabled());
        RacerViewModel replaced = RacerViewModel.fromConfig(next);
        int i = racers.racers().indexOf(target);
        suspendEdits = true;
        try {
            dev.descent.core.preset.RacerVariant v = variants.remove(target);
            if (v != null) {
                variants.put(replaced, v);
            }
            racers.racers().set(i, replaced);
            racers.selectedProperty().set(replaced);
        } finally {
            suspendEdits = false;
        }
        reset();
        message.set("applied 1cycle to " + c.label() + ": " + next.schedule());
        return true;
    }

    /**
     * Shows a data-set preset: data, network, epochs and racers. Everything is checked before
     * anything changes, so a bad preset leaves the session as it was. A CSV file path is read
     * relative to the working directory.
     *
     * @throws ConfigException naming what is wrong
     */
    public void apply(dev.descent.core.preset.Preset preset) {
        dev.descent.core.preset.DatasetProblem d = preset.problem().dataset();
        dev.descent.core.preset.NetworkConfig n = preset.network() == null
                ? dev.descent.core.preset.NetworkConfig.DEFAULT : preset.network();
        ActivationSpec.parse(n.activation());
        Init.parse(n.init());
        dev.descent.core.nn.Loss.parse(n.loss());
        dev.descent.core.data.Normalization normalization = dev.descent.core.data.Normalization.of(d.normalize());
        List<RacerViewModel> loaded = new ArrayList<>();
        for (RacerConfig c : preset.racers()) {
            loaded.add(RacerViewModel.fromConfig(c));
        }
        for (int i = 0; i < preset.racers().size(); i++) {
            dev.descent.core.preset.NetworkConfig own = preset.variant(i).network();
            if (own != null) {
                ActivationSpec.parse(own.activation());
                Init.parse(own.init());
                dev.descent.core.nn.Loss.parse(own.loss());
            }
        }
        if (loaded.size() > RacersViewModel.MAX_RACERS) {
            throw new ConfigException("racers: at most " + RacersViewModel.MAX_RACERS + ", was " + loaded.size());
        }
        boolean generator = d.name() != null && DataProblemViewModel.generatorNames().contains(d.name());
        if (d.name() != null && !generator && !DataProblemViewModel.bundledNames().contains(d.name())) {
            throw new ConfigException("dataset: unknown data set '" + d.name() + "'");
        }
        if (d.file() != null) {
            dev.descent.core.data.CsvImporter.read(java.nio.file.Path.of(d.file()),
                    dev.descent.core.data.CsvOptions.DEFAULTS);
        }
        pause();
        suspendEdits = true;
        try {
            network.hiddenProperty().set(n.layers().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")));
            network.activationProperty().set(n.activation());
            network.initProperty().set(n.init());
            network.batchNormProperty().set(n.batchnorm());
            network.dropoutProperty().set(n.dropout());
            network.lossProperty().set(n.loss());
            network.l1Property().set(n.l1());
            network.l2Property().set(n.l2());
            network.batchProperty().set(n.batchSize());
            network.raceKindProperty().set(RaceKind.OPTIMIZERS);
            if (preset.epochs() > 0) {
                network.epochsProperty().set(preset.epochs());
            }
            racers.clear();
            variants.clear();
            loaded.forEach(racers::add);
            for (int i = 0; i < loaded.size(); i++) {
                if (!preset.variant(i).equals(dev.descent.core.preset.RacerVariant.NONE)) {
                    variants.put(loaded.get(i), preset.variant(i));
                }
            }
            racers.selectedProperty().set(loaded.isEmpty() ? null : loaded.get(0));
        } finally {
            suspendEdits = false;
        }
        data.validationFractionProperty().set(Math.min(0.9, d.split()));
        data.normalizationProperty().set(normalization);
        data.seedProperty().set((int) preset.seed());
        if (d.file() != null) {
            if (!data.loadCsv(java.nio.file.Path.of(d.file()), null)) {
                throw new ConfigException("dataset: " + data.errorProperty().get());
            }
        } else if (generator) {
            data.generatorProperty().set(d.name());
            data.samplesProperty().set(d.samples());
            data.noiseProperty().set(d.noise());
            data.kindProperty().set(dev.descent.ui.data.DataSourceKind.GENERATOR);
        } else {
            data.bundledProperty().set(d.name());
            data.kindProperty().set(dev.descent.ui.data.DataSourceKind.BUNDLED);
        }
        reset();
    }

    /** Shows a message in the status bar (what was saved, file errors). */
    public void report(String text) {
        message.set(text);
    }

    // Queries

    /** The engine's newest race snapshot (once per animation frame). */
    public RaceSnapshot pollFrame() {
        RaceSnapshot f = runner == null ? RaceSnapshot.of(List.of(), 0, true) : runner.snapshot();
        if (running.get() && !f.running() && (f.finished() || f.failure() != null)) {
            running.set(false);
            message.set(f.failure() != null ? f.failure() : "every racer has stopped: Reset (R) to train again");
        }
        TrainingSession s = session;
        if (s != null && !running.get() && !f.running() && s.frame().steps() != f.stepsRun()) {
            // paused with class maps older than the race (throttled steps): a pause command wakes
            // the engine to publish once, and the session then recomputes its frame
            s.requestFrame();
            runner.pause();
        }
        return f;
    }

    /** The update rule of racer {@code index}'s optimizer, one formula per line ("" when unknown). */
    public String updateRule(int index) {
        TrainingSession s = session;
        if (s == null || index < 0 || index >= s.racers().size()) {
            return "";
        }
        try {
            return dev.descent.core.optim.Optimizers.create(s.racers().get(index).spec().optimizer(), 2).updateRule();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The newest network frame of the current session, or null. */
    public NetworkFrame networkFrame() {
        TrainingSession s = session;
        return s == null ? null : s.frame();
    }

    /** Waits for a snapshot satisfying {@code condition} (tests and scripted use). */
    public Optional<RaceSnapshot> awaitFrame(Predicate<RaceSnapshot> condition, Duration timeout)
            throws InterruptedException {
        return runner == null ? Optional.empty() : runner.awaitSnapshot(condition, timeout);
    }

    private void edited() {
        if (suspendEdits) {
            return;
        }
        RaceSnapshot f = runner == null ? null : runner.snapshot();
        if (f == null || (!running.get() && f.stepsRun() == 0)) {
            reset();
        } else {
            pendingEdits.set(true);
            message.set("network and racer changes apply at the next Reset (R)");
        }
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        TrainingSession s = session;
        if (s != null) {
            s.closePredecessorsAndSelf();
        }
        backend.close();
    }
}
