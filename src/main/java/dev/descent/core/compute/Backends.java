package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Opens a backend for a choice: {@code auto} (the most preferred one that probes healthy and
 * opens), {@code cpu} or {@code cuda}. The one place the command line and the app turn a
 * choice into a running backend, so a GPU that probes healthy but fails to open (the driver
 * rejects the kernels, device memory runs out at start-up) falls back to the CPU everywhere.
 */
public final class Backends {

    /**
     * An opened backend.
     *
     * @param backend  the backend, open; the caller closes it
     * @param provider where it came from (to open more of the same kind)
     * @param why      for the status bar: what is used and, when a preferred backend was
     *                 passed over, why ("cpu (...); cuda not used: no CUDA driver (libcuda.so.1 not found)")
     */
    public record Opened(Backend backend, BackendProvider provider, String why) {
    }

    /**
     * The outcome of trying one provider: an open backend with the probe's description, or
     * why it is not usable (the probe's reason, or the message of its failed start).
     */
    public record Attempt(Backend backend, String reason) {

        public boolean opened() {
            return backend != null;
        }
    }

    private Backends() {
    }

    /** All providers on the class path, most preferred first. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> list = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparingInt(BackendProvider::priority).reversed());
        return list;
    }

    /**
     * Opens the backend for {@code choice} from the providers on the class path.
     *
     * @param choice "auto", "cpu" or "cuda" (null means auto)
     * @throws ConfigException when the name is unknown or the named backend is not usable here
     * @throws IllegalStateException when {@code auto} finds no usable backend at all
     */
    public static Opened open(String choice) {
        return open(choice, providers());
    }

    /**
     * Opens the backend for {@code choice} from {@code providers} (most preferred first).
     * {@code auto} tries each in turn, passing over one whose probe fails or whose
     * {@link BackendProvider#create()} throws, and names each one passed over and why.
     */
    public static Opened open(String choice, List<BackendProvider> providers) {
        String wanted = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            StringBuilder passedOver = new StringBuilder();
            for (BackendProvider p : providers) {
                Attempt attempt = attempt(p);
                if (attempt.opened()) {
                    String why = attempt.reason() + (passedOver.length() == 0 ? "" : "; " + passedOver);
                    return new Opened(attempt.backend(), p, why);
                }
                if (passedOver.length() > 0) {
                    passedOver.append("; ");
                }
                passedOver.append(p.name()).append(" not used: ").append(attempt.reason());
            }
            throw new IllegalStateException("no compute backend is usable: " + passedOver);
        }
        for (BackendProvider p : providers) {
            if (p.name().equals(wanted)) {
                Attempt attempt = attempt(p);
                if (!attempt.opened()) {
                    throw new ConfigException("backend '" + wanted + "' is not usable here: " + attempt.reason());
                }
                return new Opened(attempt.backend(), p, attempt.reason());
            }
        }
        throw new ConfigException("unknown backend '" + choice + "'; known: auto, "
                + String.join(", ", providers.stream().map(BackendProvider::name).toList()));
    }

    /**
     * Probes {@code provider} and, when it says available, creates the backend. Never throws:
     * a failing {@code create()} (including a native library that fails to link) becomes the
     * reason, so one broken backend never takes the program down.
     */
    public static Attempt attempt(BackendProvider provider) {
        BackendStatus status = provider.probe();
        if (!status.available()) {
            return new Attempt(null, status.reason());
        }
        try {
            Backend backend = provider.create();
            if (backend == null) {
                return new Attempt(null, provider.name() + " provider created no backend");
            }
            return new Attempt(backend, status.reason());
        } catch (RuntimeException | LinkageError e) {
            return new Attempt(null, e.getMessage() == null ? e.toString() : firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
