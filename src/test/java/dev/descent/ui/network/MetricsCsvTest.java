package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TrainingRaceEpoch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsCsvTest {

    @Test
    void oneRowPerRacerAndEpochWithEmptyCellsForMissingValues() {
        MlpSpec spec = new MlpSpec(2, List.of(), 1, ActivationSpec.of(Activation.RELU), false, 0, Loss.MSE);
        TrainingRaceEpoch e = new TrainingRaceEpoch(0, "a,b", 1, 10, 0.5, 0.25, Double.NaN, Double.NaN, 0.01,
                new double[] {1}, new double[0], new double[0]);
        NetworkFrame f = new NetworkFrame(List.of(new RacerFrame("a,b", "#000000", spec, null, List.of(e),
                new double[3], null, List.of())), new double[] {0, 1, 0, 1}, 2, 1, 10, 1);
        assertEquals(MetricsCsv.HEADER + "\n\"a,b\",1,10,0.500000000,0.250000000,,,0.0100000000\n", MetricsCsv.of(f));
    }
}
