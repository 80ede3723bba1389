package dev.descent.core.bench;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Transpose;

import java.util.List;
import java.util.SplittableRandom;

/** The catalogue of benchmarks {@code bench} runs, and the GEMM benchmark itself. */
public final class Benchmarks {

    /** Training benchmarks; the network engine adds its racer benchmark here. */
    private static final List<TrainingBenchmark> TRAINING = List.of(
            new dev.descent.core.race.TrainingRaceBenchmark(8));

    private Benchmarks() {
    }

    public static List<TrainingBenchmark> training() {
        return TRAINING;
    }

    /**
     * GFLOP/s of {@code shape} on {@code backend}: {@code C = A B} (alpha 1, beta 0) on
     * buffers filled from {@code random} with values in [-1, 1), median per {@code timing}.
     */
    public static GemmResult gemm(Backend backend, GemmShape shape, Timing timing, SplittableRandom random) {
        int m = shape.m();
        int n = shape.n();
        int k = shape.k();
        int batch = shape.batch();
        try (DeviceBuffer a = filled(backend, (long) batch * m * k, random);
             DeviceBuffer b = filled(backend, (long) batch * k * n, random);
             DeviceBuffer c = backend.allocate((long) batch * m * n)) {
            float[] last = new float[1];
            double seconds = timing.medianSeconds(() -> {
                backend.gemmBatched(Transpose.NO, Transpose.NO, m, n, k, 1f,
                        a, 0, (long) m * k, b, 0, (long) k * n, 0f, c, 0, (long) m * n, batch);
                // reading one float waits for an asynchronous backend (CUDA queues the GEMM and returns)
                backend.download(c, (long) batch * m * n - 1, last, 0, 1);
            });
            return new GemmResult(backend.name(), m, n, k, batch, shape.flops() / seconds / 1e9);
        }
    }

    private static DeviceBuffer filled(Backend backend, long length, SplittableRandom random) {
        DeviceBuffer buffer = backend.allocate(length);
        float[] chunk = new float[(int) Math.min(length, 1 << 16)];
        for (long at = 0; at < length; at += chunk.length) {
            int count = (int) Math.min(chunk.length, length - at);
            for (int i = 0; i < count; i++) {
                chunk[i] = (float) (random.nextDouble() * 2 - 1);
            }
            backend.upload(chunk, 0, buffer, at, count);
        }
        return buffer;
    }
}
