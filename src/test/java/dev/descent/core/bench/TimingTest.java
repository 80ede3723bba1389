package dev.descent.core.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimingTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Timing.median(new double[]{9, 1, 3}));
        assertEquals(2.5, Timing.median(new double[]{4, 1, 3, 2}));
    }

    @Test
    void repetitionsAreChosenFromTheWarmUpAndTheMedianRunIsReported() {
        // a fake clock: each call of the operation advances it by its own duration
        AtomicLong now = new AtomicLong();
        long[] durations = {100, 100, 100, 100, 300, 100, 500};
        int[] call = {0};
        Timing timing = new Timing(3, 1000, 150, now::get);
        double seconds = timing.medianSeconds(() -> now.addAndGet(durations[Math.min(call[0]++, durations.length - 1)]));
        // warm-up: 2 calls of 100 ns reach 150 ns -> 100 ns per call -> 10 reps per 1000 ns run;
        // run 1 = 100+100+300+100+6*500 = 3600 ns, runs 2 and 3 = 10*500 = 5000 ns -> median 500 ns per call
        assertEquals(500e-9, seconds, 1e-15);
    }

    @Test
    void zeroRunsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(0, 1, 1, System::nanoTime));
    }
}
