package dev.descent.core.compute;

import java.nio.FloatBuffer;

/**
 * The shared driver of the CPU GEMMs: checks a call, handles the degenerate shapes, and
 * cuts the work into tiles (whole problems of the batch, or row/column blocks of a single
 * problem) that the {@link WorkerPool}'s threads claim dynamically.
 *
 * <p>Plan: a call below {@link #MIN_PARALLEL_FLOPS} runs on the caller alone (waking a
 * helper costs microseconds). A batch of at least {@code 2 * workers} problems is split into
 * about {@code 8 * workers} runs of whole problems. Otherwise each problem is cut along its
 * longer side of C into blocks of at least {@link #MIN_BLOCK} rows (or columns), about
 * {@code 4 * workers} tiles in all, so a late helper still finds work.
 *
 * @param <O> the operands as the kernel wants them (buffers, native addresses)
 */
abstract class TiledGemm<O> implements CpuGemm {

    /** Calls with fewer flops than this run on the caller's thread only. */
    static final double MIN_PARALLEL_FLOPS = 1.0e6;
    /** Smallest row (or column) block a single problem is cut into. */
    static final int MIN_BLOCK = 16;

    private final WorkerPool pool;

    TiledGemm(WorkerPool pool) {
        this.pool = pool;
    }

    /** Threads that work on one call, the caller included. */
    final int workers() {
        return pool.workers();
    }

    /** The operands of one call, prepared once on the caller's thread. */
    abstract O operands(CpuBuffer a, CpuBuffer b, CpuBuffer c);

    /**
     * Computes rows {@code [r0, r1)} and columns {@code [c0, c1)} of {@code C_p}; k > 0.
     * Only {@code worker}'s scratch may be used.
     */
    abstract void tile(GemmCall call, O ops, int p, int r0, int r1, int c0, int c1, int worker);

    @Override
    public final void gemm(GemmCall call, CpuBuffer a, CpuBuffer b, CpuBuffer c) {
        call.requireFits(a, b, c);
        if (call.isEmpty()) {
            return;
        }
        if (call.k() == 0 || call.alpha() == 0) {
            scaleByBeta(call, c.data());
            return;
        }
        O ops = operands(a, b, c);
        int batch = call.batch();
        int m = call.m();
        int n = call.n();
        int workers = pool.workers();
        if (workers == 1 || call.flops() < MIN_PARALLEL_FLOPS) {
            for (int p = 0; p < batch; p++) {
                tile(call, ops, p, 0, m, 0, n, 0);
            }
        } else if (batch >= 2 * workers) {
            int grain = Math.max(1, batch / (8 * workers));
            int chunks = (batch + grain - 1) / grain;
            pool.forEach(chunks, (chunk, worker) -> {
                int end = Math.min(batch, (chunk + 1) * grain);
                for (int p = chunk * grain; p < end; p++) {
                    tile(call, ops, p, 0, m, 0, n, worker);
                }
            });
        } else {
            boolean byRows = m >= n;
            int side = byRows ? m : n;
            int wanted = Math.max(1, (4 * workers + batch - 1) / batch);
            int parts = Math.max(1, Math.min(wanted, side / MIN_BLOCK));
            int block = (side + parts - 1) / parts;
            int blocks = (side + block - 1) / block;
            pool.forEach(batch * blocks, (chunk, worker) -> {
                int p = chunk / blocks;
                int lo = (chunk % blocks) * block;
                int hi = Math.min(side, lo + block);
                if (byRows) {
                    tile(call, ops, p, lo, hi, 0, n, worker);
                } else {
                    tile(call, ops, p, 0, m, lo, hi, worker);
                }
            });
        }
        java.lang.ref.Reference.reachabilityFence(a);
        java.lang.ref.Reference.reachabilityFence(b);
        java.lang.ref.Reference.reachabilityFence(c);
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * k = 0 or alpha = 0: C = beta * C, exactly 0 when beta is 0, and A and B are not read
     * (as the reference BLAS does, so a NaN in A does not reach C).
     */
    private static void scaleByBeta(GemmCall call, FloatBuffer c) {
        float beta = call.beta();
        for (int p = 0; p < call.batch(); p++) {
            int base = Math.toIntExact(call.cOffset() + p * call.cStride());
            int size = (int) call.cSize();
            for (int i = 0; i < size; i++) {
                c.put(base + i, beta == 0 ? 0f : beta * c.get(base + i));
            }
        }
    }
}
