package dev.descent.ui.curves;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    @Test
    void theStepAxisEndsAtTheNextOneTwoOrFive() {
        assertEquals(10, Ticks.niceMax(3, 10));
        assertEquals(10_000, Ticks.niceMax(10_000, 10));
        assertEquals(20_000, Ticks.niceMax(10_001, 10));
        assertEquals(50_000, Ticks.niceMax(36_840, 10));
        assertEquals(100_000, Ticks.niceMax(50_001, 10));
        assertEquals(200, Ticks.niceMax(101, 10));
    }

    @Test
    void logTicksAreOneTwoFiveWhenDecadesAreWide() {
        // 0.001 .. 0.5 on 300 pixels: 2.7 decades, 111 pixels each
        double lo = Math.log10(0.001);
        double hi = Math.log10(0.5);
        List<String> labels = labels(Ticks.log(lo, hi, 300 / (hi - lo), 25));
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5"), labels);
    }

    @Test
    void logTicksThinToPowersOfTenAndThenToEveryFewDecades() {
        // 40 pixels a decade: powers of ten only
        assertEquals(List.of("0.001", "0.01", "0.1", "1"), labels(Ticks.log(-3, 0, 40, 25)));
        // 32 decades on 300 pixels (9.4 a decade): every 5th power so ticks are >= 25 px apart
        List<Double> t = Ticks.log(-30.5, 1, 300 / 31.5, 25);
        assertEquals(List.of(-30.0, -25.0, -20.0, -15.0, -10.0, -5.0, 0.0), t);
        assertEquals("1e-30", Ticks.logLabel(-30));
    }

    private static List<String> labels(List<Double> ticks) {
        List<String> out = new ArrayList<>();
        for (double t : ticks) {
            out.add(Ticks.logLabel(t));
        }
        return out;
    }
}
