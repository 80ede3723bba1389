package dev.descent.core.compute;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The calling thread plus {@code workers - 1} daemon helper threads that share a list of
 * chunks by claiming them one at a time.
 *
 * <p>Dynamic claiming, not a fixed split: on a busy machine a helper that is not scheduled
 * simply claims nothing and the caller does the work (a fixed split with a barrier fell to
 * 0.3 GFLOP/s under load, STACK.md). The caller always works, so a call never waits for a
 * helper to start, only for chunks a helper already claimed.
 *
 * <p>Each worker owns a contiguous share of the chunks (the caller the first) and claims from
 * it before it takes what is left of the others'. Calls over the same K nets thus run net p
 * on the same core call after call while both cores are free, and an operation reads what
 * the one before it wrote from its own core's cache. With one counter for all chunks, the
 * core of a net changed from call to call: the training race's step that ends an epoch,
 * with its 8-net evaluation pass (products, bias and activation passes over 1.2 MB each),
 * took 1,240-1,260 us instead of 1,360-1,410 (medians; four of five alternating runs), and
 * the race ran 2-3% more racer-steps a second (five of five).
 *
 * <p>An idle helper polls for the next call for {@link #SPIN_NANOS} before it parks, as
 * OpenBLAS's own threads do: back-to-back GEMMs of a few microseconds each (a training step)
 * then find it awake instead of paying a wake-up that costs as much as the product.
 */
final class WorkerPool implements AutoCloseable {

    /** How long an idle helper polls for the next call before parking. */
    static final long SPIN_NANOS = 100_000L;

    /** The work of one chunk; {@code worker} is in {@code [0, workers())}, 0 being the caller. */
    @FunctionalInterface
    interface ChunkBody {
        void run(int chunk, int worker);
    }

    private final int workers;
    private final Thread[] helpers;
    private final boolean[] parkedFlags;
    private volatile Job current;
    private volatile boolean closed;
    private long calls;

    /** @param workers threads that work on a call, the caller included; at least 1 */
    WorkerPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.workers = workers;
        this.helpers = new Thread[workers - 1];
        this.parkedFlags = new boolean[workers - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            helpers[i] = new Thread(() -> helperLoop(worker), "descent-gemm-" + worker);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    int workers() {
        return workers;
    }

    /** Runs {@code body} for every chunk in {@code [0, chunks)} and returns when all are done. */
    void forEach(int chunks, ChunkBody body) {
        if (chunks <= 0) {
            return;
        }
        if (helpers.length == 0 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, 0);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("GEMM threads used after close");
        }
        Job job = new Job(++calls, chunks, workers, body, Thread.currentThread());
        current = job;
        for (int i = 0; i < helpers.length; i++) {
            if (isParked(i)) {
                LockSupport.unpark(helpers[i]);
            }
        }
        job.work(0);
        job.awaitDone();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    private void helperLoop(int worker) {
        long seen = 0;
        long idleSince = System.nanoTime();
        while (!closed) {
            Job job = current;
            if (job != null && job.id != seen) {
                seen = job.id;
                job.work(worker);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                setParked(worker - 1, true);
                Job again = current;
                if (!closed && (again == null || again.id == seen)) {
                    LockSupport.park(this);
                }
                setParked(worker - 1, false);
                idleSince = System.nanoTime();
            }
        }
    }

    // the flags are read and written under the pool's monitor: a helper that announces it
    // parks, then re-reads `current`, cannot miss a caller that publishes, then reads the flag
    private synchronized boolean isParked(int helper) {
        return parkedFlags[helper];
    }

    private synchronized void setParked(int helper, boolean parked) {
        parkedFlags[helper] = parked;
    }

    /**
     * One call's chunks. A helper that comes late to a finished call claims nothing. The
     * chunks are cut into one contiguous share per worker, in worker order; a worker claims
     * from its own share first and then from the others' ({@link #claim}).
     */
    static final class Job {
        /** Ints between two workers' cursors, so that they sit on different cache lines. */
        private static final int PAD = 16;

        final long id;
        private final int chunks;
        private final ChunkBody body;
        private final Thread caller;
        private final int workers;
        /** Worker w's next chunk of its own share, at index w * PAD (a cache line apart). */
        private final AtomicIntegerArray next;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean callerParked;

        Job(long id, int chunks, int workers, ChunkBody body, Thread caller) {
            this.id = id;
            this.chunks = chunks;
            this.workers = workers;
            this.next = new AtomicIntegerArray(workers * PAD);
            for (int w = 0; w < workers; w++) {
                next.set(w * PAD, start(w));
            }
            this.body = body;
            this.caller = caller;
        }

        /** The first chunk of worker w's share: the shares are contiguous and in worker order. */
        private int start(int w) {
            return (int) ((long) chunks * w / workers);
        }

        /**
         * The next unclaimed chunk: from {@code worker}'s own share first, then from the
         * others' in turn; -1 when none is left.
         */
        int claim(int worker) {
            for (int i = 0; i < workers; i++) {
                int w = (worker + i) % workers;
                int c = next.getAndIncrement(w * PAD);
                if (c < start(w + 1)) {
                    return c;
                }
            }
            return -1;
        }

        void work(int worker) {
            int c;
            while ((c = claim(worker)) >= 0) {
                try {
                    if (failure.get() == null) {
                        body.run(c, worker);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == chunks && worker != 0 && callerParked) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /**
         * Waits for chunks that helpers claimed: a short spin, then parking so that a helper
         * which the OS preempted gets the core back (spinning here starved it on a busy
         * machine: two threads ran slower than one). The last helper unparks the caller; the
         * park is also bounded in time, so a missed wake-up costs at most 50 microseconds.
         */
        void awaitDone() {
            for (int spins = 0; spins < 1 << 10 && done.get() < chunks; spins++) {
                Thread.onSpinWait();
            }
            if (done.get() < chunks) {
                callerParked = true;
                while (done.get() < chunks) {
                    LockSupport.parkNanos(this, 50_000L);
                }
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
