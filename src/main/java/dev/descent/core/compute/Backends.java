package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** Chooses a backend: {@code auto} (the best one that probes healthy), {@code cpu} or {@code cuda}. */
public final class Backends {

    /**
     * The outcome of a choice.
     *
     * @param provider the chosen provider
     * @param status   its probe result
     * @param why      for the status bar: what is used and, when a preferred backend was
     *                 passed over, why ("cpu; cuda not used: no CUDA driver (libcuda.so.1 not found)")
     */
    public record Choice(BackendProvider provider, BackendStatus status, String why) {
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
     * @param choice "auto", "cpu" or "cuda"
     * @throws ConfigException when the name is unknown or the named backend is not usable here
     */
    public static Choice choose(String choice) {
        String wanted = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
        List<BackendProvider> providers = providers();
        if (wanted.equals("auto")) {
            StringBuilder passedOver = new StringBuilder();
            for (BackendProvider p : providers) {
                BackendStatus status = p.probe();
                if (status.available()) {
                    String why = status.reason() + (passedOver.length() == 0 ? "" : "; " + passedOver);
                    return new Choice(p, status, why);
                }
                if (passedOver.length() > 0) {
                    passedOver.append("; ");
                }
                passedOver.append(p.name()).append(" not used: ").append(status.reason());
            }
            throw new IllegalStateException("no compute backend is usable: " + passedOver);
        }
        for (BackendProvider p : providers) {
            if (p.name().equals(wanted)) {
                BackendStatus status = p.probe();
                if (!status.available()) {
                    throw new ConfigException("backend '" + wanted + "' is not usable here: " + status.reason());
                }
                return new Choice(p, status, status.reason());
            }
        }
        throw new ConfigException("unknown backend '" + choice + "'; known: auto, "
                + String.join(", ", providers.stream().map(BackendProvider::name).toList()));
    }
}
