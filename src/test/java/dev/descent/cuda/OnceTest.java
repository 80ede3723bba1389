package dev.descent.cuda;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Once}, the cache that keeps the kernels' PTX so NVRTC runs once per process. */
class OnceTest {

    @Test
    void computesOnceAndReturnsTheSameValueAfterwards() {
        AtomicInteger runs = new AtomicInteger();
        Once<String> once = new Once<>(() -> "ptx " + runs.incrementAndGet());
        String first = once.get();
        assertSame(first, once.get());
        assertSame(first, once.get());
        assertEquals("ptx 1", first);
        assertEquals(1, runs.get());
    }

    @Test
    void aFailureIsNotKept() {
        AtomicInteger runs = new AtomicInteger();
        Once<String> once = new Once<>(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("NVRTC_ERROR_OUT_OF_MEMORY");
            }
            return "ptx";
        });
        assertThrows(IllegalStateException.class, once::get);
        assertEquals("ptx", once.get());
        assertEquals("ptx", once.get());
        assertEquals(2, runs.get());
    }

    @Test
    void concurrentFirstUsesComputeOnce() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Once<Integer> once = new Once<>(runs::incrementAndGet);
        Thread[] threads = new Thread[8];
        int[] seen = new int[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int slot = i;
            threads[i] = new Thread(() -> seen[slot] = once.get());
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, runs.get());
        for (int s : seen) {
            assertEquals(1, s);
        }
    }
}
