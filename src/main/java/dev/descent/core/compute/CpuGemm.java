package dev.descent.core.compute;

import java.util.function.IntConsumer;

/**
 * A CPU implementation of strided-batched SGEMM on {@link CpuBuffer}s: OpenBLAS through
 * JavaCPP ({@link OpenBlasGemm}) or the pure-Java kernel ({@link JavaBlockedGemm}).
 * {@link CpuGemms#create(CpuGemms.Kind, int)} picks one. Used by one thread at a time.
 */
public interface CpuGemm extends AutoCloseable {

    /** What is in use, e.g. "OpenBLAS 0.3.28, 2 threads". */
    String description();

    /**
     * Computes {@code call} (see {@link Backend#gemmBatched}).
     *
     * @param c where the results are stored. Modified.
     * @throws IllegalArgumentException when the call does not fit the buffers or C overlaps A or B
     */
    void gemm(GemmCall call, CpuBuffer a, CpuBuffer b, CpuBuffer c);

    /** As {@link Backend#forEachOnHost}, on this GEMM's threads. The default runs them in order on the caller. */
    default void forEachOnHost(int count, IntConsumer body) {
        for (int i = 0; i < count; i++) {
            body.accept(i);
        }
    }

    /** Stops the helper threads. */
    @Override
    void close();
}
