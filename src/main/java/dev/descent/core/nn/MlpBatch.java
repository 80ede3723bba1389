package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import dev.descent.core.compute.Transpose;
import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * K nets of one {@link MlpSpec} on a {@link Backend}, computed together: every layer is one
 * batched GEMM over the K nets, the minibatch is shared (stride 0), and so are the dropout
 * masks and RReLU slopes drawn from the host's generator. The host owns the master weights
 * (double) and sends them with {@link #setParameters}; this class computes the forward pass,
 * the loss and the backward pass in float32 and returns gradients in the flat
 * {@link ParameterLayout} order. What crosses the bus per training step: the minibatch indices,
 * the host-drawn dropout masks and RReLU slopes, one copy of all K nets' parameters and one
 * of their gradients ({@link PackedArrays}), the losses and outputs, and with batch norm one
 * copy of the batch statistics (the running statistics are kept in double on the host, as
 * the reproducibility pins require, and sent when an inference pass needs them).
 *
 * <p>Per hidden layer l (n = fan_out, Z the linear output; BN, f and the dropout rate are the layer's own):
 * <pre>
 *   forward:  Z = X W + b;  H = BN(Z) or Z;  A = f(H);  D = A * mask (+ shift) or A;  next X = D
 *   backward: dW = X^T dZ;  db = colsum(dZ);  dX = dZ W^T;  dA = dD * mask;  dH = dA f'(H);
 *             dZ = BNbackward(dH) or dH;  dalpha = sum dA min(H, 0)  (PReLU)
 * </pre>
 * Batch norm as torch's BatchNorm1d: momentum 0.1, eps 1e-5, running variance unbiased.
 * For layer 0, b is a last row of the stored W against a column of ones after the input
 * features, so {@code X W + b} and {@code db = colsum(dZ)} come out of its two products
 * ({@link #storedRows}).
 */
public final class MlpBatch implements AutoCloseable {

    /** torch's BatchNorm1d defaults. */
    public static final double BN_MOMENTUM = 0.1;
    public static final float BN_EPS = 1e-5f;

    private final Backend backend;
    private final MlpSpec spec;
    private final ParameterLayout layout;
    private final int nets;
    private final int capacity;
    private final int layers;
    private final int targetColumns;
    private final List<DeviceBuffer> owned = new ArrayList<>();

    private final DeviceBuffer[] w, b, gamma, beta, alpha;
    private final DeviceBuffer[] gw, gb, ggamma, gbeta, galpha;
    private final DeviceBuffer[] z, xhat, h, a, d, gz, ga;
    private final DeviceBuffer[] mean, var, runMean, runVar;
    private final DeviceBuffer[] mask, shift, slopes;
    private final DeviceBuffer x, t, indices, loss;
    /** w, b, gamma, beta, alpha of the K nets: one upload per step (see {@link PackedArrays}). */
    private final PackedArrays parameters;
    /** Their gradients: one download per step. */
    private final PackedArrays gradients;
    /** The batch-norm batch means and variances: one download per training step with batch norm. */
    private final PackedArrays statistics;
    /** The batch-norm running means and variances: uploaded when an inference pass needs them. */
    private final PackedArrays running;
    private DeviceBuffer trainX;
    private DeviceBuffer trainT;
    private int trainRows;
    private final double[][][] runningMean;
    private final double[][][] runningVar;
    private final float[] scratch;
    private int lastRows;
    /** Per net, the host copy of one hidden layer's activations that {@link #collect} sums; reused. */
    private final float[][] activationCopies;

    /**
     * @param nets     K, the number of nets (racers)
     * @param capacity the most rows one pass handles (the training batch size, or more)
     */
    public MlpBatch(Backend backend, MlpSpec spec, int nets, int capacity) {
        if (nets < 1) {
            throw new ConfigException("nets must be >= 1, was " + nets);
        }
        if (capacity < 1) {
            throw new ConfigException("capacity must be >= 1, was " + capacity);
        }
        this.backend = backend;
        this.spec = spec;
        this.layout = new ParameterLayout(spec);
        this.nets = nets;
        this.capacity = capacity;
        this.layers = spec.layers();
        this.targetColumns = spec.loss() == Loss.MSE ? spec.outputs() : 1;
        w = new DeviceBuffer[layers];
        b = new DeviceBuffer[layers];
        gamma = new DeviceBuffer[layers];
        beta = new DeviceBuffer[layers];
        alpha = new DeviceBuffer[layers];
        gw = new DeviceBuffer[layers];
        gb = new DeviceBuffer[layers];
        ggamma = new DeviceBuffer[layers];
        gbeta = new DeviceBuffer[layers];
        galpha = new DeviceBuffer[layers];
        z = new DeviceBuffer[layers];
        xhat = new DeviceBuffer[layers];
        h = new DeviceBuffer[layers];
        a = new DeviceBuffer[layers];
        d = new DeviceBuffer[layers];
        gz = new DeviceBuffer[layers];
        ga = new DeviceBuffer[layers];
        mean = new DeviceBuffer[layers];
        var = new DeviceBuffer[layers];
        runMean = new DeviceBuffer[layers];
        runVar = new DeviceBuffer[layers];
        mask = new DeviceBuffer[layers];
        shift = new DeviceBuffer[layers];
        slopes = new DeviceBuffer[layers];
        runningMean = new double[nets][layers][];
        runningVar = new double[nets][layers][];
        long normalized = 0;
        for (int l = 0; l < layers; l++) {
            normalized += layout.gamma(l) >= 0 ? spec.fanOut(l) : 0;
        }
        parameters = new PackedArrays(backend, alloc((long) nets * layout.size()));
        gradients = new PackedArrays(backend, alloc((long) nets * layout.size()));
        statistics = new PackedArrays(backend, alloc(2L * nets * normalized));
        running = new PackedArrays(backend, alloc(2L * nets * normalized));
        for (int l = 0; l < layers; l++) {
            int in = spec.fanIn(l);
            int out = spec.fanOut(l);
            w[l] = parameters.next((long) nets * storedRows(l) * out);
            b[l] = l == 0 ? null : parameters.next((long) nets * out);
            gw[l] = gradients.next((long) nets * storedRows(l) * out);
            gb[l] = l == 0 ? null : gradients.next((long) nets * out);
            z[l] = alloc((long) nets * capacity * out);
            gz[l] = alloc((long) nets * capacity * out);
            if (!spec.isHidden(l)) {
                continue;
            }
            a[l] = alloc((long) nets * capacity * out);
            ga[l] = alloc((long) nets * capacity * out);
            if (spec.batchNorm(l)) {
                gamma[l] = parameters.next((long) nets * out);
                beta[l] = parameters.next((long) nets * out);
                ggamma[l] = gradients.next((long) nets * out);
                gbeta[l] = gradients.next((long) nets * out);
                xhat[l] = alloc((long) nets * capacity * out);
                h[l] = alloc((long) nets * capacity * out);
                mean[l] = statistics.next((long) nets * out);
                var[l] = statistics.next((long) nets * out);
                runMean[l] = running.next((long) nets * out);
                runVar[l] = running.next((long) nets * out);
                for (int p = 0; p < nets; p++) {
                    runningMean[p][l] = new double[out];
                    runningVar[p][l] = filled(out, 1.0);
                }
                running.upload(toFloat(filled(nets * out, 1.0)), 0, runVar[l], 0, nets * out);
            }
            if (spec.activation(l).function() == Activation.PRELU) {
                alpha[l] = parameters.next(nets);
                galpha[l] = gradients.next(nets);
            }
            if (spec.activation(l).function() == Activation.RRELU) {
                slopes[l] = alloc((long) capacity * out);
            }
            if (spec.dropout(l) > 0) {
                d[l] = alloc((long) nets * capacity * out);
                mask[l] = alloc((long) capacity * out);
                shift[l] = spec.alphaDropout(l) ? alloc((long) capacity * out) : null;
            }
        }
        x = alloc((long) capacity * (spec.inputs() + 1));
        t = alloc((long) capacity * targetColumns);
        indices = alloc(capacity);
        loss = alloc((long) nets * capacity * spec.outputs());
        scratch = new float[layout.size()];
        activationCopies = new float[nets][0];
        for (PackedArrays packed : List.of(parameters, gradients, statistics, running)) {
            packed.requireFull();
        }
    }

    public MlpSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public int nets() {
        return nets;
    }

    public int capacity() {
        return capacity;
    }

    /** Target values per row: 1 (class index, or 0/1 for bce) or, for mse, one per output. */
    public int targetColumns() {
        return targetColumns;
    }

    // ---- parameters ----

    /** Sends net {@code net}'s master weights (flat layout, double) to the backend as float. */
    public void setParameters(int net, double[] params) {
        toScratch(net, params);
        send(net);
    }

    /**
     * As {@link #setParameters} when every value of {@code params} is finite; otherwise sends
     * nothing (the backend keeps the net's previous weights) and returns false. One pass
     * over the weights both checks and converts them.
     */
    public boolean setParametersIfFinite(int net, double[] params) {
        if (!toScratch(net, params)) {
            return false;
        }
        send(net);
        return true;
    }

    /**
     * Rounds {@code params} to float into the scratch array; true when every value is finite,
     * tested by eight interleaved sums of {@code p * 0} (0 for finite p, NaN for an infinite or
     * NaN one): a compare in the loop, or one chain of sums, cost as much again as converting.
     */
    private boolean toScratch(int net, double[] params) {
        checkNet(net);
        if (params.length != layout.size()) {
            throw new IllegalArgumentException("params must have " + layout.size() + " values, was " + params.length);
        }
        float[] f = scratch;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double a4 = 0;
        double a5 = 0;
        double a6 = 0;
        double a7 = 0;
        int n = params.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            double v0 = params[i];
            double v1 = params[i + 1];
            double v2 = params[i + 2];
            double v3 = params[i + 3];
            double v4 = params[i + 4];
            double v5 = params[i + 5];
            double v6 = params[i + 6];
            double v7 = params[i + 7];
            f[i] = (float) v0;
            f[i + 1] = (float) v1;
            f[i + 2] = (float) v2;
            f[i + 3] = (float) v3;
            f[i + 4] = (float) v4;
            f[i + 5] = (float) v5;
            f[i + 6] = (float) v6;
            f[i + 7] = (float) v7;
            a0 += v0 * 0;
            a1 += v1 * 0;
            a2 += v2 * 0;
            a3 += v3 * 0;
            a4 += v4 * 0;
            a5 += v5 * 0;
            a6 += v6 * 0;
            a7 += v7 * 0;
        }
        for (; i < n; i++) {
            f[i] = (float) params[i];
            a0 += params[i] * 0;
        }
        return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) == 0;
    }

    /** Stages the scratch array as net {@code net}'s parameters, for the next pass. */
    private void send(int net) {
        for (int l = 0; l < layers; l++) {
            int in = spec.fanIn(l);
            int out = spec.fanOut(l);
            if (l == 0) {
                // W_0 and b_0 are consecutive in the flat layout: together they are the stored rows
                parameters.upload(scratch, layout.weight(0), w[0], (long) net * (in + 1) * out, (in + 1) * out);
            } else {
                parameters.upload(scratch, layout.weight(l), w[l], (long) net * in * out, in * out);
                parameters.upload(scratch, layout.bias(l), b[l], (long) net * out, out);
            }
            if (layout.gamma(l) >= 0) {
                parameters.upload(scratch, layout.gamma(l), gamma[l], (long) net * out, out);
                parameters.upload(scratch, layout.beta(l), beta[l], (long) net * out, out);
            }
            if (layout.alpha(l) >= 0) {
                parameters.upload(scratch, layout.alpha(l), alpha[l], net, 1);
            }
        }
    }

    /** The gradient of net {@code net} from the last {@link #trainStep}, flat layout. */
    public void gradient(int net, double[] out) {
        gradient(net, out, null);
    }

    /**
     * As {@link #gradient(int, double[])}, and when {@code weightSquares} is non-null, sets
     * {@code weightSquares[l]} to the sum of the squares of layer l's weight gradient, in the
     * order of {@link #sumOfSquares} over its range of the flat layout (the same bits),
     * summed as the values are converted.
     */
    public void gradient(int net, double[] out, double[] weightSquares) {
        checkNet(net);
        if (out.length != layout.size()) {
            throw new IllegalArgumentException("out must have " + layout.size() + " values, was " + out.length);
        }
        for (int l = 0; l < layers; l++) {
            int in = spec.fanIn(l);
            int o = spec.fanOut(l);
            long at = (long) net * storedRows(l) * o;
            double sq = gradients.downloadWithSquares(gw[l], at, out, layout.weight(l), in * o);
            if (weightSquares != null) {
                weightSquares[l] = sq;
            }
            if (l == 0) {
                gradients.download(gw[0], at + (long) in * o, scratch, layout.bias(0), o);
            } else {
                gradients.download(gb[l], (long) net * o, scratch, layout.bias(l), o);
            }
            convert(layout.bias(l), o, out);
            if (layout.gamma(l) >= 0) {
                gradients.download(ggamma[l], (long) net * o, scratch, layout.gamma(l), o);
                gradients.download(gbeta[l], (long) net * o, scratch, layout.beta(l), o);
                convert(layout.gamma(l), o, out);
                convert(layout.beta(l), o, out);
            }
            if (layout.alpha(l) >= 0) {
                gradients.download(galpha[l], net, scratch, layout.alpha(l), 1);
                convert(layout.alpha(l), 1, out);
            }
        }
    }

    private void convert(int from, int count, double[] out) {
        for (int i = from; i < from + count; i++) {
            out[i] = scratch[i];
        }
    }

    /**
     * The sum of {@code v[i]^2} over [from, to), in four interleaved partial sums (element i
     * into sum (i - from) mod 4, the last up to three into the first, then (s0 + s1) + (s2 + s3)):
     * one chain of dependent adds would run at the adder's latency, and the race sums every
     * racer's gradient every step.
     */
    public static double sumOfSquares(double[] v, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += v[i] * v[i];
            s1 += v[i + 1] * v[i + 1];
            s2 += v[i + 2] * v[i + 2];
            s3 += v[i + 3] * v[i + 3];
        }
        for (; i < to; i++) {
            s0 += v[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The running means then running variances of every batch-norm layer of a net (empty without BN). */
    public double[] runningStatistics(int net) {
        checkNet(net);
        List<Double> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            if (runningMean[net][l] != null) {
                for (double v : runningMean[net][l]) {
                    all.add(v);
                }
                for (double v : runningVar[net][l]) {
                    all.add(v);
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Restores what {@link #runningStatistics} returned. */
    public void setRunningStatistics(int net, double[] stats) {
        checkNet(net);
        int at = 0;
        for (int l = 0; l < layers; l++) {
            if (runningMean[net][l] != null) {
                int n = runningMean[net][l].length;
                System.arraycopy(stats, at, runningMean[net][l], 0, n);
                System.arraycopy(stats, at + n, runningVar[net][l], 0, n);
                at += 2 * n;
                uploadRunning(net, l);
            }
        }
    }

    // ---- training ----

    /**
     * Places the training set on the backend; minibatches are gathered from it by index.
     *
     * @param features rows x inputs, row-major
     * @param targets  rows x {@link #targetColumns()}
     */
    public void loadTrainingSet(float[] features, float[] targets, int rows) {
        if (features.length != rows * spec.inputs() || targets.length != rows * targetColumns) {
            throw new IllegalArgumentException("training set arrays do not match " + rows + " rows");
        }
        if (trainX != null) {
            owned.remove(trainX);
            owned.remove(trainT);
            trainX.close();
            trainT.close();
        }
        float[] withOnes = withOnes(features, 0, rows);
        trainX = alloc(withOnes.length);
        trainT = alloc(targets.length);
        backend.upload(withOnes, 0, trainX, 0, withOnes.length);
        backend.upload(targets, 0, trainT, 0, targets.length);
        trainRows = rows;
    }

    /**
     * One forward and backward pass in training mode on the training-set rows {@code rows}
     * for all K nets; afterwards {@link #gradient}, {@link #losses} and {@link #outputs} read
     * the results. Dropout masks and RReLU slopes come from {@code random}, shared by the nets.
     */
    public void trainStep(int[] rows, RandomGenerator random) {
        int n = rows.length;
        if (n < 1 || n > capacity) {
            throw new IllegalArgumentException("batch rows must be in [1, " + capacity + "], was " + n);
        }
        if (spec.anyBatchNorm() && n < 2) {
            throw new ConfigException("batch norm needs at least 2 rows in a training batch, got 1");
        }
        if (trainX == null) {
            throw new IllegalStateException("no training set loaded");
        }
        float[] idx = new float[n];
        for (int i = 0; i < n; i++) {
            if (rows[i] < 0 || rows[i] >= trainRows) {
                throw new IllegalArgumentException("row must be in [0, " + trainRows + "), was " + rows[i]);
            }
            idx[i] = rows[i];
        }
        backend.upload(idx, 0, indices, 0, n);
        backend.gatherRows(n, spec.inputs() + 1, trainX, indices, x);
        backend.gatherRows(n, targetColumns, trainT, indices, t);
        drawNoise(n, random);
        forward(n, true);
        lossAndGradient(n);
        backward(n);
        gradients.deviceWrote();
        statistics.deviceWrote();
        lastRows = n;
    }

    /** Loss terms of the last training step: K x rows x (outputs for mse, else 1), packed per net. */
    public void losses(float[] out) {
        int cols = spec.loss() == Loss.MSE ? spec.outputs() : 1;
        for (int p = 0; p < nets; p++) {
            backend.download(loss, (long) p * capacity * spec.outputs(), out, p * lastRows * cols, lastRows * cols);
        }
    }

    /** The outputs (logits) of the last pass: K x rows x outputs, packed per net. */
    public void outputs(float[] out) {
        int o = spec.outputs();
        DeviceBuffer logits = z[layers - 1];
        for (int p = 0; p < nets; p++) {
            backend.download(logits, (long) p * capacity * o, out, p * lastRows * o, lastRows * o);
        }
    }

    /**
     * Updates net {@code net}'s batch-norm running statistics from the last training step, as
     * torch: {@code run_mean = (1-m) run_mean + m mean},
     * {@code run_var = (1-m) run_var + m var * rows/(rows-1)}, m = 0.1.
     */
    public void updateRunningStatistics(int net) {
        checkNet(net);
        for (int l = 0; l < layers - 1; l++) {
            if (!spec.batchNorm(l)) {
                continue;
            }
            int out = spec.fanOut(l);
            float[] mu = new float[out];
            float[] v = new float[out];
            statistics.download(mean[l], (long) net * out, mu, 0, out);
            statistics.download(var[l], (long) net * out, v, 0, out);
            double unbias = lastRows / (lastRows - 1.0);
            for (int j = 0; j < out; j++) {
                runningMean[net][l][j] = (1 - BN_MOMENTUM) * runningMean[net][l][j] + BN_MOMENTUM * mu[j];
                runningVar[net][l][j] = (1 - BN_MOMENTUM) * runningVar[net][l][j] + BN_MOMENTUM * v[j] * unbias;
            }
            uploadRunning(net, l);
        }
    }

    // ---- inference ----

    /**
     * Outputs in inference mode (running BN statistics, no dropout, RReLU at its mean slope)
     * for {@code rows} rows, in chunks of the capacity.
     *
     * @param features rows x inputs
     * @param out      K x rows x outputs, packed per net. Modified.
     * @param stats    when non-null, collects each hidden layer's activation mean and std. Modified.
     */
    public void predict(float[] features, int rows, float[] out, ActivationStatistics stats) {
        int o = spec.outputs();
        float[] chunkOut = new float[nets * capacity * o];
        for (int start = 0; start < rows; start += capacity) {
            int n = Math.min(capacity, rows - start);
            float[] chunk = withOnes(features, start, n);
            backend.upload(chunk, 0, x, 0, chunk.length);
            forward(n, false);
            lastRows = n;
            outputs(chunkOut);
            for (int p = 0; p < nets; p++) {
                System.arraycopy(chunkOut, p * n * o, out, p * rows * o + start * o, n * o);
            }
            if (stats != null) {
                collect(stats, n);
            }
        }
    }

    /**
     * Sums each hidden layer's activations net by net on the backend's host threads, each
     * body downloading its own net's copy (the copies then run in parallel, and the sum reads
     * what its own thread has just written).
     */
    private void collect(ActivationStatistics stats, int n) {
        float[][] values = activationCopies;
        for (int l = 0; l < layers - 1; l++) {
            int out = spec.fanOut(l);
            for (int p = 0; p < nets; p++) {
                if (values[p].length != n * out) {
                    values[p] = new float[n * out];
                }
            }
            int layer = l;
            DeviceBuffer activations = a[l];
            backend.forEachOnHost(nets, p -> {
                backend.download(activations, (long) p * capacity * out, values[p], 0, n * out);
                stats.add(p, layer, values[p]);
            });
        }
    }

    // ---- the passes ----

    private void forward(int n, boolean training) {
        parameters.flush();
        if (!training) {
            running.flush();
        }
        Strided in = Strided.shared(x);
        for (int l = 0; l < layers; l++) {
            int fi = spec.fanIn(l);
            int fo = spec.fanOut(l);
            long act = (long) capacity * fo;
            int k = storedRows(l);
            backend.gemmBatched(Transpose.NO, Transpose.NO, n, fo, k, 1f,
                    in.buffer(), in.offset(), in.stride(), w[l], 0, (long) k * fo,
                    0f, z[l], 0, act, nets);
            if (l > 0) {
                backend.addBias(nets, n, fo, Strided.of(z[l], act), Strided.of(b[l], fo));
            }
            if (!spec.isHidden(l)) {
                break;
            }
            Strided pre = Strided.of(z[l], act);
            if (spec.batchNorm(l)) {
                if (training) {
                    backend.batchNormStatistics(nets, n, fo, pre, Strided.of(mean[l], fo), Strided.of(var[l], fo));
                    backend.batchNormForward(nets, n, fo, pre, Strided.of(mean[l], fo), Strided.of(var[l], fo),
                            BN_EPS, Strided.of(gamma[l], fo), Strided.of(beta[l], fo), Strided.of(xhat[l], act),
                            Strided.of(h[l], act));
                } else {
                    backend.batchNormForward(nets, n, fo, pre, Strided.of(runMean[l], fo),
                            Strided.of(runVar[l], fo), BN_EPS, Strided.of(gamma[l], fo), Strided.of(beta[l], fo),
                            null, Strided.of(h[l], act));
                }
                pre = Strided.of(h[l], act);
            }
            ActivationSpec f = spec.activation(l);
            backend.activationForward(f.function(), f.param(), nets, n * fo, pre, slope(l, training),
                    Strided.of(a[l], act));
            in = Strided.of(a[l], act);
            if (training && spec.dropout(l) > 0) {
                backend.multiplyMask(nets, n * fo, in, Strided.shared(mask[l]),
                        shift[l] == null ? null : Strided.shared(shift[l]), Strided.of(d[l], act));
                in = Strided.of(d[l], act);
            }
        }
    }

    private void lossAndGradient(int n) {
        int o = spec.outputs();
        long act = (long) capacity * o;
        Strided logits = Strided.of(z[layers - 1], act);
        Strided grad = Strided.of(gz[layers - 1], act);
        Strided lossRows = Strided.of(loss, act);
        switch (spec.loss()) {
            case CE -> backend.softmaxCrossEntropy(nets, n, o, logits, Strided.shared(t), lossRows, grad, 1f / n);
            case BCE -> backend.binaryCrossEntropy(nets, n, logits, Strided.shared(t), lossRows, grad, 1f / n);
            case MSE -> backend.squaredError(nets, n * o, logits, Strided.shared(t), lossRows, grad, 1f / (n * o));
        }
    }

    private void backward(int n) {
        for (int l = layers - 1; l >= 0; l--) {
            int fi = spec.fanIn(l);
            int fo = spec.fanOut(l);
            long act = (long) capacity * fo;
            Strided in = input(l);
            int k = storedRows(l);
            backend.gemmBatched(Transpose.YES, Transpose.NO, k, fo, n, 1f,
                    in.buffer(), in.offset(), in.stride(), gz[l], 0, act,
                    0f, gw[l], 0, (long) k * fo, nets);
            if (l == 0) {
                // the last stored row, from the column of ones, is colsum(dZ): the bias gradient
                break;
            }
            backend.columnSums(nets, n, fo, Strided.of(gz[l], act), Strided.of(gb[l], fo));
            int p = l - 1;
            long pAct = (long) capacity * fi;
            Strided gradA = Strided.of(ga[p], pAct);
            backend.gemmBatched(Transpose.NO, Transpose.YES, n, fi, fo, 1f,
                    gz[l], 0, act, w[l], 0, (long) fi * fo,
                    0f, ga[p], 0, pAct, nets);
            if (spec.dropout(p) > 0) {
                backend.multiplyMask(nets, n * fi, gradA, Strided.shared(mask[p]), null, gradA);
            }
            boolean bn = spec.batchNorm(p);
            ActivationSpec f = spec.activation(p);
            Strided pre = Strided.of(bn ? h[p] : z[p], pAct);
            if (f.function() == Activation.PRELU) {
                backend.preluSlopeGradient(nets, n * fi, pre, gradA, Strided.of(galpha[p], 1));
            }
            Strided gradH = bn ? gradA : Strided.of(gz[p], pAct);
            backend.activationBackward(f.function(), f.param(), nets, n * fi, pre, slope(p, true), gradA, gradH);
            if (bn) {
                backend.batchNormBackward(nets, n, fi, gradA, Strided.of(xhat[p], pAct), Strided.of(var[p], fi), BN_EPS,
                        Strided.of(gamma[p], fi), Strided.of(gz[p], pAct), Strided.of(ggamma[p], fi),
                        Strided.of(gbeta[p], fi));
            }
        }
    }

    /**
     * The rows of layer l's stored weights: fan_in, and for layer 0 one more, its bias. The
     * input rows carry a column of ones after their features, so the first layer's product
     * adds its bias (1 * b_j, the last term of each sum, which rounds as the separate add did)
     * and the product for its weight gradient yields the bias gradient (the sum of dZ over the
     * rows, in row order) in its last row: one pass over the first layer's outputs fewer each
     * way, forward and backward.
     */
    private int storedRows(int l) {
        return l == 0 ? spec.fanIn(0) + 1 : spec.fanIn(l);
    }

    /** Rows {@code [start, start + count)} of {@code features} (inputs wide), each followed by a 1. */
    private float[] withOnes(float[] features, int start, int count) {
        int in = spec.inputs();
        float[] out = new float[count * (in + 1)];
        for (int r = 0; r < count; r++) {
            System.arraycopy(features, (start + r) * in, out, r * (in + 1), in);
            out[r * (in + 1) + in] = 1f;
        }
        return out;
    }

    /** The input of layer l as the forward pass of a training step saw it. */
    private Strided input(int l) {
        if (l == 0) {
            return Strided.shared(x);
        }
        long act = (long) capacity * spec.fanIn(l);
        return Strided.of(spec.dropout(l - 1) > 0 ? d[l - 1] : a[l - 1], act);
    }

    private Strided slope(int l, boolean training) {
        Activation f = spec.activation(l).function();
        if (f == Activation.PRELU) {
            return Strided.of(alpha[l], 1);
        }
        if (f == Activation.RRELU && training) {
            return Strided.shared(slopes[l]);
        }
        return null;
    }

    /** Dropout masks ({@link DropoutMasks}) and RReLU slopes ~ U(1/8, 1/3), shared by the nets, layer by layer. */
    private void drawNoise(int n, RandomGenerator random) {
        for (int l = 0; l < layers - 1; l++) {
            int count = n * spec.fanOut(l);
            if (slopes[l] != null) {
                float[] s = new float[count];
                for (int i = 0; i < count; i++) {
                    s[i] = (float) (ActivationSpec.RRELU_LOWER
                            + (ActivationSpec.RRELU_UPPER - ActivationSpec.RRELU_LOWER) * random.nextDouble());
                }
                backend.upload(s, 0, slopes[l], 0, count);
            }
            if (mask[l] != null) {
                float[] m = new float[count];
                if (shift[l] == null) {
                    DropoutMasks.inverted(spec.dropout(l), random, m, count);
                } else {
                    float[] sh = new float[count];
                    DropoutMasks.alpha(spec.dropout(l), random, m, sh, count);
                    backend.upload(sh, 0, shift[l], 0, count);
                }
                backend.upload(m, 0, mask[l], 0, count);
            }
        }
    }

    private void uploadRunning(int net, int l) {
        int out = runningMean[net][l].length;
        running.upload(toFloat(runningMean[net][l]), 0, runMean[l], (long) net * out, out);
        running.upload(toFloat(runningVar[net][l]), 0, runVar[l], (long) net * out, out);
    }

    private DeviceBuffer alloc(long length) {
        DeviceBuffer buffer = backend.allocate(length);
        owned.add(buffer);
        return buffer;
    }

    private void checkNet(int net) {
        if (net < 0 || net >= nets) {
            throw new IllegalArgumentException("net must be in [0, " + nets + "), was " + net);
        }
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Override
    public void close() {
        owned.forEach(DeviceBuffer::close);
        owned.clear();
    }
}
