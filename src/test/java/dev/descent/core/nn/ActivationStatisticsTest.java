package dev.descent.core.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivationStatisticsTest {

    @Test
    void meanAndPopulationStdOverAllAddedValuesOfOddAndEvenLength() {
        ActivationStatistics stats = new ActivationStatistics(2, 1);
        stats.add(1, 0, new float[] {1, 2, 3});
        stats.add(1, 0, new float[] {4, 10});
        // values 1, 2, 3, 4, 10: mean 4, population variance (9+4+1+0+36)/5 = 10
        assertEquals(4.0, stats.mean(1, 0), 1e-12);
        assertEquals(Math.sqrt(10), stats.std(1, 0), 1e-12);
        assertEquals(Double.NaN, stats.mean(0, 0));
    }
}
