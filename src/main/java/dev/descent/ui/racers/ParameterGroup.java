package dev.descent.ui.racers;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A chosen algorithm (optimizer or schedule) with its hyper-parameter values as text, and
 * the check that a candidate set of values builds. Immutable: edits return a new group.
 *
 * @param name       registry name
 * @param parameters the metadata, in display order
 * @param values     value text per parameter name (absent = the default / not set)
 */
public record ParameterGroup(String name, List<HyperParameter> parameters, Map<String, String> values) {

    public ParameterGroup {
        parameters = List.copyOf(parameters);
        values = Map.copyOf(values);
    }

    /** A group with every parameter at its default. */
    public static ParameterGroup withDefaults(String name, List<HyperParameter> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (HyperParameter p : parameters) {
            if (isValue(p.kind(), p.defaultValue())) {
                values.put(p.name(), p.defaultValue());
            }
        }
        return new ParameterGroup(name, parameters, values);
    }

    /**
     * Whether a default is a value the registry parses. A descriptive default ("optimizer lr",
     * "step_size_up") means "taken from elsewhere when left out", so writing it into a spec
     * would make the spec invalid (a cyclic racer would sit out the race).
     */
    static boolean isValue(HyperParameter.Kind kind, String text) {
        if (text == null) {
            return false;
        }
        try {
            switch (kind) {
                case DOUBLE -> Double.parseDouble(text.trim());
                case INT -> Integer.parseInt(text.trim());
                case BOOLEAN -> {
                    return text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false");
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String value(String key) {
        return values.get(key);
    }

    /** The spec text the registry parses ("adam lr=0.01 beta1=0.9"). */
    public Spec spec() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (HyperParameter p : parameters) {
            String v = values.get(p.name());
            if (v != null && !v.isBlank()) {
                ordered.put(p.name(), v.trim());
            }
        }
        return new Spec(name, ordered);
    }

    /** The group with these values set as given (no check: for specs validated elsewhere). */
    public ParameterGroup withAll(Map<String, String> given) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.putAll(given);
        return new ParameterGroup(name, parameters, next);
    }

    /** The name with only the values that differ from their defaults ("sgd lr=0.1 momentum=0.9"). */
    public String shortText() {
        StringBuilder sb = new StringBuilder(name);
        for (HyperParameter p : parameters) {
            String v = values.get(p.name());
            if (v != null && !v.isBlank() && !same(v, p.defaultValue())) {
                sb.append(' ').append(p.name()).append('=').append(v.trim());
            }
        }
        return sb.toString();
    }

    private static boolean same(String value, String defaultValue) {
        if (defaultValue == null) {
            return false;
        }
        if (value.trim().equalsIgnoreCase(defaultValue)) {
            return true;
        }
        try {
            return Double.parseDouble(value.trim()) == Double.parseDouble(defaultValue);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The group with {@code key} set to {@code text}, if it builds.
     *
     * @param builder tries to build the algorithm from a spec; throws ConfigException when it cannot
     * @throws ConfigException with the reason (the range, the parser's message) when refused
     */
    public ParameterGroup with(String key, String text, Consumer<Spec> builder) {
        if (parameters.stream().noneMatch(p -> p.name().equals(key))) {
            throw new ConfigException(name + ": unknown parameter '" + key + "'");
        }
        if (text == null || text.isBlank() || text.trim().contains(" ") || text.contains("=")) {
            throw new ConfigException(name + ": " + key + " needs a value without spaces, was '" + text + "'");
        }
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(key, text.trim());
        ParameterGroup candidate = new ParameterGroup(name, parameters, next);
        builder.accept(candidate.spec());
        return candidate;
    }
}
