package dev.descent.ui.network;

import dev.descent.core.compute.Backend;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.Normalization;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.EarlyStopping;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.Steppable;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import dev.descent.ui.data.PreparedData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A data-set race for the {@code RaceRunner}: the app's racers grouped into {@link TrainingRace}s
 * that share an architecture, training options and feature scaling (the engine batches one
 * architecture per race): a raced activation or a lesson preset's racer variant (its own network
 * or scaling) puts a racer in its own race. Every race has the session's seed, so races see the
 * same split, minibatch order and, for the same architecture, the same starting weights. Besides the
 * usual {@link RaceSnapshot} it publishes a {@link NetworkFrame} (class maps over the input
 * plane, epoch histories, weights), recomputed at most every {@code refreshNanos} while
 * playing fast and after every single step.
 *
 * <p>The constructor (which allocates and uploads the nets and computes the first frame),
 * {@link #close()} and every {@link Steppable} method run on the engine thread, the one thread
 * that uses the backend ({@code RaceRunner.loadBuilt}). {@link #frame()}, {@link #requestFrame()}
 * and the set-up queries ({@link #racers()}, {@link #data()}, {@link #specOf}, {@link #optionsOf},
 * {@link #dataOf}: fixed at construction) are safe from any thread.
 */
public final class TrainingSession implements Steppable, AutoCloseable {
    /** Cells per side of the class-map grid. */
    public static final int GRID = 48;
    /** Evaluation rows (validation, else training) used for the activation histograms. */
    public static final int HISTOGRAM_ROWS = 512;
    /** Bins per activation histogram. */
    public static final int BINS = 30;

    private final PreparedData data;
    private final List<SessionRacer> racers;
    private final List<Group> groups = new ArrayList<>();
    private final Setup[] setups;
    private final PreparedData[] racerData;
    private final List<List<TrainingRaceEpoch>> epochs = new ArrayList<>();
    private final LongSupplier clock;
    private final long refreshNanos;
    private final float[] gridFeatures;
    private final float[] evalFeatures;
    private final int evalRows;
    private final double[] plane;
    private final int gridRows;
    private final int channels;
    private long lastFrameNanos = Long.MIN_VALUE;
    private long lastFrameSteps = -1;
    private long frameVersion;
    private volatile NetworkFrame frame;
    private volatile boolean frameRequested;
    /** Whether the next step records its optimizer step traces (engine thread only). */
    private boolean traceNextStep = true;

    /**
     * One engine race: racers with the same effective architecture, training options, early
     * stopping and feature scaling, and the class-map grid and histogram rows in its scaling.
     */
    private record Group(TrainingRace race, int[] members, float[] gridFeatures, float[] evalFeatures) {
    }

    /** What racers must share to train in one race; a null normalization is the session data's. */
    private record Setup(MlpSpec spec, TrainingRaceOptions options, EarlyStopping.Options stopping,
                         Normalization normalization) {
    }

    /**
     * A racer's effective set-up: its own network (a preset's racer variant, built as
     * {@link TrainingPlan} builds it, with the session's epochs and seed) or the base one, its
     * own activation if raced, and its own scaling.
     */
    private static Setup setup(SessionRacer r, MlpSpec base, TrainingRaceOptions options,
                               EarlyStopping.Options stopping, Dataset train) {
        MlpSpec spec = base;
        TrainingRaceOptions o = options;
        EarlyStopping.Options s = stopping;
        if (r.network() != null) {
            spec = TrainingPlan.mlpSpec(r.network(), train);
            o = TrainingPlan.options(r.network(), options.epochs(), options.seed());
            s = r.network().earlyStoppingOptions();
        }
        if (r.activation() != null) {
            spec = spec.withActivation(r.activation());
        }
        return new Setup(spec, o, s, r.normalization());
    }

    private static double[][] unpack(float[] flat, int d) {
        double[][] out = new double[flat.length / d][d];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = flat[i * d + j];
            }
        }
        return out;
    }

    private static float[] rows(double[][] rows, int n, java.util.function.UnaryOperator<double[]> map) {
        int d = n == 0 ? 0 : rows[0].length;
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            double[] r = map.apply(rows[i]);
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) r[j];
            }
        }
        return out;
    }

    /**
     * @param backend      where every net computes (the caller keeps it)
     * @param base         the architecture; a racer's own network (with its options and early
     *                     stopping) replaces it, a racer's own activation replaces the base one
     * @param racers       at least one
     * @param clock        nanosecond clock for throttling the class maps
     * @param refreshNanos least time between two class-map computations while playing
     */
    public TrainingSession(Backend backend, MlpSpec base, PreparedData data, List<SessionRacer> racers,
                           TrainingRaceOptions options, EarlyStopping.Options stopping, LongSupplier clock,
                           long refreshNanos) {
        if (racers.isEmpty()) {
            throw new IllegalArgumentException("at least one racer is needed");
        }
        this.data = data;
        this.racers = List.copyOf(racers);
        this.clock = clock;
        this.refreshNanos = refreshNanos;
        this.plane = data.plane();
        this.gridRows = data.curve() ? GRID : GRID * GRID;
        this.channels = data.classification() ? data.train().classes() : 1;
        this.gridFeatures = gridFeatures();
        var eval = data.validation().size() > 0 ? data.validation() : data.train();
        this.evalRows = Math.min(eval.size(), HISTOGRAM_ROWS);
        this.evalFeatures = rows(eval.features(), evalRows, r -> r);
        Map<Setup, List<Integer>> byKey = new LinkedHashMap<>();
        this.setups = new Setup[racers.size()];
        this.racerData = new PreparedData[racers.size()];
        for (int i = 0; i < racers.size(); i++) {
            setups[i] = setup(racers.get(i), base, options, stopping, data.train());
            byKey.computeIfAbsent(setups[i], k -> new ArrayList<>()).add(i);
            epochs.add(new ArrayList<>());
        }
        Map<Normalization, PreparedData> scaled = new HashMap<>();
        try {
            for (Map.Entry<Setup, List<Integer>> e : byKey.entrySet()) {
                Setup k = e.getKey();
                List<Integer> members = e.getValue();
                PreparedData d = k.normalization() == null ? data
                        : scaled.computeIfAbsent(k.normalization(), data::rescaled);
                List<TrainingRacerSpec> specs = members.stream().map(i -> racers.get(i).trainingSpec()).toList();
                TrainingRace race = new TrainingRace(backend, k.spec(), d.train(), d.validation(), specs,
                        k.options(), k.stopping());
                int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
                for (int i : idx) {
                    racerData[i] = d;
                }
                race.addListener(ep -> epochs.get(idx[ep.racer()]).add(ep));
                int dim = data.train().dimension();
                float[] grid = d == data ? gridFeatures : rows(unpack(gridFeatures, dim), gridRows,
                        r -> data.toScaleOf(d, r));
                float[] evals = d == data ? evalFeatures : rows(unpack(evalFeatures, dim), evalRows,
                        r -> data.toScaleOf(d, r));
                groups.add(new Group(race, idx, grid, evals));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        computeFrame();
    }

    /** The racers as set up (race order). */
    public List<SessionRacer> racers() {
        return racers;
    }

    /** The data as the panels show it (the data panel's scaling). */
    public PreparedData data() {
        return data;
    }

    /** The architecture racer {@code index} trains (its own network if it has one). */
    public MlpSpec specOf(int index) {
        return setups[index].spec();
    }

    /** The training options (batch size, l1, l2, init, epochs, seed) of racer {@code index}. */
    public TrainingRaceOptions optionsOf(int index) {
        return setups[index].options();
    }

    /** The rows racer {@code index} trains on, in its own scaling. */
    public PreparedData dataOf(int index) {
        return racerData[index];
    }

    /** The newest network frame; safe from any thread; never null. */
    public NetworkFrame frame() {
        return frame;
    }

    /**
     * Asks for a fresh frame at the next {@link #snapshot()} even if the throttle says wait (any
     * thread): a paused race whose last steps came inside the throttle interval shows them.
     */
    public void requestFrame() {
        frameRequested = true;
    }

    @Override
    public boolean step() {
        // the inspector reads one step's trace per snapshot: tracing every step (four copies of
        // the weights per racer and step) made about 1 GB/s of garbage and GC pauses of 0.1-0.3 s
        boolean trace = traceNextStep;
        traceNextStep = false;
        boolean more = false;
        for (Group g : groups) {
            if (!g.race.finished()) {
                g.race.recordStepTraces(trace);
                more |= g.race.step();
            }
        }
        return more;
    }

    @Override
    public void reset() {
        for (Group g : groups) {
            g.race.reset();
        }
        for (List<TrainingRaceEpoch> e : epochs) {
            e.clear();
        }
        lastFrameSteps = -1;
        computeFrame();
    }

    @Override
    public RaceSnapshot snapshot() {
        traceNextStep = true;
        RacerSnapshot[] merged = new RacerSnapshot[racers.size()];
        long steps = 0;
        boolean finished = true;
        for (Group g : groups) {
            RaceSnapshot s = g.race.snapshot();
            for (int k = 0; k < g.members.length; k++) {
                RacerSnapshot r = s.racers().get(k);
                SessionRacer sr = racers.get(g.members[k]);
                merged[g.members[k]] = new RacerSnapshot(sr.label(), sr.colour(), r.trace(), r.stepsRun(),
                        r.divergedAt(), r.divergenceReason());
            }
            steps = Math.max(steps, s.stepsRun());
            finished &= s.finished();
        }
        long now = clock.getAsLong();
        long elapsed = lastFrameNanos == Long.MIN_VALUE ? Long.MAX_VALUE : now - lastFrameNanos;
        boolean single = steps - lastFrameSteps == 1 && elapsed >= refreshNanos / 4;
        if (steps != lastFrameSteps && (elapsed >= refreshNanos || single || finished || frameRequested)) {
            computeFrame();
        }
        return RaceSnapshot.of(List.of(merged), steps, finished);
    }

    /** Recomputes the class maps, histories and weights now (engine thread). */
    void computeFrame() {
        List<RacerFrame> list = new ArrayList<>(java.util.Collections.nCopies(racers.size(), (RacerFrame) null));
        long steps = 0;
        for (Group g : groups) {
            TrainingRace race = g.race;
            steps = Math.max(steps, race.steps());
            float[] out = race.predict(g.gridFeatures, gridRows);
            RaceSnapshot s = race.snapshot();
            int outs = race.spec().outputs();
            for (int k = 0; k < g.members.length; k++) {
                int global = g.members[k];
                SessionRacer sr = racers.get(global);
                float[] grid = toGrid(out, k * gridRows * outs, outs, race.spec().loss());
                double[] params = race.parameters(k);
                list.set(global, new RacerFrame(sr.label(), sr.colour(), race.spec(), grid,
                        epochs.get(global), params, s.racers().get(k).divergenceMessage(),
                        ActivationHistograms.of(race.spec(), params, g.evalFeatures, evalRows, BINS),
                        race.stoppedEarlyAt(k)));
            }
        }
        frameRequested = false;
        lastFrameNanos = clock.getAsLong();
        lastFrameSteps = steps;
        frame = new NetworkFrame(list, plane.clone(), GRID, channels, steps, ++frameVersion);
    }

    /** Probabilities per class (softmax / sigmoid), or the raw output for regression. */
    private float[] toGrid(float[] out, int offset, int outs, Loss loss) {
        float[] grid = new float[gridRows * channels];
        for (int i = 0; i < gridRows; i++) {
            int o = offset + i * outs;
            if (!data.classification()) {
                grid[i] = out[o];
            } else if (loss == Loss.BCE) {
                float p = (float) (1 / (1 + Math.exp(-out[o])));
                grid[i * 2] = 1 - p;
                grid[i * 2 + 1] = p;
            } else if (loss == Loss.CE) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < outs; c++) {
                    max = Math.max(max, out[o + c]);
                }
                double sum = 0;
                for (int c = 0; c < outs; c++) {
                    sum += Math.exp(out[o + c] - max);
                }
                for (int c = 0; c < outs; c++) {
                    grid[i * channels + c] = (float) (Math.exp(out[o + c] - max) / sum);
                }
            } else {
                for (int c = 0; c < outs; c++) {
                    grid[i * channels + c] = Math.max(0f, Math.min(1f, out[o + c]));
                }
            }
        }
        return grid;
    }

    /** Grid rows in scaled feature units: the two shown features vary, the others stay at their training mean. */
    private float[] gridFeatures() {
        int d = data.train().dimension();
        float[] f = new float[gridRows * d];
        for (int i = 0; i < gridRows; i++) {
            int col = data.curve() ? i : i % GRID;
            int row = data.curve() ? 0 : i / GRID;
            double x = plane[0] + (col + 0.5) / GRID * (plane[1] - plane[0]);
            double y = plane[3] - (row + 0.5) / GRID * (plane[3] - plane[2]);
            for (int j = 0; j < d; j++) {
                double v = data.fixed()[j];
                if (j == data.featureX()) {
                    v = x;
                } else if (j == data.featureY() && !data.curve()) {
                    v = y;
                }
                f[i * d + j] = (float) v;
            }
        }
        return f;
    }

    /** Frees the nets' device buffers (engine thread, once the runner no longer steps this session). */
    @Override
    public void close() {
        for (Group g : groups) {
            g.race.close();
        }
    }

    @Override
    public String toString() {
        return "TrainingSession[" + racers.size() + " racers in " + groups.size() + " groups, "
                + Objects.toString(data.source().name()) + "]";
    }
}
