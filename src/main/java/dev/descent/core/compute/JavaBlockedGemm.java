package dev.descent.core.compute;

import java.nio.FloatBuffer;

/**
 * SGEMM in pure Java: the fallback when OpenBLAS cannot load. A blocked, packed kernel after
 * Goto and van de Geijn, "Anatomy of High-Performance Matrix Multiplication" (ACM TOMS 34(3),
 * 2008): for each block of {@link #MC} rows and {@link #NC} columns of C, op(A) and op(B)
 * are copied in blocks of {@link #KC} along k into contiguous heap arrays (transposes are
 * resolved while packing), and the product accumulates in a heap tile
 * {@code acc[i][j] += a[i][l] * b[l][j]} whose innermost loop over j is a unit-stride
 * multiply-add the JIT vectorises. The tile is finally written as
 * {@code C = alpha * acc + beta * C} (C not read when beta is 0). Accumulation is in float,
 * as in BLAS.
 */
final class JavaBlockedGemm extends TiledGemm<JavaBlockedGemm.Operands> {

    static final int MC = 64;
    static final int KC = 256;
    static final int NC = 512;

    /** The three buffers of one call. */
    record Operands(FloatBuffer a, FloatBuffer b, FloatBuffer c) {
    }

    /** One worker's packing and accumulation arrays. */
    private static final class Scratch {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * NC];
        final float[] acc = new float[MC * NC];
    }

    private final Scratch[] scratch;
    private final String reason;

    /**
     * @param pool   the threads
     * @param reason why this kernel is used, for {@link #description()} (e.g. "OpenBLAS unavailable: ...")
     */
    JavaBlockedGemm(WorkerPool pool, String reason) {
        super(pool);
        this.reason = reason;
        scratch = new Scratch[pool.workers()];
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = new Scratch();
        }
    }

    @Override
    public String description() {
        return "pure-Java GEMM, " + workers() + (workers() == 1 ? " thread" : " threads")
                + (reason == null ? "" : ": " + reason);
    }

    @Override
    Operands operands(CpuBuffer a, CpuBuffer b, CpuBuffer c) {
        return new Operands(a.data(), b.data(), c.data());
    }

    @Override
    void tile(GemmCall call, Operands ops, int p, int r0, int r1, int c0, int c1, int worker) {
        Scratch s = scratch[worker];
        int k = call.k();
        long aBase = call.aOffset() + p * call.aStride();
        long bBase = call.bOffset() + p * call.bStride();
        long cBase = call.cOffset() + p * call.cStride();
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            for (int ic = r0; ic < r1; ic += MC) {
                int mc = Math.min(MC, r1 - ic);
                java.util.Arrays.fill(s.acc, 0, mc * nc, 0f);
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    packA(call, ops.a(), aBase, ic, mc, pc, kc, s.a);
                    packB(call, ops.b(), bBase, pc, kc, jc, nc, s.b);
                    multiply(s.a, s.b, s.acc, mc, nc, kc);
                }
                store(call, ops.c(), cBase, ic, mc, jc, nc, s.acc);
            }
        }
    }

    /** packed[i*kc + l] = op(A)[ic+i][pc+l]. */
    private static void packA(GemmCall call, FloatBuffer a, long base, int ic, int mc, int pc, int kc, float[] packed) {
        int m = call.m();
        int k = call.k();
        if (call.transA().transposed()) {
            for (int l = 0; l < kc; l++) {
                int row = (int) (base + (long) (pc + l) * m + ic);
                for (int i = 0; i < mc; i++) {
                    packed[i * kc + l] = a.get(row + i);
                }
            }
        } else {
            for (int i = 0; i < mc; i++) {
                a.get((int) (base + (long) (ic + i) * k + pc), packed, i * kc, kc);
            }
        }
    }

    /** packed[l*nc + j] = op(B)[pc+l][jc+j]. */
    private static void packB(GemmCall call, FloatBuffer b, long base, int pc, int kc, int jc, int nc, float[] packed) {
        int n = call.n();
        int k = call.k();
        if (call.transB().transposed()) {
            for (int j = 0; j < nc; j++) {
                int row = (int) (base + (long) (jc + j) * k + pc);
                for (int l = 0; l < kc; l++) {
                    packed[l * nc + j] = b.get(row + l);
                }
            }
        } else {
            for (int l = 0; l < kc; l++) {
                b.get((int) (base + (long) (pc + l) * n + jc), packed, l * nc, nc);
            }
        }
    }

    /** acc[i*nc + j] += sum_l a[i*kc + l] * b[l*nc + j], two rows of A per sweep over B. */
    private static void multiply(float[] a, float[] b, float[] acc, int mc, int nc, int kc) {
        int i = 0;
        for (; i + 1 < mc; i += 2) {
            int row0 = i * nc;
            int row1 = row0 + nc;
            for (int l = 0; l < kc; l++) {
                float a0 = a[i * kc + l];
                float a1 = a[(i + 1) * kc + l];
                int bl = l * nc;
                for (int j = 0; j < nc; j++) {
                    float bv = b[bl + j];
                    acc[row0 + j] += a0 * bv;
                    acc[row1 + j] += a1 * bv;
                }
            }
        }
        for (; i < mc; i++) {
            int row = i * nc;
            for (int l = 0; l < kc; l++) {
                float av = a[i * kc + l];
                int bl = l * nc;
                for (int j = 0; j < nc; j++) {
                    acc[row + j] += av * b[bl + j];
                }
            }
        }
    }

    /** C[ic+i][jc+j] = alpha * acc + beta * C, C not read when beta is 0. */
    private static void store(GemmCall call, FloatBuffer c, long base, int ic, int mc, int jc, int nc, float[] acc) {
        float alpha = call.alpha();
        float beta = call.beta();
        int n = call.n();
        for (int i = 0; i < mc; i++) {
            int row = (int) (base + (long) (ic + i) * n + jc);
            int accRow = i * nc;
            if (beta == 0) {
                for (int j = 0; j < nc; j++) {
                    c.put(row + j, alpha * acc[accRow + j]);
                }
            } else {
                for (int j = 0; j < nc; j++) {
                    c.put(row + j, alpha * acc[accRow + j] + beta * c.get(row + j));
                }
            }
        }
    }
}
