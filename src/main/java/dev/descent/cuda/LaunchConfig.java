package dev.descent.cuda;

/**
 * Grid and block sizes of a one-dimensional kernel launch over {@code count} work items.
 * Every kernel of {@code kernels.cu} walks its items with a grid-stride loop
 * <pre>
 *   for (i = blockIdx.x * blockDim.x + threadIdx.x; i &lt; count; i += gridDim.x * blockDim.x)
 * </pre>
 * so the grid may be capped (at a few waves per multiprocessor) and still cover every item
 * exactly once; a work item is an element, a row or a column, as the kernel says.
 *
 * @param gridBlocks      blocks in the grid, 0 only for an empty launch (which is skipped)
 * @param threadsPerBlock threads per block, a multiple of the warp size 32
 */
public record LaunchConfig(int gridBlocks, int threadsPerBlock) {

    /** Threads per block for a full block. */
    public static final int BLOCK = 256;
    /** Warp size: blocks are whole warps. */
    public static final int WARP = 32;
    /** The grid cap when the multiprocessor count is unknown. */
    public static final int DEFAULT_MAX_BLOCKS = 1024;
    /** Blocks per multiprocessor in the grid cap. */
    public static final int BLOCKS_PER_MULTIPROCESSOR = 32;

    public LaunchConfig {
        if (gridBlocks < 0) {
            throw new IllegalArgumentException("gridBlocks must be >= 0, was " + gridBlocks);
        }
        if (threadsPerBlock < WARP || threadsPerBlock > 1024 || threadsPerBlock % WARP != 0) {
            throw new IllegalArgumentException("threadsPerBlock must be a multiple of 32 in [32, 1024], was "
                    + threadsPerBlock);
        }
    }

    /**
     * The launch for {@code count} items: one thread per item up to {@code maxBlocks} blocks of
     * {@link #BLOCK} threads (fewer threads, whole warps, when count is small), beyond that the
     * grid-stride loop gives each thread several items.
     *
     * @param count     items, {@code >= 0}
     * @param maxBlocks grid cap, {@code >= 1}
     */
    public static LaunchConfig forItems(long count, int maxBlocks) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (maxBlocks < 1) {
            throw new IllegalArgumentException("maxBlocks must be >= 1, was " + maxBlocks);
        }
        if (count == 0) {
            return new LaunchConfig(0, WARP);
        }
        int threads = (int) Math.min(BLOCK, ceilDiv(count, WARP) * WARP);
        long blocks = Math.min(ceilDiv(count, threads), maxBlocks);
        return new LaunchConfig((int) blocks, threads);
    }

    /** The grid cap for a device with this many multiprocessors. */
    public static int maxBlocks(int multiprocessors) {
        if (multiprocessors < 1) {
            return DEFAULT_MAX_BLOCKS;
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) multiprocessors * BLOCKS_PER_MULTIPROCESSOR);
    }

    /** Whether there is nothing to do (CUDA rejects a grid of 0 blocks, so the launch is skipped). */
    public boolean isEmpty() {
        return gridBlocks == 0;
    }

    /** Threads in the grid: the stride of the grid-stride loop. */
    public long totalThreads() {
        return (long) gridBlocks * threadsPerBlock;
    }

    /** The most items one thread handles for {@code count} items. */
    public long itemsPerThread(long count) {
        return isEmpty() ? 0 : ceilDiv(count, totalThreads());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
