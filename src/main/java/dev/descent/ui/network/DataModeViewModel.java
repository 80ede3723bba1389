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
 *
 * <p>Threads: the settings are checked here (the UI thread), the race is built, stepped and
 * freed on the engine thread ({@link RaceRunner#loadBuilt}), which is the only thread that uses
 * the backend; a reset waits for the engine to finish the step it is in.
 *
 * <p>Selection: {@link #selectedIndexProperty()} (a boundary tile) and the racer panel's
 * selection follow each other; the LR range test runs for the selected racer and Apply 1cycle
 * changes the racer the test ran for.
 */
public final class DataModeViewModel implements AutoCloseable {
    /** How often class maps are recomputed while playing (about 7 Hz). */
    public static final long REFRESH_NANOS = 150_000_000L;

    private final DataProblemViewModel data;
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
    private boolean syncingSelection;
    private boolean applying;
    /** The panel racer each session racer comes from (race order). */
    private List<RacerViewModel> sources = List.of();
    /** The racer the last LR range test ran for. */
    private LrTarget lrTarget;

    /** The racer an LR range test measured: its session, index in race order and panel racer. */
    private record LrTarget(TrainingSession session, int index, RacerViewModel source) {
    }

    /** Before the first data: a race with no racers. */
    private static final dev.descent.core.race.Steppable NO_RACE = new dev.descent.core.race.Steppable() {
        @Override
        public boolean step() {
            return false;
        }

        @Override
        public void reset() {
        }

        @Override
        public RaceSnapshot snapshot() {
            return RaceSnapshot.of(List.of(), 0, true);
        }
    };

    /**
     * @param backend       where the race computes (closed by {@link #close()})
     * @param lrTestBackend a fresh backend for an LR range test (closed after the test)
     * @param backendText   what the status bar says about the backend ("cpu ...; cuda not used: ...")
     * @param clock         nanosecond clock ({@code System::nanoTime})
     * @param uiExecutor    runs LR-test and large-CSV results on the UI thread ({@code Platform::runLater})
     */
    public DataModeViewModel(Backend backend, Supplier<Backend> lrTestBackend, String backendText, LongSupplier clock,
                             Executor uiExecutor) {
        this.backend = backend;
        this.lrTestBackend = lrTestBackend;
        this.backendText = backendText;
        this.clock = clock;
        this.uiExecutor = uiExecutor;
        this.data = new DataProblemViewModel(DataProblemViewModel.BACKGROUND, uiExecutor);
        this.runner = RaceRunner.start(NO_RACE, stepsPerSecond);
        fillDefaultRacers();
        data.preparedProperty().addListener((o, a, b) -> {
            if (applying) {
                return; // a preset sets data, network and racers, then builds one race
            }
            lrResult.set(null);
            lrTarget = null;
            reset();
        });
        racers.racers().addListener((javafx.collections.ListChangeListener<RacerViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            edited();
        });
        racers.racers().forEach(this::watch);
        // the widths text and the layer rows (activation, batch norm, dropout) count in the revision
        for (javafx.beans.value.ObservableValue<?> p : List.of(network.revisionProperty(),
                network.initProperty(), network.biasInitProperty(), network.lossProperty(), network.l1Property(),
                network.l2Property(), network.batchProperty(), network.epochsProperty(),
                network.earlyStoppingProperty(), network.patienceProperty(), network.minDeltaProperty(),
                network.restoreBestProperty(), network.raceKindProperty(), network.racedInitsProperty(),
                network.racedActivationsProperty())) {
            p.addListener((o, was, now) -> edited());
        }
        selectedIndex.addListener((o, a, b) -> selectPanelRacer(b.intValue()));
        racers.selectedProperty().addListener((o, a, b) -> panelSelectionChanged(b));
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
        if (session != null) {
            runner.play();
            running.set(true);
        }
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

    public void step() {
        runner.stepOnce();
        running.set(false);
    }

    /** Steps to the end of the current epoch (pauses): every racer then has one more epoch record. */
    public void stepEpoch() {
        TrainingSession s = session;
        if (s == null) {
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
        runner.setStepsPerSecond(stepsPerSecond);
    }

    /**
     * Builds a fresh race from the current data, network and racers (paused); a bad config keeps
     * the old race. The settings are checked here; the race is built on the engine thread, which
     * then frees the old one, and this returns once the new one is in place.
     */
    public void reset() {
        PreparedData p = data.preparedProperty().get();
        if (p == null) {
            return;
        }
        TrainingSession fresh;
        List<RacerViewModel> from = new ArrayList<>();
        try {
            MlpSpec spec = network.spec(p.train());
            TrainingRaceOptions options = network.options(data.seedProperty().get());
            dev.descent.core.race.EarlyStopping.Options stopping = network.stopping();
            List<SessionRacer> list = sessionRacers(from);
            fresh = runner.loadBuilt(old -> {
                TrainingSession built = new TrainingSession(backend, spec, p, list, options, stopping, clock,
                        REFRESH_NANOS);
                if (old instanceof TrainingSession replaced) {
                    replaced.close();
                }
                return built;
            });
        } catch (IllegalArgumentException e) {
            message.set("not applied: " + e.getMessage());
            return;
        }
        session = fresh;
        sources = List.copyOf(from);
        running.set(false);
        pendingEdits.set(false);
        if (selectedIndex.get() >= fresh.racers().size()) {
            selectedIndex.set(0);
        } else {
            selectPanelRacer(selectedIndex.get());
        }
        message.set("");
    }

    /** A boundary tile was picked: the racer panel shows the racer it trains (racing optimizers). */
    private void selectPanelRacer(int index) {
        if (syncingSelection || network.raceKindProperty().get() != RaceKind.OPTIMIZERS
                || index < 0 || index >= sources.size() || !racers.racers().contains(sources.get(index))) {
            return;
        }
        syncingSelection = true;
        try {
            racers.selectedProperty().set(sources.get(index));
        } finally {
            syncingSelection = false;
        }
    }

    /**
     * The racer panel's selection changed: its tile becomes the selected one; when racing inits
     * or activations the selected racer is the one whose optimizer every racer uses.
     */
    private void panelSelectionChanged(RacerViewModel r) {
        if (syncingSelection || r == null) {
            return;
        }
        if (network.raceKindProperty().get() != RaceKind.OPTIMIZERS) {
            edited();
            return;
        }
        int i = sources.indexOf(r);
        if (i >= 0) {
            syncingSelection = true;
            try {
                selectedIndex.set(i);
            } finally {
                syncingSelection = false;
            }
        }
    }

    /** The racers the current settings describe (race order). */
    public List<SessionRacer> sessionRacers() {
        return sessionRacers(new ArrayList<>());
    }

    /** The racers in race order; {@code from} receives the panel racer each comes from. */
    private List<SessionRacer> sessionRacers(List<RacerViewModel> from) {
        List<SessionRacer> out = new ArrayList<>();
        RaceKind kind = network.raceKindProperty().get();
        if (kind == RaceKind.OPTIMIZERS) {
            for (RacerViewModel r : racers.racers()) {
                if (!r.enabledProperty().get()) {
                    continue;
                }
                out.add(withVariant(toSessionRacer(r.toConfig(), null, null, null), variants.get(r)));
                from.add(r);
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
                    from.add(base);
                }
            } else {
                List<ActivationSpec> acts = network.racedActivations();
                for (int i = 0; i < acts.size(); i++) {
                    out.add(toSessionRacer(c, acts.get(i).function().cliName(), null, acts.get(i), i));
                    from.add(base);
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
        return new TrainingSession(compute, network.spec(p.train()), p, sessionRacers(),
                network.options(data.seedProperty().get()), network.stopping(), clock, 0);
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
        int index = Math.max(0, Math.min(selectedIndex.get(), s.racers().size() - 1));
        SessionRacer racer = s.racers().get(index);
        LrTarget target = new LrTarget(s, index, index < sources.size() ? sources.get(index) : null);
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
                    lrTarget = target;
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
     * Gives the racer the last LR range test ran for a 1cycle schedule with the suggested max lr
     * (initial = min = max/10) over that racer's whole run (its own epochs, batch size and training
     * rows), and rebuilds the race. Momentum (or beta1) cycles as in torch's OneCycleLR, except
     * for an optimizer that runs without it (SGD or RMSprop with momentum 0, Adagrad, Rprop...):
     * torch would switch momentum on there, so {@code cycle_momentum=false}. When racing inits or
     * activations every racer shares the panel racer's optimizer, so they all get the schedule.
     */
    public boolean applyLrSuggestion() {
        LrRangeResult r = lrResult.get();
        LrTarget t = lrTarget;
        if (r == null || Double.isNaN(r.suggestedMaxLr()) || t == null || t.source() == null) {
            return false;
        }
        RacerViewModel target = t.source();
        int i = racers.racers().indexOf(target);
        if (i < 0) {
            message.set("not applied: the racer the LR range test ran for is no longer in the list");
            return false;
        }
        RacerConfig next = withOneCycle(target.toConfig(), r.suggestedMaxLr(), t.session(), t.index());
        RacerViewModel replaced = RacerViewModel.fromConfig(next);
        suspendEdits = true;
        try {
            dev.descent.core.preset.RacerVariant v = variants.remove(target);
            if (v != null) {
                variants.put(replaced, v);
            }
            racers.racers().set(i, replaced);
            syncingSelection = true;
            try {
                racers.selectedProperty().set(replaced);
            } finally {
                syncingSelection = false;
            }
        } finally {
            suspendEdits = false;
        }
        lrTarget = new LrTarget(t.session(), t.index(), replaced);
        reset();
        message.set("applied 1cycle to " + next.label() + ": " + next.schedule());
        return true;
    }

    /** {@code c} with the 1cycle schedule for racer {@code index} of {@code s} (its own run length). */
    static RacerConfig withOneCycle(RacerConfig c, double maxLr, TrainingSession s, int index) {
        int rows = s.dataOf(index).train().size();
        int batch = Math.min(s.optionsOf(index).batch(), rows);
        int total = s.optionsOf(index).epochs() * ((rows + batch - 1) / batch);
        double momentum = dev.descent.core.optim.Optimizers.create(s.racers().get(index).spec().optimizer(), 1)
                .baseMomentum();
        boolean cycleMomentum = Double.isFinite(momentum) && momentum > 0;
        return new RacerConfig(c.label(), c.colour(), c.optimizer(),
                LrRangeTest.oneCycle(maxLr, total, cycleMomentum).toString(), c.clipNorm(), c.clipValue(),
                c.enabled());
    }

    /**
     * Shows a data-set preset: data (source, split, scaling, noise augmentation or none, seed), the
     * whole network (every layer, init and bias init, loss, L1/L2, batch size, early stopping
     * with its patience, min_delta and restore-best, or none), epochs and racers; what the preset
     * does not set takes the editor's defaults, so nothing of the previous session leaks in and
     * the race is the one {@code run PRESET} trains. Everything is checked before anything
     * changes, so a bad preset leaves the session as it was. A CSV file path is read relative to
     * the working directory.
     *
     * @throws ConfigException naming what is wrong
     */
    public void apply(dev.descent.core.preset.Preset preset) {
        dev.descent.core.preset.DatasetProblem d = preset.problem().dataset();
        dev.descent.core.preset.NetworkConfig n = preset.network() == null
                ? dev.descent.core.preset.NetworkConfig.DEFAULT : preset.network();
        List<RacerViewModel> loaded = new ArrayList<>();
        for (RacerConfig c : preset.racers()) {
            loaded.add(RacerViewModel.fromConfig(c));
        }
        if (loaded.size() > RacersViewModel.MAX_RACERS) {
            throw new ConfigException("racers: at most " + RacersViewModel.MAX_RACERS + ", was " + loaded.size());
        }
        DataProblemViewModel.PendingData pending = data.read(d, preset.seed());
        check("network", n, pending.prepared());
        for (int i = 0; i < preset.racers().size(); i++) {
            dev.descent.core.preset.NetworkConfig own = preset.variant(i).network();
            if (own != null) {
                check("racers[" + i + "].network", own, pending.prepared());
            }
        }
        pause();
        suspendEdits = true;
        applying = true;
        try {
            pending.commit();
            network.load(n);
            network.raceKindProperty().set(RaceKind.OPTIMIZERS);
            network.epochsProperty().set(preset.epochs() > 0 ? preset.epochs() : NetworkViewModel.DEFAULT_EPOCHS);
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
            applying = false;
        }
        lrResult.set(null);
        lrTarget = null;
        sources = List.of();
        selectedIndex.set(0);
        reset();
    }

    /** Checks a preset network against the data as {@code run} would build it (names, per-layer lists, init). */
    private static void check(String where, dev.descent.core.preset.NetworkConfig n, PreparedData p) {
        try {
            dev.descent.core.preset.TrainingPlan.mlpSpec(n, p.train());
            Init.parse(n.init());
        } catch (ConfigException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The session as a data-set preset (what Save and the session file store): the data source
     * with its split, scaling, noise augmentation and seed, the network, epochs and the racers. Racing initialisations
     * or activations is written as one racer per init or activation with its own network, which
     * {@code run} and {@link #apply} race the same way.
     *
     * @throws ConfigException when the data or the network is not valid (nothing to save)
     */
    public dev.descent.core.preset.Preset toPreset(String title, String lesson, double speed) {
        PreparedData p = data.preparedProperty().get();
        if (p == null) {
            throw new ConfigException("no data set is loaded");
        }
        dev.descent.core.preset.NetworkConfig n = network.toConfig(p.train());
        List<RacerConfig> configs = new ArrayList<>();
        List<dev.descent.core.preset.RacerVariant> vs = new ArrayList<>();
        RaceKind kind = network.raceKindProperty().get();
        if (kind == RaceKind.OPTIMIZERS) {
            for (RacerViewModel r : racers.racers()) {
                try {
                    configs.add(r.toConfig().withId(0)); // ids belong to this session, not to a file
                } catch (ConfigException e) {
                    continue; // an unfinished racer (schedule missing a value) is not saved
                }
                vs.add(variants.getOrDefault(r, dev.descent.core.preset.RacerVariant.NONE));
            }
        } else {
            List<SessionRacer> list = sessionRacers();
            for (int i = 0; i < list.size(); i++) {
                SessionRacer r = list.get(i);
                RacerConfig base = (racers.selectedProperty().get() != null ? racers.selectedProperty().get()
                        : racers.racers().get(0)).toConfig();
                configs.add(new RacerConfig(r.label(), r.colour(), base.optimizer(), base.schedule(), base.clipNorm(),
                        base.clipValue(), true));
                vs.add(new dev.descent.core.preset.RacerVariant(kind == RaceKind.INITS
                        ? withInit(n, r.spec().init()) : withActivation(n, r.activation()), null));
            }
        }
        if (vs.stream().allMatch(dev.descent.core.preset.RacerVariant.NONE::equals)) {
            vs.clear();
        }
        return new dev.descent.core.preset.Preset(dev.descent.core.preset.Preset.SCHEMA_VERSION, title, lesson,
                data.seedProperty().get(), dev.descent.core.preset.Problem.of(data.toProblem()), configs, n, 0,
                network.epochsProperty().get(), speed, "", vs);
    }

    private static dev.descent.core.preset.NetworkConfig withInit(dev.descent.core.preset.NetworkConfig n, Init i) {
        return new dev.descent.core.preset.NetworkConfig(n.layers(), n.activation(),
                i.kind() == Init.Kind.TORCH ? "default" : i.toString(), n.batchnorm(), n.dropout(), n.loss(), n.l1(),
                n.l2(), n.batchSize(), n.earlyStopping());
    }

    private static dev.descent.core.preset.NetworkConfig withActivation(dev.descent.core.preset.NetworkConfig n,
                                                                       ActivationSpec a) {
        return new dev.descent.core.preset.NetworkConfig(n.layers(), List.of(activationText(a)), n.init(),
                n.batchnorm(), n.dropout(), n.loss(), n.l1(), n.l2(), n.batchSize(), n.earlyStopping());
    }

    /** An activation in the form {@link ActivationSpec#parse} reads back. */
    static String activationText(ActivationSpec a) {
        dev.descent.core.compute.Activation f = a.function();
        boolean hasAlpha = f == dev.descent.core.compute.Activation.LEAKY_RELU
                || f == dev.descent.core.compute.Activation.ELU || f == dev.descent.core.compute.Activation.PRELU;
        return hasAlpha && !a.equals(ActivationSpec.of(f)) ? f.cliName() + " alpha=" + a.alpha() : f.cliName();
    }

    /** Shows a message in the status bar (what was saved, file errors). */
    public void report(String text) {
        message.set(text);
    }

    // Queries

    /** The engine's newest race snapshot (once per animation frame). */
    public RaceSnapshot pollFrame() {
        RaceSnapshot f = runner.snapshot();
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
        return runner.awaitSnapshot(condition, timeout);
    }

    private void edited() {
        if (suspendEdits) {
            return;
        }
        RaceSnapshot f = runner.snapshot();
        if (session == null || (!running.get() && f.stepsRun() == 0)) {
            reset();
        } else {
            pendingEdits.set(true);
            message.set("network and racer changes apply at the next Reset (R)");
        }
    }

    /** Stops the engine and, on its thread, frees the race and the backend. */
    @Override
    public void close() {
        runner.close(last -> {
            if (last instanceof TrainingSession s) {
                s.close();
            }
            backend.close();
        });
    }
}
