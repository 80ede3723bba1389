package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Backend#forEachOnHost} on the CPU backend's GEMM threads, and the default in order. */
class CpuBackendForEachOnHostTest {

    @Test
    void everyIndexRunsExactlyOnceWithOneOrSeveralThreads() {
        for (int threads : new int[] {1, 2, 3}) {
            try (CpuBackend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, threads))) {
                for (int count : new int[] {0, 1, 2, 8, 101}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(count, 1));
                    backend.forEachOnHost(count, i -> runs.incrementAndGet(i));
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, runs.get(i), threads + " threads, " + count + " indices, index " + i);
                    }
                }
            }
        }
    }

    @Test
    void anExceptionOfABodyReachesTheCaller() {
        try (CpuBackend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 2))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> backend.forEachOnHost(8, i -> {
                if (i == 5) {
                    throw new IllegalStateException("racer 5");
                }
            }));
            assertEquals("racer 5", e.getMessage());
            // the pool still works afterwards
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            backend.forEachOnHost(4, runs::incrementAndGet);
            assertEquals("[1, 1, 1, 1]", runs.toString());
        }
    }

    @Test
    void theDefaultRunsTheIndicesInOrderOnTheCaller() {
        // a backend with nothing but Backend's default methods
        Backend plain = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        StringBuilder order = new StringBuilder();
        Thread caller = Thread.currentThread();
        plain.forEachOnHost(4, i -> {
            assertEquals(caller, Thread.currentThread());
            order.append(i);
        });
        assertEquals("0123", order.toString());
    }
}
