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
 * The {@code bench} command reports {@code racers} = 8.
 */
public final class TrainingRaceBenchmark implements TrainingBenchmark {

    private final int racers;

    /** @param racers K, at least 1 ({@code bench} uses 8) */
    public TrainingRaceBenchmark(int racers) {
        if (racers < 1) {
            throw new ConfigException("racers must be >= 1, was " + racers);
        }
        this.racers = racers;
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
        return new TrainingRace(backend, spec, spiral, spiral.select("none", new int[0]), specs, options, null);
    }

    /** Racer-steps per second: K / (median seconds per minibatch step of all K racers). */
    @Override
    public TrainingResult run(Backend backend, Timing timing) {
        try (TrainingRace race = newRace(backend)) {
            double seconds = timing.medianSeconds(race::step);
            return new TrainingResult(backend.name(), racers, racers / seconds);
        }
    }
}
