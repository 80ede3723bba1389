package dev.descent.core.bench;

import java.util.List;

/** Everything {@code bench} measured: {@code {"gemm":[...],"training":[...]}}. */
public record BenchReport(List<GemmResult> gemm, List<TrainingResult> training) {

    public BenchReport {
        gemm = List.copyOf(gemm);
        training = List.copyOf(training);
    }
}
