package dev.descent.core.bench;

/**
 * A backend {@code bench} did not measure, and why: its probe failed or it failed to open
 * ({@code {"backend":"cuda","reason":"no CUDA driver (libcuda.so.1 not found)"}}).
 */
public record SkippedBackend(String backend, String reason) {
}
