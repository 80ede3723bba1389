package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The network engine's real call pattern on {@link CudaBackend} (device simulated on the host,
 * kernels.cu compiled with g++): a short training race gives the CPU backend's losses and
 * weights, up to the different summation order of the GEMMs. Skips itself without g++.
 */
class HostCudaTrainingTest {

    private static final int MAX_BLOCKS = 4;

    @BeforeAll
    static void requireGxx() {
        assumeTrue(HostCudaDevice.create(MAX_BLOCKS) != null, "g++ is not on the PATH");
    }

    @Test
    void batchNormDropoutClassifierTrainsAsOnTheCpu() {
        Dataset moons = DataGenerators.create("moons", 40, 0.1, 3);
        Dataset val = DataGenerators.create("moons", 12, 0.1, 4);
        MlpSpec spec = new MlpSpec(2, List.of(6, 5), 2, ActivationSpec.of(Activation.TANH), true, 0.2, Loss.CE);
        compare(spec, moons, val, List.of("adam lr=0.01", "sgd lr=0.1 momentum=0.9"));
    }

    @Test
    void reluRegressionTrainsAsOnTheCpu() {
        Dataset sine = DataGenerators.create("sine", 30, 0.0, 1);
        MlpSpec spec = new MlpSpec(1, List.of(8), 1, ActivationSpec.of(Activation.RELU), false, 0, Loss.MSE);
        compare(spec, sine, sine.select("none", new int[0]), List.of("sgd lr=0.05"));
    }

    private static void compare(MlpSpec spec, Dataset train, Dataset val, List<String> racers) {
        HostCudaDevice device = HostCudaDevice.create(MAX_BLOCKS);
        Run cpu = train(new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1)), spec, train, val, racers);
        Run cuda = train(new CudaBackend(device), spec, train, val, racers);
        // the kernels ran (46 here: the first layer adds its bias and sums its bias gradient in its products)
        assertTrue(device.launches() > 30, "kernels launched: " + device.launches());
        assertEquals(cpu.history.size(), cuda.history.size());
        for (int i = 0; i < cpu.history.size(); i++) {
            TrainingRaceEpoch c = cpu.history.get(i);
            TrainingRaceEpoch g = cuda.history.get(i);
            assertEquals(c.step(), g.step());
            assertEquals(c.trainLoss(), g.trainLoss(), 1e-4 * (1 + Math.abs(c.trainLoss())), "train loss, row " + i);
            if (!Double.isNaN(c.valLoss())) {
                assertEquals(c.valLoss(), g.valLoss(), 1e-4 * (1 + Math.abs(c.valLoss())), "val loss, row " + i);
            }
        }
        for (int r = 0; r < racers.size(); r++) {
            double[] wc = cpu.parameters.get(r);
            double[] wg = cuda.parameters.get(r);
            assertEquals(wc.length, wg.length);
            for (int i = 0; i < wc.length; i++) {
                assertEquals(wc[i], wg[i], 1e-4 * (1 + Math.abs(wc[i])), "racer " + r + " parameter " + i);
            }
        }
        assertEquals(0, device.liveAllocations(), "the race closed every buffer or the backend freed it");
    }

    private record Run(List<TrainingRaceEpoch> history, List<double[]> parameters) {
    }

    private static Run train(Backend backend, MlpSpec spec, Dataset train, Dataset val, List<String> racers) {
        TrainingRaceOptions options = new TrainingRaceOptions(2, 10, 0, 0, 7, Init.torchDefault(), null);
        try (backend; TrainingRace race = new TrainingRace(backend, spec, train, val,
                racers.stream().map(TrainingRacerSpec::parse).toList(), options, null)) {
            race.run();
            List<double[]> parameters = new java.util.ArrayList<>();
            for (int r = 0; r < racers.size(); r++) {
                parameters.add(race.parameters(r));
            }
            return new Run(race.history(), parameters);
        }
    }
}
