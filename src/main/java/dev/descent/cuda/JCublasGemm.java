package dev.descent.cuda;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;

/**
 * {@link Cublas} on the GPU: {@code cublasSgemmStridedBatched} through JCublas2, host
 * pointer mode (alpha and beta passed from the host), offsets applied as byte offsets.
 */
final class JCublasGemm implements Cublas<CUdeviceptr> {

    private final cublasHandle handle;

    JCublasGemm(cublasHandle handle) {
        this.handle = handle;
    }

    @Override
    public void sgemmStridedBatched(CublasGemmCall call, CUdeviceptr a, CUdeviceptr b, CUdeviceptr c) {
        JCublas2.cublasSgemmStridedBatched(handle, call.transa().code(), call.transb().code(),
                call.m(), call.n(), call.k(),
                Pointer.to(new float[]{call.alpha()}),
                a.withByteOffset(call.aOffset() * Sizeof.FLOAT), call.lda(), call.strideA(),
                b.withByteOffset(call.bOffset() * Sizeof.FLOAT), call.ldb(), call.strideB(),
                Pointer.to(new float[]{call.beta()}),
                c.withByteOffset(call.cOffset() * Sizeof.FLOAT), call.ldc(), call.strideC(),
                call.batchCount());
    }
}
