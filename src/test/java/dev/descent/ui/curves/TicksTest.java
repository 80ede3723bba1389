package dev.descent.ui.curves;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TicksTest {

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), Ticks.nice(0, 100, 5));
        assertEquals(List.of(0.0, 0.5, 1.0, 1.5), Ticks.nice(-0.1, 1.6, 4));
    }

    @Test
    void labelsAreShort() {
        assertEquals("0.25", Ticks.label(0.25));
        assertEquals("150", Ticks.label(150));
        assertEquals("1e-04", Ticks.label(1e-4));
    }
}
