package dev.descent.core.bench;

/** One GEMM measurement, as {@code bench --json} prints it. */
public record GemmResult(String backend, int m, int n, int k, int batch, double gflops) {
}
