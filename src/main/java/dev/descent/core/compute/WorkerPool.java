package dev.descent.core.compute;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The calling thread plus {@code workers - 1} daemon helper threads that share a list of
 * chunks by claiming them one at a time from an {@link AtomicInteger}.
 *
 * <p>Dynamic claiming, not a fixed split: on a busy machine a helper that is not scheduled
 * simply claims nothing and the caller does the work (a fixed split with a barrier fell to
 * 0.3 GFLOP/s under load, STACK.md). The caller always works, so a call never waits for a
 * helper to start, only for chunks a helper already claimed.
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
        Job job = new Job(++calls, chunks, body, Thread.currentThread());
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

    /** One call's chunks. A helper that comes late to a finished call claims nothing. */
    private static final class Job {
        final long id;
        private final int chunks;
        private final ChunkBody body;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean callerParked;

        Job(long id, int chunks, ChunkBody body, Thread caller) {
            this.id = id;
            this.chunks = chunks;
            this.body = body;
            this.caller = caller;
        }

        void work(int worker) {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
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
