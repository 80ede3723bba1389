package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import static dev.descent.core.compute.Transpose.NO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GemmCallTest {

    @Test
    void negativeStrideIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GemmCall(NO, NO, 2, 2, 2, 1f, 0, -4, 0, 0, 0f, 0, 4, 1));
        assertEquals("aStride must be >= 0, was -4", e.getMessage());
    }

    @Test
    void batchOutputsMustNotOverlap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GemmCall(NO, NO, 2, 3, 2, 1f, 0, 0, 0, 0, 0f, 0, 5, 2));
        assertEquals("cStride must be >= m*n = 6 so the batch's outputs do not overlap, was 5", e.getMessage());
    }

    @Test
    void flopsCountTwoPerMultiplyAdd() {
        assertEquals(2.0 * 3 * 4 * 5 * 6, new GemmCall(NO, NO, 3, 4, 5, 1f, 0, 15, 0, 20, 0f, 0, 12, 6).flops());
    }

    @Test
    void lastProblemMayEndExactlyAtTheBufferEnd() {
        GemmCall call = new GemmCall(NO, NO, 2, 2, 2, 1f, 1, 4, 0, 0, 0f, 0, 4, 3);
        try (CpuBuffer a = new CpuBuffer(13); CpuBuffer b = new CpuBuffer(4); CpuBuffer c = new CpuBuffer(12)) {
            call.requireFits(a, b, c);
        }
        try (CpuBuffer a = new CpuBuffer(12); CpuBuffer b = new CpuBuffer(4); CpuBuffer c = new CpuBuffer(12)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.requireFits(a, b, c));
            assertEquals("A needs floats up to index 13 (offset 1, stride 4, 4 per matrix, batch 3) but its buffer holds 12",
                    e.getMessage());
        }
    }

    @Test
    void cOverlappingBInTheSameBufferIsRejected() {
        GemmCall call = new GemmCall(NO, NO, 2, 2, 2, 1f, 0, 0, 0, 0, 0f, 3, 0, 1);
        try (CpuBuffer a = new CpuBuffer(4); CpuBuffer bc = new CpuBuffer(8)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.requireFits(a, bc, bc));
            assertEquals("C must not overlap B (same buffer, overlapping ranges)", e.getMessage());
        }
    }
}
