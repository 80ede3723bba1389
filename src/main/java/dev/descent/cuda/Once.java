package dev.descent.cuda;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept; a computation that throws is not kept, so the next
 * call tries again. Thread-safe.
 */
final class Once<T> {

    private final Supplier<T> compute;
    private T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
