package dev.descent.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed, range-checked access to the {@code key=value} pairs of a {@link Spec}. Every read
 * records the key; {@link #rejectUnknown()} then reports any key that nothing read, with
 * the allowed keys, so a typo ("betta1=0.9") is an error and not a silent default.
 */
public final class Params {
    private final String owner;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();
    private final List<String> allowed = new ArrayList<>();

    /**
     * @param owner  what the values configure, used in messages ("adam", "onecycle")
     * @param values the raw pairs
     */
    public Params(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = new LinkedHashMap<>(values);
    }

    public static Params of(Spec spec) {
        return new Params(spec.name(), spec.values());
    }

    public String owner() {
        return owner;
    }

    /** True when the key was given. Counts as a read. */
    public boolean has(String key) {
        note(key);
        return values.containsKey(key);
    }

    public double getDouble(String key, double defaultValue) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        return parseDouble(key, raw);
    }

    /** A required double: missing is an error. */
    public double requireDouble(String key) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            throw new ConfigException(owner + ": " + key + " is required");
        }
        return parseDouble(key, raw);
    }

    public int getInt(String key, int defaultValue) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        return parseInt(key, raw);
    }

    public int requireInt(String key) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            throw new ConfigException(owner + ": " + key + " is required");
        }
        return parseInt(key, raw);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new ConfigException(owner + ": " + key + " must be true or false, was '" + raw + "'");
        }
    }

    /** One of a fixed set of words (compared case-insensitively, returned lower-case). */
    public String getChoice(String key, String defaultValue, String... choices) {
        note(key);
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(lower)) {
                return choice;
            }
        }
        throw new ConfigException(owner + ": " + key + " must be one of " + String.join("|", choices)
                + ", was '" + raw + "'");
    }

    /** A ';'- or ','-separated list of numbers ("50;120"); empty when absent. */
    public double[] getDoubleList(String key) {
        note(key);
        String raw = values.get(key);
        if (raw == null || raw.isEmpty()) {
            return new double[0];
        }
        String[] parts = raw.split("[;,]");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseDouble(key, parts[i].trim());
        }
        return out;
    }

    /** Fails when a value lies outside [lo, hi] (inclusive flags choose open or closed ends). */
    public double checkRange(String key, double value, double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        boolean ok = (loInclusive ? value >= lo : value > lo) && (hiInclusive ? value <= hi : value < hi);
        if (!ok) {
            throw new ConfigException(owner + ": " + key + " must be in " + (loInclusive ? "[" : "(")
                    + bound(lo) + ", " + bound(hi) + (hiInclusive ? "]" : ")") + ", was " + value);
        }
        return value;
    }

    /** Reports keys that were given but never read, listing those that were. */
    public void rejectUnknown() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException(owner + ": unknown parameter '" + key + "'; allowed: "
                        + String.join(", ", allowed));
            }
        }
    }

    private void note(String key) {
        if (read.add(key)) {
            allowed.add(key);
        }
    }

    private double parseDouble(String key, String raw) {
        try {
            double v = Double.parseDouble(raw);
            if (Double.isNaN(v)) {
                throw new ConfigException(owner + ": " + key + " must be a number, was '" + raw + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(owner + ": " + key + " must be a number, was '" + raw + "'");
        }
    }

    private int parseInt(String key, String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(owner + ": " + key + " must be a whole number, was '" + raw + "'");
        }
    }

    /** A range end as a reader writes it: "0", "1", "inf", "0.5". */
    private static String bound(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
