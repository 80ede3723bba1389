package dev.descent.core.bench;

import java.util.List;

/**
 * Everything {@code bench} measured, and the backends it could not:
 * {@code {"gemm":[...],"training":[...],"skipped":[{"backend":..,"reason":..}]}}.
 */
public record BenchReport(List<GemmResult> gemm, List<TrainingResult> training, List<SkippedBackend> skipped) {

    public BenchReport {
        gemm = List.copyOf(gemm);
        training = List.copyOf(training);
        skipped = List.copyOf(skipped);
    }
}
