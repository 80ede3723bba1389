package dev.descent.core.bench;

import dev.descent.core.compute.Backend;

/**
 * A training-throughput benchmark run by {@code bench} on each backend, e.g. 8 racers on a
 * 600-point spiral with a 2-64-64-3 net and batch 32. Implementations are listed in
 * {@link Benchmarks#training()}.
 */
public interface TrainingBenchmark {

    /** Measures on {@code backend} (which the caller closes), timing with {@code timing}. */
    TrainingResult run(Backend backend, Timing timing);
}
