package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.descent.core.bench.BenchReport;
import dev.descent.core.bench.Benchmarks;
import dev.descent.core.bench.GemmResult;
import dev.descent.core.bench.GemmShape;
import dev.descent.core.bench.SkippedBackend;
import dev.descent.core.bench.Timing;
import dev.descent.core.bench.TrainingBenchmark;
import dev.descent.core.bench.TrainingResult;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendProvider;
import dev.descent.core.compute.Backends;
import dev.descent.core.compute.CpuGemms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code bench [--json]}: GEMM GFLOP/s per available backend for square sizes and the MLP
 * shapes, then training throughput; median of several timed runs after warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure GEMM GFLOP/s and training throughput on every available backend.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"gemm\":[...],\"training\":[...],\"skipped\":[...]} instead of a table.")
    boolean json;

    @Option(names = "--shape", paramLabel = "MxKxN[xBATCH]",
            description = "Measure this shape (m x k times k x n) instead of the standard ones; repeatable.")
    List<String> shapes = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs per shape; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--min-run-ms", defaultValue = "50", description = "Shortest timed run in ms (default ${DEFAULT-VALUE}).")
    long minRunMillis;

    @Option(names = "--warmup-ms", defaultValue = "300", description = "Warm-up per shape in ms (default ${DEFAULT-VALUE}).")
    long warmupMillis;

    @Option(names = "--cpu-time", description = "Time by the calling thread's CPU time instead of the wall clock: "
            + "steadier on a busy machine, meaningful only single-threaded (-Ddescent.cpu.threads=1).")
    boolean cpuTime;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random matrices (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new BadInputException("--runs must be >= 1, was " + runs);
        }
        if (minRunMillis < 0 || warmupMillis < 0) {
            throw new BadInputException("--min-run-ms and --warmup-ms must be >= 0");
        }
        List<GemmShape> chosen = shapes.isEmpty() ? GemmShape.STANDARD : shapes.stream().map(GemmShape::parse).toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (cpuTime && !threads.isCurrentThreadCpuTimeSupported()) {
            throw new BadInputException("--cpu-time: this JVM cannot measure thread CPU time");
        }
        LongSupplier clock = cpuTime ? threads::getCurrentThreadCpuTime : System::nanoTime;
        Timing timing = new Timing(runs, minRunMillis * 1_000_000L, warmupMillis * 1_000_000L, clock);
        PrintWriter out = spec.commandLine().getOut();

        List<GemmResult> gemm = new ArrayList<>();
        List<TrainingResult> training = new ArrayList<>();
        List<SkippedBackend> skipped = new ArrayList<>();
        int measured = 0;
        for (BackendProvider provider : Backends.providers()) {
            Backends.Attempt attempt = Backends.attempt(provider);
            if (!attempt.opened()) {
                skipped.add(new SkippedBackend(provider.name(), attempt.reason()));
                continue;
            }
            measured++;
            try (Backend backend = attempt.backend()) {
                if (!json) {
                    out.println(backend.description());
                    String warning = "cpu".equals(backend.name()) ? CpuGemms.forcedKernelWarning(System.getenv()) : null;
                    if (warning != null) {
                        out.println("  note: " + warning);
                    }
                    out.printf(Locale.ROOT, "  %-28s %10s%n", "GEMM (m x k · k x n, batch)", "GFLOP/s");
                }
                SplittableRandom random = new SplittableRandom(seed);
                for (GemmShape shape : chosen) {
                    GemmResult result = Benchmarks.gemm(backend, shape, timing, random);
                    gemm.add(result);
                    if (!json) {
                        out.printf(Locale.ROOT, "  %-28s %10.1f%n", shape.label(), result.gflops());
                        out.flush();
                    }
                }
                for (TrainingBenchmark benchmark : Benchmarks.training()) {
                    TrainingResult result = benchmark.run(backend, timing);
                    training.add(result);
                    if (!json) {
                        out.printf(Locale.ROOT, "  training, %d racers: %.1f racer-steps/s%n",
                                result.racers(), result.racerStepsPerSecond());
                    }
                }
            }
        }
        if (measured == 0) {
            throw new BadInputException("no backend is usable here: " + String.join("; ",
                    skipped.stream().map(BenchCommand::describe).toList()));
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(new BenchReport(gemm, training, skipped)));
        } else {
            if (Benchmarks.training().isEmpty()) {
                out.println("(no training benchmark registered)");
            }
            skipped.forEach(b -> out.println("not measured: " + describe(b)));
        }
        out.flush();
        return 0;
    }

    private static String describe(SkippedBackend b) {
        return b.backend() + ": " + b.reason();
    }
}
