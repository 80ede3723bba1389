package dev.descent.core.race;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins short training races bit for bit on the CPU backend: every racer's final losses,
 * accuracies and a hash of the exact bits of its master weights. The expected values were
 * computed by the engine as it stood before the throughput work (commit 7bca3bc); any
 * optimisation of the engine must reproduce them exactly (DESIGN.md: same seed, same
 * result, bit for bit, on the CPU backend), with and without per-step traces.
 */
class TrainingRaceReproducibilityTest {

    /** Every optimizer of the registry, some with their variants. */
    private static final List<String> ALL_OPTIMIZERS = List.of(
            "adam lr=0.01 label=adam",
            "adam lr=0.01 amsgrad=true weight_decay=0.01 label=amsgrad",
            "adamw lr=0.01 label=adamw",
            "sgd lr=0.05 momentum=0.9 nesterov=true label=nesterov",
            "rmsprop lr=0.005 centered=true momentum=0.5 label=rmsprop clip_norm=1",
            "adagrad lr=0.05 label=adagrad clip_value=0.1",
            "adadelta lr=1 label=adadelta",
            "nadam lr=0.01 label=nadam",
            "adamax lr=0.01 label=adamax",
            "rprop lr=0.01 label=rprop");

    @Test
    void theBenchmarkNetworkTrainsToThePinnedWeightsWithEveryOptimizer() {
        Dataset spiral = DataGenerators.create("spiral3", 300, 0.1, 0);
        Dataset val = DataGenerators.create("spiral3", 90, 0.1, 5);
        MlpSpec spec = new MlpSpec(2, List.of(64, 64), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        TrainingRaceOptions options = new TrainingRaceOptions(3, 32, 0, 0, 7, Init.torchDefault(), null);
        String expected = """
                adam 0.8691019552946091 0.8314705182722484 0.5266666666666666 0.5555555555555556 3f16adbc 4df729a7
                amsgrad 0.9472910143931706 0.9215224418651404 0.48333333333333334 0.4777777777777778 04337253 e30b652a
                adamw 0.8693422013521195 0.8312032368455988 0.5266666666666666 0.5555555555555556 55b9fee5 8df6d391
                nesterov 1.0072107007106146 0.9692451279890986 0.4533333333333333 0.4444444444444444 afeefb76 de5b140d
                rmsprop 0.7565074043472608 0.6955697456755475 0.6233333333333333 0.7444444444444445 cb263ec6 d5d22a54
                adagrad 0.7880400906006495 0.7617364676003056 0.58 0.6 5f766fcb b91c2afe
                adadelta 1.003442134062449 0.9729552266515166 0.42333333333333334 0.4777777777777778 8d093c65 0403fa87
                nadam 0.8538824168841044 0.8159097430247934 0.54 0.6 a29e69f3 9a2a3a46
                adamax 0.9212369372447332 0.8904183826467584 0.4866666666666667 0.5222222222222223 3b0b4376 f005bccb
                rprop 0.7863978548844656 0.7524936058278819 0.5233333333333333 0.5555555555555556 3bcc8130 25758985
                """;
        assertEquals(expected, fingerprint(spec, spiral, val, options, true));
        assertEquals(expected, fingerprint(spec, spiral, val, options, false));
    }

    @Test
    void aNetworkWithBatchNormDropoutPreluAndPenaltiesTrainsToThePinnedWeights() {
        Dataset moons = DataGenerators.create("moons", 150, 0.2, 3);
        Dataset val = DataGenerators.create("moons", 40, 0.2, 9);
        MlpSpec spec = new MlpSpec(2, List.of(24, 16), 2, ActivationSpec.parse("prelu"), true, 0.2, Loss.CE);
        TrainingRaceOptions options = new TrainingRaceOptions(3, 20, 1e-4, 1e-3, 11, Init.parse("he_uniform"), null);
        String expected = """
                adam 0.3802407736579577 0.3048561120134918 0.8466666666666667 0.85 49e26c46 91e231ba
                amsgrad 0.3764179881413778 0.30516634510961443 0.84 0.85 54ba0caf 855ebec0
                adamw 0.3799596150716146 0.3049168907757552 0.8466666666666667 0.85 f4016c05 7b07eeeb
                nesterov 0.388060341278712 0.30672204750209914 0.8466666666666667 0.825 243f6f9b d24e8896
                rmsprop 0.3984922061363856 0.30794218484414454 0.8533333333333334 0.85 5e8cb510 4b11e677
                adagrad 0.4011296938856443 0.2990994245216699 0.84 0.85 0112c4f8 24d545bb
                adadelta 0.4961147305369377 0.3721610302636546 0.74 0.825 6d78ed02 9673048b
                nadam 0.39363272140423455 0.30058377757325283 0.8266666666666667 0.85 1e93e250 ed6d7740
                adamax 0.38988821496566134 0.3178494262182577 0.84 0.825 730bf4b1 87ea64bc
                rprop 0.388364247828722 0.2955561791036173 0.8333333333333334 0.85 65594ee7 aa2f8cc8
                """;
        assertEquals(expected, fingerprint(spec, moons, val, options, true));
        assertEquals(expected, fingerprint(spec, moons, val, options, false));
    }

    @Test
    void theBenchmarkRaceWithoutValidationRowsTrainsToThePinnedWeights() {
        Dataset spiral = DataGenerators.create("spiral3", 600, 0.1, 0);
        MlpSpec spec = new MlpSpec(2, List.of(64, 64), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        TrainingRaceOptions options = new TrainingRaceOptions(2, 32, 0, 0, 0, Init.torchDefault(), null);
        String expected = """
                adam 0.8505659226576487 NaN 0.5416666666666666 NaN f246da21 ba08d1c1
                amsgrad 0.9358098889390628 NaN 0.47833333333333333 NaN 8281bc38 2064ea46
                adamw 0.8509236406286558 NaN 0.5433333333333333 NaN 88f0ed50 a35a2313
                nesterov 0.9881719396511713 NaN 0.425 NaN 81374c64 5eae04d1
                rmsprop 0.6564698938528697 NaN 0.6883333333333334 NaN 7c0c55e5 7b7ad48a
                adagrad 0.7683434218664964 NaN 0.6083333333333333 NaN 051b0fc2 80da0898
                adadelta 0.9933343088626861 NaN 0.44 NaN 287064dd 5ce4ab1b
                nadam 0.8380832819143931 NaN 0.5433333333333333 NaN 51ab4373 3311f439
                adamax 0.9176821180184682 NaN 0.4666666666666667 NaN 1d32e6ff 341082bb
                rprop 0.7734284178415934 NaN 0.5566666666666666 NaN c719c58d c7ddebe9
                """;
        assertEquals(expected, fingerprint(spec, spiral, spiral.select("none", new int[0]), options, true));
        assertEquals(expected, fingerprint(spec, spiral, spiral.select("none", new int[0]), options, false));
    }

    /** Each racer's last epoch and weight hash; {@code traces}: whether the race records step traces. */
    private static String fingerprint(MlpSpec spec, Dataset train, Dataset val, TrainingRaceOptions options,
                                      boolean traces) {
        List<TrainingRacerSpec> racers = ALL_OPTIMIZERS.stream().map(TrainingRacerSpec::parse).toList();
        StringBuilder out = new StringBuilder();
        try (TrainingRace race = new TrainingRace(new CpuBackend(), spec, train, val, racers, options, null)) {
            race.recordStepTraces(traces);
            race.run();
            for (int r = 0; r < race.racerCount(); r++) {
                TrainingRaceEpoch last = race.history().get(race.history().size() - race.racerCount() + r);
                out.append(String.format(Locale.ROOT, "%s %s %s %s %s %08x %08x%n", last.label(),
                        last.trainLoss(), last.valLoss(), last.trainAccuracy(), last.valAccuracy(),
                        Arrays.hashCode(race.parameters(r)), statisticsHash(last)));
            }
        }
        return out.toString();
    }

    /** The exact bits of the epoch's gradient norms and activation statistics. */
    private static int statisticsHash(TrainingRaceEpoch e) {
        return Arrays.hashCode(new int[] {Arrays.hashCode(e.gradientNorms()), Arrays.hashCode(e.activationMean()),
                Arrays.hashCode(e.activationStd())});
    }
}
