package dev.descent.core.compute;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calling thread plus {@code workers - 1} daemon helper threads that share a list of
 * chunks by claiming them one at a time from an {@link AtomicInteger}.
 *
 * <p>Dynamic claiming, not a fixed split: on a busy machine a helper that is not scheduled
 * simply claims nothing and the caller does the work (a fixed split with a barrier fell to
 * 0.3 GFLOP/s under load, STACK.md). The caller always works, so a call never waits for a
 * helper to start, only for chunks a helper already claimed.
 */
final class WorkerPool implements AutoCloseable {

    /** The work of one chunk; {@code worker} is in {@code [0, workers())}, 0 being the caller. */
    @FunctionalInterface
    interface ChunkBody {
        void run(int chunk, int worker);
    }

    private final int workers;
    private final ExecutorService helpers;

    /** @param workers threads that work on a call, the caller included; at least 1 */
    WorkerPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.workers = workers;
        AtomicInteger ids = new AtomicInteger(1);
        this.helpers = workers == 1 ? null : Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "descent-gemm-" + ids.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    int workers() {
        return workers;
    }

    /** Runs {@code body} for every chunk in {@code [0, chunks)} and returns when all are done. */
    void forEach(int chunks, ChunkBody body) {
        if (chunks <= 0) {
            return;
        }
        if (helpers == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, 0);
            }
            return;
        }
        Job job = new Job(chunks, body);
        int asked = Math.min(workers - 1, chunks - 1);
        for (int w = 1; w <= asked; w++) {
            int worker = w;
            helpers.execute(() -> job.work(worker));
        }
        job.work(0);
        job.awaitDone();
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** One call's chunks. A helper that starts after they are all claimed returns at once. */
    private static final class Job {
        private final int chunks;
        private final ChunkBody body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int chunks, ChunkBody body) {
            this.chunks = chunks;
            this.body = body;
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
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            int spins = 0;
            while (done.get() < chunks) {
                if (++spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
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
