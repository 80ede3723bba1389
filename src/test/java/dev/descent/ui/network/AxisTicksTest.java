package dev.descent.ui.network;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AxisTicksTest {

    private static List<String> labels(List<AxisTicks.Tick> ticks) {
        return ticks.stream().map(AxisTicks.Tick::label).toList();
    }

    @Test
    void aLossFallingLessThanADecadeGetsOneTwoFiveTicksInsideTheRangeNotJustItsEnds() {
        // 0.09 .. 0.75: the old axis wrote only "0.0877" and "0.756"
        List<AxisTicks.Tick> t = AxisTicks.log(Math.log10(0.09), Math.log10(0.75), 3);
        assertEquals(List.of("0.1", "0.2", "0.5"), labels(t));
        assertEquals(-1, t.get(0).at(), 1e-12, "positions are log10 of the values");
    }

    @Test
    void aRangeOverTwoDecadesGetsWholeDecadesAndAtLeastTwoOfThem() {
        // 0.0025 .. 0.5 with room for two labels: a step of two decades would leave only 0.01
        assertEquals(List.of("0.01", "0.1"), labels(AxisTicks.log(Math.log10(0.0025), Math.log10(0.5), 2)));
        assertEquals(List.of("1e-8", "1e-4", "1"), labels(AxisTicks.log(-9, 0.5, 3)));
    }

    @Test
    void aConstantLearningRateGetsItsValueAsTheOnlyTick() {
        List<AxisTicks.Tick> t = AxisTicks.log(Math.log10(0.01) - 0.15, Math.log10(0.01) + 0.15, 3);
        assertEquals(List.of("0.01"), labels(t));
    }

    @Test
    void linearTicksAreNiceValuesInsideTheRange() {
        assertEquals(List.of("0.4", "0.6", "0.8"), labels(AxisTicks.linear(0.38, 0.9, 3)));
        for (AxisTicks.Tick t : AxisTicks.linear(1, 400, 5)) {
            assertTrue(t.at() >= 1 && t.at() <= 400, t.toString());
        }
    }
}
