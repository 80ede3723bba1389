package dev.descent.core.preset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Typed reads from one JSON object that know where they are ("racers[1]"), so every error
 * names its JSON path. Absent keys and JSON null give the default.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code node}; an error when it is not an object. */
    static JsonFields object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ConfigException(where(path) + "expected an object, was " + kind(node));
        }
        return new JsonFields(node, path);
    }

    String path() {
        return path;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    String text(String key, String defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isTextual()) {
            throw error(key, "expected a string, was " + kind(value));
        }
        return value.textValue();
    }

    double number(String key, double defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isNumber()) {
            throw error(key, "expected a number, was " + kind(value));
        }
        return value.doubleValue();
    }

    long integer(String key, long defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(key, "expected a whole number, was " + kind(value));
        }
        return value.longValue();
    }

    int intValue(String key, int defaultValue) {
        long v = integer(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(key, "expected a whole number in int range, was " + v);
        }
        return (int) v;
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, was " + kind(value));
        }
        return value.booleanValue();
    }

    /** One string or an array of strings (per-layer settings), or the default when absent. */
    List<String> texts(String key, List<String> defaultValue) {
        return oneOrMany(key, defaultValue, JsonNode::isTextual, JsonNode::textValue, "a string");
    }

    /** One number or an array of numbers, or the default when absent. */
    List<Double> numbers(String key, List<Double> defaultValue) {
        return oneOrMany(key, defaultValue, JsonNode::isNumber, JsonNode::doubleValue, "a number");
    }

    /** One boolean or an array of booleans, or the default when absent. */
    List<Boolean> bools(String key, List<Boolean> defaultValue) {
        return oneOrMany(key, defaultValue, JsonNode::isBoolean, JsonNode::booleanValue, "true or false");
    }

    private <T> List<T> oneOrMany(String key, List<T> defaultValue, java.util.function.Predicate<JsonNode> fits,
                                  java.util.function.Function<JsonNode, T> read, String expected) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (fits.test(value)) {
            return List.of(read.apply(value));
        }
        if (!value.isArray()) {
            throw error(key, "expected " + expected + " or an array of them, was " + kind(value));
        }
        if (value.isEmpty()) {
            throw error(key, "expected " + expected + " or an array of them, was an empty array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!fits.test(element)) {
                throw new ConfigException(child(key) + "[" + i + "]: expected " + expected + ", was " + kind(element));
            }
            out.add(read.apply(element));
        }
        return out;
    }

    /** The nested object, or null when absent. */
    JsonFields objectOrNull(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        return object(value, child(key));
    }

    /** The elements of a nested array (empty when absent). */
    List<JsonNode> array(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected an array, was " + kind(value));
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    ConfigException error(String key, String message) {
        return new ConfigException(child(key) + ": " + message);
    }

    /**
     * Builds a record at {@code path}, putting the path in front of its validation message:
     * "colour must be #rrggbb" at "racers[0]" becomes "racers[0].colour must be #rrggbb".
     */
    static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ConfigException e) {
            if (path.isEmpty() || e.getMessage().startsWith(path)) {
                throw e;
            }
            throw new ConfigException(path + "." + e.getMessage(), e);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    static String kind(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return value.toString();
    }
}
