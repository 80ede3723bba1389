package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import dev.descent.core.compute.Transpose;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A backend that passes every call on and records which threads made them (and how many calls each). */
final class ThreadRecordingBackend implements Backend {
    private final Backend inner;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    ThreadRecordingBackend(Backend inner) {
        this.inner = inner;
    }

    /** Thread name to number of backend calls made from it. */
    Map<String, Long> callsByThread() {
        Map<String, Long> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private void record() {
        calls.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public DeviceBuffer allocate(long length) {
        record();
        return inner.allocate(length);
    }

    @Override
    public void upload(float[] src, int srcOffset, DeviceBuffer dst, long dstOffset, int count) {
        record();
        inner.upload(src, srcOffset, dst, dstOffset, count);
    }

    @Override
    public void download(DeviceBuffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        record();
        inner.download(src, srcOffset, dst, dstOffset, count);
    }

    @Override
    public void gemmBatched(Transpose transA, Transpose transB, int m, int n, int k, float alpha, DeviceBuffer a,
                            long aOffset, long aStride, DeviceBuffer b, long bOffset, long bStride, float beta,
                            DeviceBuffer c, long cOffset, long cStride, int batch) {
        record();
        inner.gemmBatched(transA, transB, m, n, k, alpha, a, aOffset, aStride, b, bOffset, bStride, beta, c, cOffset,
                cStride, batch);
    }

    @Override
    public void addBias(int batch, int rows, int cols, Strided z, Strided bias) {
        record();
        inner.addBias(batch, rows, cols, z, bias);
    }

    @Override
    public void activationForward(Activation f, float param, int batch, int n, Strided z, Strided slope, Strided a) {
        record();
        inner.activationForward(f, param, batch, n, z, slope, a);
    }

    @Override
    public void activationBackward(Activation f, float param, int batch, int n, Strided z, Strided slope,
                                   Strided gradA, Strided gradZ) {
        record();
        inner.activationBackward(f, param, batch, n, z, slope, gradA, gradZ);
    }

    @Override
    public void preluSlopeGradient(int batch, int n, Strided z, Strided gradA, Strided out) {
        record();
        inner.preluSlopeGradient(batch, n, z, gradA, out);
    }

    @Override
    public void softmaxCrossEntropy(int batch, int rows, int classes, Strided logits, Strided target, Strided loss,
                                    Strided grad, float scale) {
        record();
        inner.softmaxCrossEntropy(batch, rows, classes, logits, target, loss, grad, scale);
    }

    @Override
    public void binaryCrossEntropy(int batch, int n, Strided logits, Strided target, Strided loss, Strided grad,
                                   float scale) {
        record();
        inner.binaryCrossEntropy(batch, n, logits, target, loss, grad, scale);
    }

    @Override
    public void squaredError(int batch, int n, Strided prediction, Strided target, Strided loss, Strided grad,
                             float scale) {
        record();
        inner.squaredError(batch, n, prediction, target, loss, grad, scale);
    }

    @Override
    public void columnSums(int batch, int rows, int cols, Strided x, Strided out) {
        record();
        inner.columnSums(batch, rows, cols, x, out);
    }

    @Override
    public void batchNormStatistics(int batch, int rows, int cols, Strided x, Strided mean, Strided var) {
        record();
        inner.batchNormStatistics(batch, rows, cols, x, mean, var);
    }

    @Override
    public void batchNormForward(int batch, int rows, int cols, Strided x, Strided mean, Strided var, float eps,
                                 Strided gamma, Strided beta, Strided xhat, Strided y) {
        record();
        inner.batchNormForward(batch, rows, cols, x, mean, var, eps, gamma, beta, xhat, y);
    }

    @Override
    public void batchNormBackward(int batch, int rows, int cols, Strided gradY, Strided xhat, Strided var, float eps,
                                  Strided gamma, Strided gradX, Strided gradGamma, Strided gradBeta) {
        record();
        inner.batchNormBackward(batch, rows, cols, gradY, xhat, var, eps, gamma, gradX, gradGamma, gradBeta);
    }

    @Override
    public void multiplyMask(int batch, int n, Strided x, Strided mask, Strided shift, Strided out) {
        record();
        inner.multiplyMask(batch, n, x, mask, shift, out);
    }

    @Override
    public void gatherRows(int count, int cols, DeviceBuffer src, DeviceBuffer indices, DeviceBuffer dst) {
        record();
        inner.gatherRows(count, cols, src, indices, dst);
    }

    @Override
    public void close() {
        record();
        inner.close();
    }
}
