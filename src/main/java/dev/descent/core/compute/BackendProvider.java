package dev.descent.core.compute;

/**
 * Finds and creates one kind of backend. Providers are discovered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.descent.core.compute.BackendProvider}),
 * so {@code core} never names the CUDA classes.
 */
public interface BackendProvider {

    /** "cpu" or "cuda": the word used by {@code --backend}. */
    String name();

    /** Higher is preferred by {@code auto} when available. */
    int priority();

    /** Whether this backend can run here, probed once and cached. Never throws. */
    BackendStatus probe();

    /** A new backend; only called when {@link #probe()} said available. */
    Backend create();
}
