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
 * A single product with a small C and a long k ({@link #kParts}) is cut into slices along k
 * whose partial products are summed after (64x1024x64 on 2 cores: 148-243 GFLOP/s against
 * 140-182 cut by rows, interleaved runs). A batch of at least {@code 2 * workers} problems is
 * split into runs of whole problems of about {@link #CHUNK_FLOPS} each (one problem if larger).
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
    /** A single product is cut along k only into slices of at least this many. */
    static final int MIN_K_SLICE = 256;
    /**
     * At most this many slices along k. Four slices of 64x1024x64 on 2 cores measured slower
     * than two (75-138 against 148-243 GFLOP/s, interleaved runs), and the count may not
     * follow the threads.
     */
    static final int MAX_K_PARTS = 2;
    /** Only a product whose C has at most this many elements is cut along k. */
    static final long MAX_K_SPLIT_OUTPUT = 64 * 1024;

    /** The partial products of a call cut along k, slice 1 onwards; grown on demand. */
    private CpuBuffer[] partials = new CpuBuffer[0];

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

    /**
     * The single problem's slice {@code [k0, k1)} of the sum over k, all of C: into C as
     * {@code alpha * op(A)[:, k0:k1] * op(B)[k0:k1, :] + beta * C} when {@code partial} is
     * null, else into {@code partial} (m x n, dense) as the same product with beta 0.
     * Only {@code worker}'s scratch may be used.
     */
    abstract void kSlice(GemmCall call, O ops, int k0, int k1, CpuBuffer partial, int worker);

    /**
     * Slices along k for one call, from its shape alone (so the bits do not depend on the
     * number of threads): more than 1 for a single product with a small C and a long k, the
     * shape of a weight gradient Xᵀ·dZ over a large batch. Cutting its rows instead makes
     * every thread pack all of op(B); cutting k gives each thread its own share of both
     * operands, and the partial products (small by construction) are summed after.
     */
    static int kParts(GemmCall call) {
        long m = call.m();
        long n = call.n();
        int k = call.k();
        if (call.batch() != 1 || m * n > MAX_K_SPLIT_OUTPUT || k < 2 * MIN_K_SLICE || k < 4 * Math.max(m, n)) {
            return 1;
        }
        return Math.min(MAX_K_PARTS, k / MIN_K_SLICE);
    }

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
        int kParts = kParts(call);
        if (kParts > 1) {
            splitK(call, ops, c, kParts);
        } else if (workers == 1 || call.flops() < MIN_PARALLEL_FLOPS || (batch > 1 && call.flops() / batch < MIN_PROBLEM_FLOPS)) {
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

    /**
     * Slice 0 goes into C with the call's beta, slice s into partial s; then, in slice
     * order, C += partial s. A small call runs its slices on the caller, with the same bits.
     * Slices are multiples of {@link #MIN_BLOCK} long, the last one taking the rest.
     */
    private void splitK(GemmCall call, O ops, CpuBuffer c, int parts) {
        int k = call.k();
        int size = (int) call.cSize();
        int slice = k / parts / MIN_BLOCK * MIN_BLOCK;
        if (partials.length < parts - 1) {
            partials = java.util.Arrays.copyOf(partials, parts - 1);
        }
        for (int s = 0; s < parts - 1; s++) {
            if (partials[s] == null || partials[s].length() < size) {
                if (partials[s] != null) {
                    partials[s].close();
                }
                partials[s] = new CpuBuffer(Math.max(size, MAX_K_SPLIT_OUTPUT / 4));
            }
        }
        CpuBuffer[] into = partials;
        WorkerPool.ChunkBody body = (s, worker) -> kSlice(call, ops, s * slice, s == parts - 1 ? k : (s + 1) * slice,
                s == 0 ? null : into[s - 1], worker);
        if (pool.workers() == 1 || call.flops() < MIN_PARALLEL_FLOPS) {
            for (int s = 0; s < parts; s++) {
                body.run(s, 0);
            }
        } else {
            pool.forEach(parts, body);
        }
        FloatBuffer out = c.data();
        int base = Math.toIntExact(call.cOffset());
        for (int s = 0; s < parts - 1; s++) {
            FloatBuffer add = into[s].data();
            for (int i = 0; i < size; i++) {
                out.put(base + i, out.get(base + i) + add.get(i));
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        for (CpuBuffer partial : partials) {
            if (partial != null) {
                partial.close();
            }
        }
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
