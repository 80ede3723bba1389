package dev.descent.core.compute;

import java.nio.FloatBuffer;

/**
 * SGEMM in pure Java: the fallback when OpenBLAS cannot load. A blocked, packed kernel after
 * Goto and van de Geijn, "Anatomy of High-Performance Matrix Multiplication" (ACM TOMS 34(3),
 * 2008): for each block of {@link #MC} rows and {@link #NC} columns of C, op(A) and op(B)
 * are copied in blocks of {@link #KC} along k into panels of four rows (four columns) that
 * are contiguous along k (transposes are resolved while packing; sizes are padded with zeros
 * to multiples of 4), and a 4 x 4 block of C accumulates in sixteen local variables over
 * each block of k (register blocking; 10-11 GFLOP/s of CPU time on one core here, against
 * 3-4 for a vectorisable row update). The tile is finally written as
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
        block(call, ops.a(), call.aOffset() + p * call.aStride(), ops.b(), call.bOffset() + p * call.bStride(),
                ops.c(), call.cOffset() + p * call.cStride(), call.beta(), r0, r1, c0, c1, 0, call.k(), worker);
    }

    @Override
    void kSlice(GemmCall call, Operands ops, int k0, int k1, CpuBuffer partial, int worker) {
        FloatBuffer c = partial == null ? ops.c() : partial.data();
        block(call, ops.a(), call.aOffset(), ops.b(), call.bOffset(), c, partial == null ? call.cOffset() : 0,
                partial == null ? call.beta() : 0f, 0, call.m(), 0, call.n(), k0, k1, worker);
    }

    /** Rows [r0, r1) and columns [c0, c1) of alpha * op(A)[:, k0:k1] * op(B)[k0:k1, :] + beta * C. */
    private void block(GemmCall call, FloatBuffer a, long aBase, FloatBuffer b, long bBase, FloatBuffer c, long cBase,
                       float beta, int r0, int r1, int c0, int c1, int k0, int k1, int worker) {
        Scratch s = scratch[worker];
        for (int jc = c0; jc < c1; jc += NC) {
            int nc = Math.min(NC, c1 - jc);
            int ncPadded = roundUp(nc);
            for (int ic = r0; ic < r1; ic += MC) {
                int mc = Math.min(MC, r1 - ic);
                int mcPadded = roundUp(mc);
                java.util.Arrays.fill(s.acc, 0, mcPadded * ncPadded, 0f);
                for (int pc = k0; pc < k1; pc += KC) {
                    int kc = Math.min(KC, k1 - pc);
                    packA(call, a, aBase, ic, mc, mcPadded, pc, kc, s.a);
                    packB(call, b, bBase, pc, kc, jc, nc, ncPadded, s.b);
                    multiply(s.a, s.b, s.acc, mcPadded, ncPadded, kc);
                }
                store(call, c, cBase, beta, ic, mc, jc, nc, ncPadded, s.acc);
            }
        }
    }

    private static int roundUp(int size) {
        return (size + 3) & ~3;
    }

    /** packed[(i/4)*4*kc + 4*l + i%4] = op(A)[ic+i][pc+l], zero for padding rows i >= mc. */
    private static void packA(GemmCall call, FloatBuffer a, long base, int ic, int mc, int mcPadded, int pc, int kc,
                              float[] packed) {
        int m = call.m();
        int k = call.k();
        boolean transposed = call.transA().transposed();
        for (int i = 0; i < mcPadded; i++) {
            int panel = (i >> 2) * 4 * kc + (i & 3);
            if (i >= mc) {
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = 0f;
                }
            } else if (transposed) {
                int at = (int) (base + (long) pc * m + ic + i);
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = a.get(at + l * m);
                }
            } else {
                int at = (int) (base + (long) (ic + i) * k + pc);
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = a.get(at + l);
                }
            }
        }
    }

    /** packed[(j/4)*4*kc + 4*l + j%4] = op(B)[pc+l][jc+j], zero for padding columns j >= nc. */
    private static void packB(GemmCall call, FloatBuffer b, long base, int pc, int kc, int jc, int nc, int ncPadded,
                              float[] packed) {
        int n = call.n();
        int k = call.k();
        boolean transposed = call.transB().transposed();
        for (int j = 0; j < ncPadded; j++) {
            int panel = (j >> 2) * 4 * kc + (j & 3);
            if (j >= nc) {
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = 0f;
                }
            } else if (transposed) {
                int at = (int) (base + (long) (jc + j) * k + pc);
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = b.get(at + l);
                }
            } else {
                int at = (int) (base + (long) pc * n + jc + j);
                for (int l = 0; l < kc; l++) {
                    packed[panel + 4 * l] = b.get(at + l * n);
                }
            }
        }
    }

    /**
     * acc[i*nc + j] += sum_l A[i][l] B[l][j] on packed panels, a 4 x 4 block of C in sixteen
     * local variables per sweep over k (register blocking); mc and nc are multiples of 4.
     */
    private static void multiply(float[] a, float[] b, float[] acc, int mc, int nc, int kc) {
        for (int i = 0; i < mc; i += 4) {
            int ao = i * kc;
            for (int j = 0; j < nc; j += 4) {
                int bo = j * kc;
                float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int l = 0; l < kc; l++) {
                    int al = ao + 4 * l;
                    int bl = bo + 4 * l;
                    float b0 = b[bl];
                    float b1 = b[bl + 1];
                    float b2 = b[bl + 2];
                    float b3 = b[bl + 3];
                    float x = a[al];
                    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
                    x = a[al + 1];
                    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
                    x = a[al + 2];
                    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
                    x = a[al + 3];
                    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
                }
                int r = i * nc + j;
                acc[r] += c00; acc[r + 1] += c01; acc[r + 2] += c02; acc[r + 3] += c03;
                r += nc;
                acc[r] += c10; acc[r + 1] += c11; acc[r + 2] += c12; acc[r + 3] += c13;
                r += nc;
                acc[r] += c20; acc[r + 1] += c21; acc[r + 2] += c22; acc[r + 3] += c23;
                r += nc;
                acc[r] += c30; acc[r + 1] += c31; acc[r + 2] += c32; acc[r + 3] += c33;
            }
        }
    }

    /** C[ic+i][jc+j] = alpha * acc[i*accStride + j] + beta * C, C not read when beta is 0. */
    private static void store(GemmCall call, FloatBuffer c, long base, float beta, int ic, int mc, int jc, int nc,
                              int accStride, float[] acc) {
        float alpha = call.alpha();
        int n = call.n();
        for (int i = 0; i < mc; i++) {
            int row = (int) (base + (long) (ic + i) * n + jc);
            int accRow = i * accStride;
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
