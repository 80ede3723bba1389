package dev.descent.core.compute;

import java.nio.FloatBuffer;
import java.util.function.IntConsumer;

/**
 * The shared driver of the CPU GEMMs: checks a call, handles the degenerate shapes, and
 * cuts the work into tiles (whole problems of the batch, or row/column blocks of a single
 * problem) that the {@link WorkerPool}'s threads claim dynamically.
 *
 * <p>Plan: a call below {@link #MIN_PARALLEL_FLOPS}, or a batch of problems each below
 * {@link #MIN_PROBLEM_FLOPS}, runs on the caller alone (waking a helper costs microseconds).
 * A batch of at least {@code 2 * workers} problems is split into
 * runs of whole problems of about {@link #CHUNK_FLOPS} each (one problem if larger).
 * Otherwise each problem is cut along the longer side of C into one block per worker, a
 * multiple of {@link #MIN_BLOCK} rows (or columns), the register-block height of OpenBLAS's
 * AVX-512 SGEMM kernel. One block per worker measured best (interleaved runs, 2 cores:
 * 103 vs 90 GFLOP/s on 1024^3, 192 vs 158 on 512^3, 66 vs 51 on 64x1024x64 against 8 blocks):
 * every block repacks the shared operand, and a helper that starts late simply finds its
 * block taken by the caller.
 *
 * @param <O> the operands as the kernel wants them (buffers, native addresses)
 */
abstract class TiledGemm<O> implements CpuGemm {

    /** Calls with fewer flops than this run on the caller's thread only. */
    static final double MIN_PARALLEL_FLOPS = 1.0e6;
    /**
     * Batched calls whose problems have fewer flops than this each run on the caller's thread
     * only: a training step's products (8 nets of [32x64]·[64x64], 0.26 MFLOP each) measured
     * faster alone in isolation but slowed the whole step, whose element-wise work then read
     * the helper's results from the other core's cache (training race: 27,600-28,400
     * racer-steps/s serial against 23,000-25,100 split, 2 cores).
     */
    static final double MIN_PROBLEM_FLOPS = 1.0e6;
    /** Work per chunk of whole problems: small enough that a preempted helper holds back little. */
    static final double CHUNK_FLOPS = 2.0e5;
    /** Row (or column) blocks of a single problem are multiples of this. */
    static final int MIN_BLOCK = 16;

    private final WorkerPool pool;

    TiledGemm(WorkerPool pool) {
        this.pool = pool;
    }

    /** Threads that work on one call, the caller included. */
    final int workers() {
        return pool.workers();
    }

    /** One index per chunk of the pool, claimed dynamically like GEMM tiles. */
    @Override
    public final void forEachOnHost(int count, IntConsumer body) {
        pool.forEach(count, (chunk, worker) -> body.accept(chunk));
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
        if (workers == 1 || call.flops() < MIN_PARALLEL_FLOPS || (batch > 1 && call.flops() / batch < MIN_PROBLEM_FLOPS)) {
            for (int p = 0; p < batch; p++) {
                tile(call, ops, p, 0, m, 0, n, 0);
            }
        } else if (batch >= 2 * workers) {
            double problemFlops = call.flops() / batch;
            int grain = (int) Math.max(1, Math.min(batch / (2 * workers), Math.ceil(CHUNK_FLOPS / problemFlops)));
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
            int wanted = (workers + batch - 1) / batch;
            int parts = Math.max(1, Math.min(wanted, side / MIN_BLOCK));
            int block = ((side + parts - 1) / parts + MIN_BLOCK - 1) / MIN_BLOCK * MIN_BLOCK;
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
