package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void bodiesMayDownloadTheirOwnNetsAtTheSameTime() {
        int nets = 8;
        int perNet = 50_000;
        float[] all = new float[nets * perNet];
        for (int i = 0; i < all.length; i++) {
            all[i] = i * 0.5f;
        }
        try (CpuBackend backend = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 3))) {
            DeviceBuffer buffer = backend.allocate(all.length);
            backend.upload(all, 0, buffer, 0, all.length);
            float[][] copies = new float[nets][perNet];
            for (int round = 0; round < 20; round++) {
                backend.forEachOnHost(nets, p -> backend.download(buffer, (long) p * perNet, copies[p], 0, perNet));
                for (int p = 0; p < nets; p++) {
                    assertArrayEquals(java.util.Arrays.copyOfRange(all, p * perNet, (p + 1) * perNet), copies[p],
                            "net " + p + ", round " + round);
                    java.util.Arrays.fill(copies[p], -1);
                }
            }
        }
    }
}
