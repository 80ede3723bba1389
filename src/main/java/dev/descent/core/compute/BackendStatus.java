package dev.descent.core.compute;

/**
 * Whether a backend can be used here, and why (not).
 *
 * @param available true when the backend probed healthy
 * @param reason    for an available backend its description ("cuda (NVIDIA A10, 22.5 GiB)");
 *                  otherwise why not ("no CUDA driver (libcuda.so.1 not found)")
 */
public record BackendStatus(boolean available, String reason) {

    public static BackendStatus available(String description) {
        return new BackendStatus(true, description);
    }

    public static BackendStatus unavailable(String reason) {
        return new BackendStatus(false, reason);
    }
}
