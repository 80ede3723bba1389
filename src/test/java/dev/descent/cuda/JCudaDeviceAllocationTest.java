package dev.descent.cuda;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link JCudaDevice#allocateCleared}: an allocation whose clearing fails is freed, not leaked. */
class JCudaDeviceAllocationTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void aClearedAllocationIsReturnedAndNotFreed() {
        Object pointer = new Object();
        assertSame(pointer, JCudaDevice.allocateCleared(() -> pointer, p -> calls.add("clear"), p -> calls.add("free")));
        assertEquals(List.of("clear"), calls);
    }

    @Test
    void whenClearingFailsThePointerIsFreedAndTheFailurePropagates() {
        Object pointer = new Object();
        List<Object> freed = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("CUDA_ERROR_LAUNCH_FAILED");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JCudaDevice.allocateCleared(
                () -> pointer, p -> {
                    throw failure;
                }, freed::add));
        assertSame(failure, e);
        assertEquals(List.of(pointer), freed);
    }

    @Test
    void aFailingFreeIsKeptAsSuppressedBehindTheClearingFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JCudaDevice.allocateCleared(
                Object::new, p -> {
                    throw new IllegalStateException("clear");
                }, p -> {
                    throw new IllegalStateException("free");
                }));
        assertEquals("clear", e.getMessage());
        assertEquals("free", e.getSuppressed()[0].getMessage());
    }

    @Test
    void aFailedAllocationFreesNothing() {
        assertThrows(IllegalStateException.class, () -> JCudaDevice.allocateCleared(() -> {
            throw new IllegalStateException("out of device memory");
        }, p -> calls.add("clear"), p -> calls.add("free")));
        assertEquals(List.of(), calls);
    }
}
