package dev.descent.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-Java {@code cublasSgemmStridedBatched}: column-major, float accumulation, written
 * from the cuBLAS documentation and nothing else, so a wrong argument mapping gives wrong
 * numbers (or an index out of bounds) on the CPU.
 * <pre>
 *   C_p[i + j*ldc] = alpha * sum_l opA_p(i, l) * opB_p(l, j) + beta * C_p[i + j*ldc]
 *   opA_p(i, l) = transa == N ? A_p[i + l*lda] : A_p[l + i*lda]
 *   opB_p(l, j) = transb == N ? B_p[l + j*ldb] : B_p[j + l*ldb]
 * </pre>
 * When beta is 0, C is not read. Records every call for assertions.
 */
final class FakeCublas implements Cublas<float[]> {

    final List<CublasGemmCall> calls = new ArrayList<>();

    @Override
    public void sgemmStridedBatched(CublasGemmCall call, float[] a, float[] b, float[] c) {
        calls.add(call);
        for (int p = 0; p < call.batchCount(); p++) {
            int ao = Math.toIntExact(call.aOffset() + p * call.strideA());
            int bo = Math.toIntExact(call.bOffset() + p * call.strideB());
            int co = Math.toIntExact(call.cOffset() + p * call.strideC());
            for (int j = 0; j < call.n(); j++) {
                for (int i = 0; i < call.m(); i++) {
                    float sum = 0;
                    for (int l = 0; l < call.k(); l++) {
                        float av = call.transa() == CublasOperation.N
                                ? a[ao + i + l * call.lda()] : a[ao + l + i * call.lda()];
                        float bv = call.transb() == CublasOperation.N
                                ? b[bo + l + j * call.ldb()] : b[bo + j + l * call.ldb()];
                        sum += av * bv;
                    }
                    int idx = co + i + j * call.ldc();
                    c[idx] = call.beta() == 0 ? call.alpha() * sum : call.alpha() * sum + call.beta() * c[idx];
                }
            }
        }
    }
}
