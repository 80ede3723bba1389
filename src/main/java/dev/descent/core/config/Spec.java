package dev.descent.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed one-line spec: a name followed by space-separated {@code key=value} pairs,
 * as written on the command line ({@code "adam lr=0.01 beta1=0.8 amsgrad=true"}).
 *
 * @param name   the lower-cased first word (optimizer, schedule or surface name)
 * @param values the pairs in the order written; keys are kept as written
 */
public record Spec(String name, Map<String, String> values) {

    public Spec {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses {@code "name k=v k=v"}; a repeated key, a pair without '=' or an empty spec is an error. */
    public static Spec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException("empty spec: expected a name followed by key=value pairs");
        }
        String[] words = text.trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        if (name.contains("=")) {
            throw new ConfigException("spec '" + text.trim() + "' must start with a name, not '" + words[0] + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                throw new ConfigException("'" + word + "' in spec '" + text.trim() + "' is not key=value");
            }
            String key = word.substring(0, eq);
            if (values.put(key, word.substring(eq + 1)) != null) {
                throw new ConfigException("'" + key + "' is given twice in spec '" + text.trim() + "'");
            }
        }
        return new Spec(name, values);
    }

    /** The spec written back in its one-line form. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
