package dev.descent.cuda;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The element-wise operations' launches without a GPU: every argument list has the kinds of
 * its kernel's signature in kernels.cu, the work-item counts are right, and bad ranges are
 * rejected on the host before anything is launched.
 */
class CudaElementwiseTest {

    private record Launch(Kernel kernel, long items, String kinds) {
    }

    private final List<Launch> launches = new ArrayList<>();
    private int flag;
    private int flagReads;
    private final CudaBuffer.Owner owner = buffer -> buffer.detach();
    private final KernelLauncher launcher = new KernelLauncher() {
        @Override
        public void launch(Kernel kernel, long items, KernelArgs args) {
            launches.add(new Launch(kernel, items, args.kinds()));
        }

        @Override
        public CUdeviceptr badIndexFlag() {
            return new CUdeviceptr();
        }

        @Override
        public int takeBadIndexFlag() {
            flagReads++;
            int bits = flag;
            flag = 0;
            return bits;
        }
    };
    private final CudaElementwise ops = new CudaElementwise(launcher, owner);

    private CudaBuffer buffer(long length) {
        return new CudaBuffer(owner, length, new CUdeviceptr());
    }

    private Strided packed(long perNet, int batch) {
        return Strided.of(buffer(perNet * batch), perNet);
    }

    @Test
    void everyOperationLaunchesItsKernelWithTheSignaturesArgumentKinds() {
        int batch = 3;
        int rows = 4;
        int cols = 5;
        int n = rows * cols;
        Strided x = packed(n, batch);
        Strided y = packed(n, batch);
        Strided z = packed(n, batch);
        Strided col = packed(cols, batch);
        Strided col2 = packed(cols, batch);
        Strided col3 = packed(cols, batch);
        Strided col4 = packed(cols, batch);
        Strided row = packed(rows, batch);
        Strided one = packed(1, batch);
        Strided sharedTarget = Strided.shared(buffer(rows));

        ops.scale(batch, n, 0.5f, x);
        ops.addBias(batch, rows, cols, x, col);
        ops.activationForward(Activation.PRELU, 0f, batch, n, x, one, y);
        ops.activationForward(Activation.RRELU, 0.2f, batch, n, x, null, y);
        ops.activationBackward(Activation.GELU, 0f, batch, n, x, null, y, z);
        ops.preluSlopeGradient(batch, n, x, y, one);
        ops.softmaxCrossEntropy(batch, rows, cols, x, sharedTarget, row, y, 0.25f);
        ops.binaryCrossEntropy(batch, n, x, y, z, y, 1f);
        ops.squaredError(batch, n, x, y, z, z, 1f);
        ops.columnSums(batch, rows, cols, x, col);
        ops.batchNormStatistics(batch, rows, cols, x, col, col2);
        ops.batchNormForward(batch, rows, cols, x, col, col2, 1e-5f, col3, col4, y, z);
        ops.batchNormForward(batch, rows, cols, x, col, col2, 1e-5f, col3, col4, null, z);
        ops.batchNormBackward(batch, rows, cols, x, y, col2, 1e-5f, col3, z, col, col4);
        ops.multiplyMask(batch, n, x, y, null, z);
        ops.multiplyMask(batch, n, x, y, y, z);
        ops.gatherRows(rows, cols, buffer(10L * cols), buffer(rows), buffer((long) rows * cols));

        Map<String, String> signatures = KernelSourceTest.signatures();
        Map<Kernel, Long> items = new EnumMap<>(Kernel.class);
        for (Launch launch : launches) {
            assertEquals(signatures.get(launch.kernel().cudaName()), launch.kinds(), launch.kernel().cudaName());
            items.put(launch.kernel(), launch.items());
        }
        assertEquals(Kernel.values().length, items.size(), "every kernel launched");
        assertEquals(batch * (long) n, items.get(Kernel.SCALE_BATCHED));
        assertEquals(batch * (long) n, items.get(Kernel.ADD_BIAS));
        assertEquals(batch, items.get(Kernel.PRELU_SLOPE_GRADIENT));
        assertEquals(batch * (long) rows, items.get(Kernel.SOFTMAX_CROSS_ENTROPY));
        assertEquals(batch * (long) cols, items.get(Kernel.COLUMN_SUMS));
        assertEquals(batch * (long) cols, items.get(Kernel.BATCH_NORM_STATISTICS));
        assertEquals(batch * (long) n, items.get(Kernel.BATCH_NORM_FORWARD));
        assertEquals(batch * (long) cols, items.get(Kernel.BATCH_NORM_BACKWARD));
        assertEquals(rows * (long) cols, items.get(Kernel.GATHER_ROWS));
        assertEquals(0, flagReads, "launches never wait for the bad-index flag");
        ops.checkIndices();
        assertEquals(1, flagReads, "one read for both kernels that set it");
        ops.checkIndices();
        assertEquals(1, flagReads, "nothing pending: no read");
    }

    @Test
    void aSetFlagBitNamesItsIndexAndIsCleared() {
        CudaBuffer src = buffer(30);
        CudaBuffer idx = buffer(4);
        CudaBuffer dst = buffer(12);
        ops.gatherRows(4, 3, src, idx, dst);
        ops.softmaxCrossEntropy(1, 2, 5, packed(10, 1), packed(2, 1), packed(2, 1), packed(10, 1), 1f);
        flag = CudaKernels.BAD_TARGET_CLASS;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ops::checkIndices);
        assertEquals("target class must be in [0, 5)", e.getMessage());
        ops.checkIndices();
        assertEquals(1, flagReads);
    }

    @Test
    void anArrayReachingPastItsBufferIsRejectedByNameBeforeLaunch() {
        Strided x = packed(20, 3);
        Strided shortBias = Strided.of(buffer(14), 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ops.addBias(3, 4, 5, x, shortBias));
        assertEquals("bias needs floats up to index 15 (offset 0, stride 5, 5 per net, batch 3) "
                + "but its buffer holds 14", e.getMessage());
        assertTrue(launches.isEmpty());
    }

    @Test
    void sharedArraysNeedOnlyOneCopy() {
        Strided x = packed(6, 4);
        ops.squaredError(4, 6, x, Strided.shared(buffer(6)), packed(6, 4), packed(6, 4), 1f);
        assertEquals(1, launches.size());
    }

    @Test
    void preluWithoutSlopeIsRejected() {
        Strided x = packed(6, 2);
        assertEquals("PRELU needs a slope buffer", assertThrows(IllegalArgumentException.class,
                () -> ops.activationForward(Activation.PRELU, 0f, 2, 6, x, null, x)).getMessage());
    }

    @Test
    void buffersOfAnotherBackendOrClosedOnesAreRejected() {
        CudaBuffer foreign = new CudaBuffer(b -> { }, 10, new CUdeviceptr());
        Strided x = packed(10, 1);
        assertThrows(IllegalArgumentException.class,
                () -> ops.multiplyMask(1, 10, x, Strided.shared(foreign), null, x));
        CudaBuffer closed = buffer(10);
        closed.close();
        assertEquals("buffer used after close", assertThrows(IllegalStateException.class,
                () -> ops.multiplyMask(1, 10, x, Strided.shared(closed), null, x)).getMessage());
        DeviceBuffer cpu = new dev.descent.core.compute.CpuBuffer(10);
        assertThrows(IllegalArgumentException.class, () -> ops.columnSums(1, 1, 10, Strided.shared(cpu), x));
    }

    @Test
    void gatherChecksIndexAndDestinationRanges() {
        assertThrows(IllegalArgumentException.class,
                () -> ops.gatherRows(4, 3, buffer(30), buffer(3), buffer(12)));
        assertThrows(IllegalArgumentException.class,
                () -> ops.gatherRows(4, 3, buffer(30), buffer(4), buffer(11)));
        assertTrue(launches.isEmpty());
    }
}
