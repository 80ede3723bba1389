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

import java.util.ArrayList;
import java.util.List;

/**
 * Training throughput of the engine, in racer-steps per second: K racers (Adam, lr 0.01)
 * training a 2-64-64-3 ReLU net with softmax cross-entropy on a 600-point 3-arm spiral
 * (noise 0.1, seed 0), minibatch 32, all rows for training (epoch-end evaluation included).
 * One racer-step is one racer's forward, backward and optimizer update on one minibatch.
 * The {@code bench} command reports {@code racers} = 8.
 */
public final class TrainingRaceBenchmark {

    /**
     * @param backend              the backend's name
     * @param racers               K
     * @param steps                timed minibatch steps (each K racer-steps)
     * @param seconds              wall-clock time of the timed steps
     * @param racerStepsPerSecond  K * steps / seconds
     */
    public record Result(String backend, int racers, long steps, double seconds, double racerStepsPerSecond) {
    }

    private TrainingRaceBenchmark() {
    }

    /**
     * Runs {@code warmupSteps} untimed steps (JIT, caches), then steps until at least
     * {@code minSeconds} have passed and at least {@code minSteps} steps were timed.
     *
     * @param backend the backend to measure; the caller keeps ownership
     */
    public static Result run(Backend backend, int racers, int warmupSteps, int minSteps, double minSeconds) {
        if (racers < 1) {
            throw new ConfigException("racers must be >= 1, was " + racers);
        }
        Dataset spiral = DataGenerators.create("spiral3", 600, 0.1, 0);
        MlpSpec spec = new MlpSpec(2, List.of(64, 64), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        List<TrainingRacerSpec> specs = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            specs.add(TrainingRacerSpec.parse("adam lr=0.01 label=r" + r));
        }
        TrainingRaceOptions options = new TrainingRaceOptions(1_000_000, 32, 0, 0, 0, Init.torchDefault(), null);
        try (TrainingRace race = new TrainingRace(backend, spec, spiral, spiral.select("none", new int[0]), specs,
                options, null)) {
            for (int i = 0; i < warmupSteps; i++) {
                race.step();
            }
            long start = System.nanoTime();
            long steps = 0;
            double seconds;
            do {
                race.step();
                steps++;
                seconds = (System.nanoTime() - start) / 1e9;
            } while (steps < minSteps || seconds < minSeconds);
            return new Result(backend.name(), racers, steps, seconds, racers * steps / seconds);
        }
    }

    /** The {@code bench} setting: 8 racers, 300 warm-up steps, at least 200 steps and 2 seconds. */
    public static Result run(Backend backend) {
        return run(backend, 8, 300, 200, 2.0);
    }
}
