package dev.descent.core.race;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;

import dev.descent.core.bench.Timing;
import dev.descent.core.bench.TrainingBenchmark;
import dev.descent.core.bench.TrainingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Training throughput of the engine, in racer-steps per second: K racers (Adam, lr 0.01)
 * training a 2-64-64-3 ReLU net with softmax cross-entropy on a 600-point 3-arm spiral
 * (noise 0.1, seed 0), minibatch 32, all rows for training (epoch-end evaluation included).
 * One racer-step is one racer's forward, backward and optimizer update on one minibatch.
 * The race records no per-step {@link dev.descent.core.optim.StepTrace} (no inspector reads
 * one; {@link TrainingRace#recordStepTraces}). The {@code bench} command reports
 * {@code racers} = 8.
 */
public final class TrainingRaceBenchmark implements TrainingBenchmark {

    /**
     * Minibatch steps run before the timing's own warm-up. The timed code must be compiled by
     * C2 first: the timing's 300 ms warm-up, counted in thread CPU time on a busy machine,
     * ended while much of the step still ran interpreted or at C1 (measured: 2,000 racer-steps/s
     * after it against 8,000 after 3 s of warm-up, same build). A step count, unlike a
     * duration, gives the JIT the same number of invocations however loaded the machine is.
     */
    public static final int WARMUP_STEPS = 2000;

    private final int racers;
    private final int warmupSteps;

    /** @param racers K, at least 1 ({@code bench} uses 8); {@link #WARMUP_STEPS} steps of warm-up */
    public TrainingRaceBenchmark(int racers) {
        this(racers, WARMUP_STEPS);
    }

    /**
     * @param racers      K, at least 1
     * @param warmupSteps steps run before the timing starts, at least 0
     */
    public TrainingRaceBenchmark(int racers, int warmupSteps) {
        if (racers < 1) {
            throw new ConfigException("racers must be >= 1, was " + racers);
        }
        if (warmupSteps < 0) {
            throw new ConfigException("warmupSteps must be >= 0, was " + warmupSteps);
        }
        this.racers = racers;
        this.warmupSteps = warmupSteps;
    }

    /** The race the benchmark steps; the caller closes it. */
    public TrainingRace newRace(Backend backend) {
        Dataset spiral = DataGenerators.create("spiral3", 600, 0.1, 0);
        MlpSpec spec = new MlpSpec(2, List.of(64, 64), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        List<TrainingRacerSpec> specs = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            specs.add(TrainingRacerSpec.parse("adam lr=0.01 label=r" + r));
        }
        TrainingRaceOptions options = new TrainingRaceOptions(Integer.MAX_VALUE, 32, 0, 0, 0, Init.torchDefault(), null);
        TrainingRace race = new TrainingRace(backend, spec, spiral, spiral.select("none", new int[0]), specs, options,
                null);
        race.recordStepTraces(false);
        return race;
    }

    /** Racer-steps per second: K / (median seconds per minibatch step of all K racers). */
    @Override
    public TrainingResult run(Backend backend, Timing timing) {
        try (TrainingRace race = newRace(backend)) {
            for (int i = 0; i < warmupSteps; i++) {
                race.step();
            }
            double seconds = timing.medianSeconds(race::step);
            return new TrainingResult(backend.name(), racers, racers / seconds);
        }
    }
}
