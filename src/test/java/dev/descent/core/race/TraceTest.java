package dev.descent.core.race;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceTest {

    private static Trace filled(int capacity, long points) {
        Trace trace = new Trace(capacity, List.of("x", "loss"));
        for (long i = 0; i < points; i++) {
            trace.append(i, i * 0.5, -i);
        }
        return trace;
    }

    @Test
    void keepsEveryPointBelowTheCap() {
        TraceSnapshot s = filled(100, 99).snapshot();
        assertEquals(99, s.size());
        for (int i = 0; i < 99; i++) {
            assertEquals(i, s.step(i));
            assertEquals(i * 0.5, s.value("x", i));
            assertEquals(-i, s.value("loss", i));
        }
    }

    @Test
    void aMillionPointsStayWithinTheCapWithTheNewestAndFirstKept() {
        Trace trace = filled(1000, 1_000_000);
        TraceSnapshot s = trace.snapshot();
        assertTrue(s.size() <= 1000, "size " + s.size());
        assertTrue(s.size() >= 500, "thinning keeps at least half the cap, size " + s.size());
        assertTrue(trace.allocatedPoints() <= 1000, "allocated " + trace.allocatedPoints());
        assertEquals(0, s.step(0));
        assertEquals(999_999, s.lastStepNumber());
        assertEquals(999_999 * 0.5, s.last("x"));
        assertEquals(1_000_000, trace.appended());
    }

    @Test
    void keptPointsAreEvenlySpacedAtThePowerOfTwoStride() {
        Trace trace = filled(64, 10_000);
        TraceSnapshot s = trace.snapshot();
        long stride = trace.stride();
        assertEquals(Long.bitCount(stride), 1, "stride is a power of two: " + stride);
        // 10,000 points, 63 slots for kept points: the smallest power of two with ceil(10000/k) <= 63 is 256
        assertEquals(256, stride);
        for (int i = 0; i < s.size() - 1; i++) {
            assertEquals(i * stride, s.step(i));
        }
        assertEquals(9_999, s.step(s.size() - 1));
    }

    @Test
    void aSnapshotIsUnchangedByLaterAppendsAndThinning() {
        Trace trace = filled(8, 7);
        TraceSnapshot before = trace.snapshot();
        long[] steps = before.steps();
        double[] x = before.column("x");
        for (int i = 7; i < 200; i++) {
            trace.append(i, 1e9, 1e9);
        }
        assertEquals(7, before.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(steps[i], before.step(i));
            assertEquals(x[i], before.value("x", i));
        }
    }

    @Test
    void clearForgetsEverything() {
        Trace trace = filled(8, 100);
        trace.clear();
        assertEquals(0, trace.snapshot().size());
        assertEquals(1, trace.stride());
        trace.append(5, 1, 2);
        assertEquals(5, trace.snapshot().step(0));
    }

    @Test
    void wrongRowLengthAndTinyCapacityAreRefused() {
        Trace trace = new Trace(8, List.of("x", "loss"));
        assertThrows(IllegalArgumentException.class, () -> trace.append(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Trace(3, List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> trace.snapshot().value("nope", 0));
    }
}
