package dev.descent.cuda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchConfigTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 31, 32, 33, 255, 256, 257, 1000, 4096, 65_537, 300_000, 1_000_003})
    void gridStrideLoopVisitsEveryItemExactlyOnce(long count) {
        LaunchConfig config = LaunchConfig.forItems(count, 80);
        int[] visits = new int[(int) count];
        // the loop of every kernel, thread by thread
        for (long block = 0; block < config.gridBlocks(); block++) {
            for (long thread = 0; thread < config.threadsPerBlock(); thread++) {
                for (long i = block * config.threadsPerBlock() + thread; i < count; i += config.totalThreads()) {
                    visits[(int) i]++;
                }
            }
        }
        for (int i = 0; i < count; i++) {
            assertEquals(1, visits[i], "item " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1, 32",
            "31, 1, 32",
            "33, 1, 64",
            "200, 1, 224",
            "256, 1, 256",
            "257, 2, 256",
            "25600, 100, 256",
            "25601, 101, 256"})
    void smallCountsGetOneThreadPerItemInWholeWarps(long count, int blocks, int threads) {
        assertEquals(new LaunchConfig(blocks, threads), LaunchConfig.forItems(count, 1024));
    }

    @Test
    void largeCountsAreCappedAndLoop() {
        LaunchConfig config = LaunchConfig.forItems(1L << 40, 2560);
        assertEquals(new LaunchConfig(2560, 256), config);
        assertEquals((1L << 40) / (2560L * 256) + 1, config.itemsPerThread(1L << 40));
    }

    @Test
    void oneThreadPerItemBelowTheCap() {
        assertEquals(1, LaunchConfig.forItems(1000, 1024).itemsPerThread(1000));
        assertEquals(4, LaunchConfig.forItems(1024, 1).itemsPerThread(1024));
    }

    @Test
    void zeroItemsIsAnEmptyLaunch() {
        LaunchConfig config = LaunchConfig.forItems(0, 1024);
        assertTrue(config.isEmpty());
        assertEquals(0, config.itemsPerThread(0));
    }

    @Test
    void gridCapIsThirtyTwoBlocksPerMultiprocessor() {
        assertEquals(2560, LaunchConfig.maxBlocks(80));
        assertEquals(LaunchConfig.DEFAULT_MAX_BLOCKS, LaunchConfig.maxBlocks(0));
    }

    @Test
    void rejectsBadArgumentsByName() {
        assertEquals("count must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> LaunchConfig.forItems(-1, 4)).getMessage());
        assertEquals("maxBlocks must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> LaunchConfig.forItems(5, 0)).getMessage());
        assertEquals("threadsPerBlock must be a multiple of 32 in [32, 1024], was 100",
                assertThrows(IllegalArgumentException.class, () -> new LaunchConfig(1, 100)).getMessage());
    }
}
