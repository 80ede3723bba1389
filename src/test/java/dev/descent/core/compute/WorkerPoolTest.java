package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPoolTest {

    @Test
    void everyChunkRunsExactlyOnceOnAKnownWorker() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int round = 0; round < 50; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(97);
                ConcurrentHashMap<Integer, Boolean> workers = new ConcurrentHashMap<>();
                pool.forEach(97, (chunk, worker) -> {
                    runs.incrementAndGet(chunk);
                    workers.put(worker, true);
                });
                for (int c = 0; c < 97; c++) {
                    assertEquals(1, runs.get(c), "chunk " + c);
                }
                assertTrue(workers.keySet().stream().allMatch(w -> w >= 0 && w < 3), workers.toString());
            }
        }
    }

    @Test
    void aChunkFailureReachesTheCallerAfterTheOthersFinish() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEach(10, (chunk, worker) -> {
                if (chunk == 3) {
                    throw new IllegalStateException("chunk 3 failed");
                }
            }));
            assertEquals("chunk 3 failed", e.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            pool.forEach(4, (chunk, worker) -> runs.incrementAndGet(chunk));
            assertEquals("[1, 1, 1, 1]", runs.toString());
        }
    }

    @Test
    void oneWorkerRunsEverythingOnTheCaller() {
        try (WorkerPool pool = new WorkerPool(1)) {
            Thread caller = Thread.currentThread();
            pool.forEach(5, (chunk, worker) -> {
                assertEquals(0, worker);
                assertEquals(caller, Thread.currentThread());
            });
        }
    }

    @Test
    void callsSpacedApartWakeParkedHelpersOrRunOnTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            for (int round = 0; round < 20; round++) {
                long start = System.nanoTime();
                while (System.nanoTime() - start < 2 * WorkerPool.SPIN_NANOS) {
                    Thread.onSpinWait(); // let the helper go idle and park
                }
                AtomicIntegerArray runs = new AtomicIntegerArray(8);
                pool.forEach(8, (chunk, worker) -> runs.incrementAndGet(chunk));
                assertEquals("[1, 1, 1, 1, 1, 1, 1, 1]", runs.toString());
            }
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.forEach(4, (chunk, worker) -> { }));
    }

    @Test
    void zeroWorkersIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
    }
}
