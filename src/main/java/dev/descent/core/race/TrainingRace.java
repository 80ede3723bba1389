package dev.descent.core.race;

import dev.descent.core.compute.Backend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationStatistics;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.Metrics;
import dev.descent.core.nn.MlpBatch;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.NetworkData;
import dev.descent.core.nn.ParameterLayout;
import dev.descent.core.optim.GradientClipping;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepContext;
import dev.descent.core.optim.StepTrace;
import dev.descent.core.schedule.ConstantSchedule;
import dev.descent.core.schedule.LearningRateSchedule;
import dev.descent.core.schedule.Schedules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * K racers training the same network architecture on the same data, in lock-step: every
 * {@link #step()} draws one minibatch (the same rows for every racer, from one seeded
 * shuffle per epoch), runs the K nets' forward and backward passes as one batched
 * computation ({@link MlpBatch}), and lets each racer's optimizer update its own master
 * weights (double) from its own gradient, after the L1/L2 penalty gradient
 * ({@code l1 sign(w) + 2 l2 w}, weights only) and the racer's clipping. After the last
 * minibatch of an epoch it evaluates each racer, records a {@link TrainingRaceEpoch}, keeps
 * the best weights (lowest validation loss, training loss without validation rows), and
 * applies early stopping and a plateau schedule.
 *
 * <p>A racer whose minibatch loss or weights become non-finite stops: "diverged at step k".
 * So does one whose epoch training loss or evaluation loss (validation rows, or training rows
 * without them) is not finite, at the epoch's last step, before early stopping looks.
 * Racers sharing an initialisation start from identical weights (the same seeded draw).
 * Same seed, same result, bit for bit, on the CPU backend.
 *
 * <p>As a {@link Steppable} the {@link RaceRunner} drives it one minibatch per step; each
 * racer's trace ({@link #TRACE_COLUMNS}) feeds the app's loss and learning-rate curves.
 */
public final class TrainingRace implements Steppable, AutoCloseable {

    /**
     * The columns of each racer's {@link Trace}, one point per optimizer step: the minibatch
     * loss, the raw gradient's 2-norm, the rate used, and the latest epoch's metrics (NaN
     * before the first epoch ends).
     */
    public static final List<String> TRACE_COLUMNS = List.of("loss", "grad_norm", "lr", "epoch", "train_loss",
            "val_loss", "train_accuracy", "val_accuracy");

    /** Points kept per racer trace before thinning. */
    public static final int TRACE_CAPACITY = 4096;

    private final MlpSpec spec;
    private final ParameterLayout layout;
    private final MlpBatch mlp;
    private final NetworkData train;
    private final NetworkData val;
    private final List<TrainingRacerSpec> racerSpecs;
    private final TrainingRaceOptions options;
    private final EarlyStopping.Options stopping;
    private final List<Consumer<TrainingRaceEpoch>> listeners = new ArrayList<>();
    private final List<TrainingRaceEpoch> history = new ArrayList<>();
    private final TrainingRacer[] racers;
    private final float[] lossBuffer;
    private final float[] outputBuffer;
    /**
     * The gradient of the racer being stepped, shared by the racers in turn (no optimizer keeps
     * it): one array stays in cache where one per racer added 36 KB each to what a step touches.
     */
    private final double[] gradient;
    /** Per layer, the sum of the squares of a racer's weight gradient (reused racer by racer). */
    private final double[] weightSquares;
    private SplittableRandom shuffleRandom;
    private SplittableRandom noiseRandom;
    private int[] order;
    private int position;
    private int epoch;
    private long steps;
    private boolean finished;
    private boolean recordStepTraces = true;

    /**
     * @param backend    where the nets compute; the caller keeps ownership
     * @param spec       the architecture; inputs and outputs must fit the data
     * @param trainSet   the training rows
     * @param valSet     the validation rows (may be empty)
     * @param racerSpecs one per racer, at least one
     * @param stopping   early stopping for every racer (Keras semantics, {@link EarlyStopping}), or
     *                   null for none; monitor val_loss, val_accuracy, train_loss or train_accuracy
     *                   (a val_ monitor reads the train_ value when there are no validation rows)
     */
    public TrainingRace(Backend backend, MlpSpec spec, Dataset trainSet, Dataset valSet,
                        List<TrainingRacerSpec> racerSpecs, TrainingRaceOptions options, EarlyStopping.Options stopping) {
        if (racerSpecs.isEmpty()) {
            throw new ConfigException("at least one racer is needed");
        }
        if (trainSet.size() < 1) {
            throw new ConfigException("the training set has no rows");
        }
        if (spec.inputs() != trainSet.dimension()) {
            throw new ConfigException("the network has " + spec.inputs() + " inputs but " + trainSet.name()
                    + " has " + trainSet.dimension() + " features");
        }
        if (spec.outputs() != NetworkData.outputsFor(trainSet, spec.loss())) {
            throw new ConfigException("the network has " + spec.outputs() + " outputs; loss " + spec.loss().cliName()
                    + " on " + trainSet.name() + " needs " + NetworkData.outputsFor(trainSet, spec.loss()));
        }
        int batch = Math.min(options.batch(), trainSet.size());
        if (spec.anyBatchNorm() && trainSet.size() % batch == 1) {
            throw new ConfigException("batch norm needs at least 2 rows per training batch, but the last batch of each"
                    + " epoch would have 1 row (" + trainSet.size() + " training rows, batch " + batch
                    + "): change --batch");
        }
        if (stopping != null) {
            monitored(stopping.monitor(), new TrainingRaceEpoch(0, "", 0, 0, 0, 0, 0, 0, 0, null, null, null), true);
            new EarlyStopping(stopping);
        }
        this.spec = spec;
        this.layout = new ParameterLayout(spec);
        this.train = NetworkData.encode(trainSet, spec.loss());
        this.val = NetworkData.encode(valSet, spec.loss());
        this.racerSpecs = List.copyOf(racerSpecs);
        this.options = options;
        this.stopping = stopping;
        int capacity = Math.max(batch, Math.min(Math.max(val.rows(), train.rows()), 4096));
        this.mlp = new MlpBatch(backend, spec, racerSpecs.size(), capacity);
        mlp.loadTrainingSet(train.features(), train.targets(), train.rows());
        this.racers = new TrainingRacer[racerSpecs.size()];
        int outs = spec.outputs();
        lossBuffer = new float[racers.length * capacity * outs];
        outputBuffer = new float[racers.length * capacity * outs];
        weightSquares = new double[spec.layers()];
        gradient = new double[layout.size()];
        reset();
    }

    /** Called with every epoch record as it is made (on the stepping thread). */
    public void addListener(Consumer<TrainingRaceEpoch> listener) {
        listeners.add(listener);
    }

    /**
     * Whether every optimizer step also stores its {@link StepTrace} (gradient, moments and
     * applied delta: four copies of the parameter vector) as the racer's trace's last step,
     * for the app's inspector. On by default. Off, the optimizers update the same weights bit
     * for bit without building traces, and {@link TraceSnapshot#lastStep()} stays null: the
     * command line and the throughput benchmark, which show no inspector, turn it off.
     */
    public void recordStepTraces(boolean record) {
        this.recordStepTraces = record;
    }

    /** Back to the start: initial weights, fresh optimizers and schedules, the same seeds. */
    @Override
    public void reset() {
        shuffleRandom = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        noiseRandom = new SplittableRandom(options.seed() * 31 + 7);
        for (int r = 0; r < racers.length; r++) {
            TrainingRacerSpec rs = racerSpecs.get(r);
            Init init = rs.init() != null ? rs.init() : options.init();
            double[] params = initialParameters(init);
            Optimizer optimizer = Optimizers.create(rs.optimizer(), layout.size());
            Spec scheduleSpec = rs.schedule() != null ? rs.schedule() : options.schedule();
            LearningRateSchedule schedule = scheduleSpec == null
                    ? new ConstantSchedule(optimizer.baseLearningRate())
                    : Schedules.create(scheduleSpec, optimizer.baseLearningRate(), optimizer.baseMomentum());
            racers[r] = new TrainingRacer(rs, optimizer, schedule, params, spec.layers(),
                    stopping == null ? null : new EarlyStopping(stopping));
            mlp.setParameters(r, params);
            mlp.setRunningStatistics(r, initialRunningStatistics());
        }
        history.clear();
        position = 0;
        epoch = 0;
        steps = 0;
        finished = false;
    }

    /** Master weights in the flat layout: each dense layer by {@code init}, BN gamma 1 and beta 0, PReLU alpha as the activation's. */
    private double[] initialParameters(Init init) {
        double[] params = new double[layout.size()];
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int l = 0; l < spec.layers(); l++) {
            int in = spec.fanIn(l);
            int out = spec.fanOut(l);
            double[] w = new double[in * out];
            double[] b = new double[out];
            init.fill(w, b, in, out, random);
            System.arraycopy(w, 0, params, layout.weight(l), w.length);
            System.arraycopy(b, 0, params, layout.bias(l), b.length);
            if (layout.gamma(l) >= 0) {
                java.util.Arrays.fill(params, layout.gamma(l), layout.gamma(l) + out, 1.0);
            }
            if (layout.alpha(l) >= 0) {
                params[layout.alpha(l)] = spec.activation(l).alpha();
            }
        }
        return params;
    }

    private double[] initialRunningStatistics() {
        List<Double> stats = new ArrayList<>();
        for (int l = 0; l < spec.hiddenLayers().size(); l++) {
            if (spec.batchNorm(l)) {
                int h = spec.fanOut(l);
                for (int j = 0; j < h; j++) {
                    stats.add(0.0);
                }
                for (int j = 0; j < h; j++) {
                    stats.add(1.0);
                }
            }
        }
        return stats.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public boolean finished() {
        return finished;
    }

    /** Minibatch steps taken so far (the same for every racer still running). */
    public long steps() {
        return steps;
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    public int racerCount() {
        return racers.length;
    }

    /** Every epoch record so far, in order. */
    public List<TrainingRaceEpoch> history() {
        return Collections.unmodifiableList(history);
    }

    /** A racer's current master weights (a copy). */
    public double[] parameters(int racer) {
        return racers[racer].params.clone();
    }

    /**
     * Outputs (logits) of every racer's net in inference mode, for decision boundaries and
     * predictions. Features must be scaled as the training rows were.
     *
     * @param features rows x inputs, row-major
     * @return K x rows x outputs, packed per racer
     */
    public float[] predict(float[] features, int rows) {
        if (features.length != rows * spec.inputs()) {
            throw new IllegalArgumentException("features must have rows x " + spec.inputs() + " values, had "
                    + features.length);
        }
        float[] out = new float[racers.length * rows * spec.outputs()];
        mlp.predict(features, rows, out, null);
        return out;
    }

    /** The architecture being trained. */
    public MlpSpec spec() {
        return spec;
    }

    /** Runs until every racer has finished its epochs, diverged or stopped early. */
    public void run() {
        while (!finished) {
            step();
        }
    }

    /**
     * One minibatch for every running racer; ends the epoch after its last minibatch.
     *
     * @return true while some racer is still running
     */
    @Override
    public boolean step() {
        if (finished) {
            return false;
        }
        if (position == 0) {
            order = shuffledRows();
            for (TrainingRacer r : racers) {
                r.startEpoch();
            }
        }
        int batch = Math.min(options.batch(), train.rows());
        int n = Math.min(batch, train.rows() - position);
        int[] rows = java.util.Arrays.copyOfRange(order, position, position + n);
        mlp.trainStep(rows, noiseRandom);
        steps++;
        mlp.losses(lossBuffer);
        mlp.outputs(outputBuffer);
        NetworkData batchData = slice(rows);
        // in turn on this thread: on other threads (racers at once) the step was slower, as each
        // racer's weights, gradient and optimizer state then moved between the cores' caches
        for (int r = 0; r < racers.length; r++) {
            TrainingRacer racer = racers[r];
            if (racer.running()) {
                stepRacer(r, racer, n, batchData);
            }
        }
        position += n;
        boolean anyRunning = false;
        for (TrainingRacer racer : racers) {
            anyRunning |= racer.running();
        }
        if (position >= train.rows() || !anyRunning) {
            position = 0;
            endEpoch();
        }
        for (TrainingRacer racer : racers) {
            if (racer.pending != null) {
                racer.trace.append(racer.steps, racer.tracePoint(racer.pending[0], racer.pending[1], racer.pending[2]));
                racer.pending = null;
            }
        }
        return !finished;
    }

    /** Every racer's label, colour, trace and divergence now. */
    @Override
    public RaceSnapshot snapshot() {
        List<RacerSnapshot> list = new ArrayList<>();
        for (int r = 0; r < racers.length; r++) {
            TrainingRacer racer = racers[r];
            String colour = racer.spec.colour() != null ? racer.spec.colour() : RacerColours.colour(r);
            list.add(new RacerSnapshot(racer.spec.label(), colour, racer.trace.snapshot(), racer.steps,
                    racer.divergedAt == null ? -1 : racer.divergedAt, racer.divergenceReason));
        }
        return RaceSnapshot.of(list, steps, finished);
    }

    private void stepRacer(int index, TrainingRacer racer, int n, NetworkData batchData) {
        int lossCols = spec.loss() == Loss.MSE ? spec.outputs() : 1;
        double sum = 0;
        for (int i = 0; i < n * lossCols; i++) {
            sum += lossBuffer[index * n * lossCols + i];
        }
        double batchLoss = sum / (n * lossCols);
        racer.epochLoss += batchLoss * n;
        racer.epochRows += n;
        if (batchData != null) {
            racer.epochCorrect += Metrics.accuracy(spec.loss(), outputBuffer, index * n * spec.outputs(),
                    spec.outputs(), batchData) * n;
        }
        if (!Double.isFinite(batchLoss)) {
            racer.diverge(steps, "loss " + batchLoss);
            return;
        }
        mlp.gradient(index, gradient, weightSquares);
        double total = 0;
        for (int l = 0; l < spec.layers(); l++) {
            double sq = weightSquares[l];
            racer.gradNormSums[l] += Math.sqrt(sq);
            total += sq;
        }
        for (int l = 0; l < spec.layers(); l++) {
            int end = l + 1 < spec.layers() ? layout.weight(l + 1) : layout.size();
            total += MlpBatch.sumOfSquares(gradient, layout.weight(l) + layout.weightCount(l), end);
        }
        double gradNorm = Math.sqrt(total);
        racer.epochSteps++;
        addPenalties(racer.params, gradient);
        TrainingRacerSpec rs = racer.spec;
        if (!Double.isNaN(rs.clipNorm())) {
            GradientClipping.clipGradNorm(gradient, rs.clipNorm());
        }
        if (!Double.isNaN(rs.clipValue())) {
            GradientClipping.clipGradValue(gradient, rs.clipValue());
        }
        double lr = racer.schedule.learningRate();
        StepContext context = new StepContext(lr, racer.schedule.momentum());
        if (recordStepTraces) {
            racer.trace.setLastStep(racer.optimizer.step(racer.params, gradient, context));
        } else {
            racer.optimizer.stepWithoutTrace(racer.params, gradient, context);
        }
        racer.steps++;
        racer.lastLr = lr;
        racer.pending = new double[] {batchLoss, gradNorm, lr};
        if (!mlp.setParametersIfFinite(index, racer.params)) {
            racer.diverge(steps, "weights not finite");
            return;
        }
        mlp.updateRunningStatistics(index);
        if (!racer.epochSchedule()) {
            racer.schedule.advance(batchLoss);
        }
    }

    private void addPenalties(double[] params, double[] grad) {
        if (options.l1() == 0 && options.l2() == 0) {
            return;
        }
        for (int l = 0; l < spec.layers(); l++) {
            for (int i = layout.weight(l); i < layout.weight(l) + layout.weightCount(l); i++) {
                grad[i] += options.l1() * Math.signum(params[i]) + 2 * options.l2() * params[i];
            }
        }
    }

    private void endEpoch() {
        epoch++;
        boolean hasVal = val.rows() > 0;
        NetworkData eval = hasVal ? val : train;
        ActivationStatistics stats = new ActivationStatistics(racers.length, spec.hidden().size());
        float[] outputs = new float[racers.length * eval.rows() * spec.outputs()];
        mlp.predict(eval.features(), eval.rows(), outputs, stats);
        boolean anyRunning = false;
        for (int r = 0; r < racers.length; r++) {
            TrainingRacer racer = racers[r];
            if (!racer.activeThisEpoch) {
                continue;
            }
            int offset = r * eval.rows() * spec.outputs();
            double valLoss = hasVal ? Metrics.loss(spec.loss(), outputs, offset, spec.outputs(), val) : Double.NaN;
            double valAccuracy = hasVal ? Metrics.accuracy(spec.loss(), outputs, offset, spec.outputs(), val) : Double.NaN;
            TrainingRaceEpoch record = racer.record(r, epoch, valLoss, valAccuracy, stats, train.labels() != null);
            history.add(record);
            racer.last = record;
            if (racer.divergedAt == null) {
                divergeOnNonFiniteEpochLoss(racer, record,
                        hasVal ? valLoss : evaluationLossForFiniteness(outputs, offset, train), hasVal);
            }
            if (racer.divergedAt != null) {
                racer.activeThisEpoch = false;
                continue;
            }
            double checkpointValue = hasVal ? valLoss : record.trainLoss();
            if (racer.epochSchedule()) {
                racer.schedule.advance(checkpointValue);
            }
            boolean stop = false;
            boolean improved;
            if (racer.monitor != null) {
                stop = racer.monitor.shouldStop(epoch - 1, monitored(stopping.monitor(), record, hasVal));
                improved = racer.monitor.isNewBest();
            } else {
                improved = Double.isFinite(checkpointValue) && checkpointValue < racer.bestMonitored;
            }
            if (improved) {
                racer.bestMonitored = checkpointValue;
                racer.bestParams = racer.params.clone();
                racer.bestStats = mlp.runningStatistics(r);
                racer.best = record;
            }
            if (stop) {
                racer.stoppedAt = epoch;
                restoreBestIfAsked(r, racer);
                continue;
            }
            anyRunning = true;
        }
        for (TrainingRaceEpoch record : history.subList(history.size() - countThisEpoch(), history.size())) {
            listeners.forEach(l -> l.accept(record));
        }
        if (!anyRunning || epoch >= options.epochs()) {
            finished = true;
            for (int r = 0; r < racers.length; r++) {
                if (racers[r].running()) {
                    restoreBestIfAsked(r, racers[r]);
                }
            }
        }
    }

    /**
     * The loss over the training rows' outputs where it decides whether the racer diverged:
     * with every output finite, a cross-entropy loss (m + log sum exp(o - m) - o_target, the
     * sum in [1, outputs]) and a binary one are finite, so only MSE and non-finite outputs
     * need the full sum (which cost about 0.2 ms per epoch of 8 racers on 600 rows).
     */
    private double evaluationLossForFiniteness(float[] outputs, int offset, NetworkData data) {
        if (spec.loss() != Loss.MSE) {
            boolean finite = true;
            for (int i = offset, end = offset + data.rows() * spec.outputs(); i < end; i++) {
                finite &= Float.isFinite(outputs[i]);
            }
            if (finite) {
                return 0;
            }
        }
        return Metrics.loss(spec.loss(), outputs, offset, spec.outputs(), data);
    }

    /**
     * The float forward pass can overflow where the double minibatch loss and weights stayed
     * finite (a huge but finite weight times an activation): a non-finite epoch training loss
     * or evaluation loss is divergence at the epoch's last step, decided before early stopping
     * or a plateau schedule reads the value.
     *
     * @param evalLoss the loss of the inference pass: on the validation rows, or on the
     *                 training rows when there are none
     */
    private void divergeOnNonFiniteEpochLoss(TrainingRacer racer, TrainingRaceEpoch record, double evalLoss,
                                             boolean hasVal) {
        if (!Double.isFinite(record.trainLoss())) {
            racer.diverge(steps, "training loss " + record.trainLoss());
        } else if (!Double.isFinite(evalLoss)) {
            racer.diverge(steps, (hasVal ? "validation loss " : "evaluation loss ") + evalLoss);
        }
    }

    /** Keras restores the best epoch's weights when early stopping ends training and at the end of training. */
    private void restoreBestIfAsked(int r, TrainingRacer racer) {
        if (racer.monitor != null && racer.monitor.shouldRestoreBestWeights() && racer.bestParams != null) {
            racer.restoredBest = true;
            System.arraycopy(racer.bestParams, 0, racer.params, 0, racer.params.length);
            mlp.setParameters(r, racer.params);
            mlp.setRunningStatistics(r, racer.bestStats);
        }
    }

    /** The value early stopping monitors, by Keras-style name. */
    private static double monitored(String name, TrainingRaceEpoch e, boolean hasVal) {
        return switch (name) {
            case "val_loss" -> hasVal ? e.valLoss() : e.trainLoss();
            case "val_accuracy" -> hasVal ? e.valAccuracy() : e.trainAccuracy();
            case "train_loss", "loss" -> e.trainLoss();
            case "train_accuracy", "accuracy" -> e.trainAccuracy();
            default -> throw new ConfigException("early stopping: monitor must be val_loss, val_accuracy, train_loss"
                    + " or train_accuracy, was '" + name + "'");
        };
    }

    private int countThisEpoch() {
        int count = 0;
        for (int i = history.size() - 1; i >= 0 && history.get(i).epoch() == epoch; i--) {
            count++;
        }
        return count;
    }

    /** The epoch after which early stopping ended racer {@code racer}, or null while it has not. */
    public Integer stoppedEarlyAt(int racer) {
        return racers[racer].stoppedAt;
    }

    /** How each racer ended (call after {@link #run()}). */
    public List<TrainingRaceResult> results() {
        List<TrainingRaceResult> out = new ArrayList<>();
        for (TrainingRacer racer : racers) {
            TrainingRaceEpoch m = racer.restoredBest ? racer.best : racer.last;
            int epochsRun = racer.last == null ? 0 : racer.last.epoch();
            out.add(new TrainingRaceResult(racer.spec.label(), epochsRun,
                    m == null ? Double.NaN : m.trainLoss(), m == null ? Double.NaN : m.valLoss(),
                    m == null ? Double.NaN : m.trainAccuracy(), m == null ? Double.NaN : m.valAccuracy(),
                    racer.divergedAt, racer.stoppedAt));
        }
        return out;
    }

    private int[] shuffledRows() {
        int n = train.rows();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffleRandom.nextInt(i + 1);
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
        return rows;
    }

    private NetworkData slice(int[] rows) {
        if (train.labels() == null) {
            return null;
        }
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = train.labels()[rows[i]];
        }
        return new NetworkData(new float[0], new float[0], rows.length, spec.inputs(), train.targetColumns(), labels);
    }

    @Override
    public void close() {
        mlp.close();
    }
}
