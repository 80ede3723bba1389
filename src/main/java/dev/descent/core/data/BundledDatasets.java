package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The real data sets shipped inside the jar (under {@code /datasets/}, sources and licences in
 * {@code /datasets/ATTRIBUTION.md}; in the source tree they live in {@code assets/datasets/},
 * which the build puts on the classpath): iris, wine, breast_cancer, digits8x8. Each is read with
 * the CSV importer and its defaults (label in the last column, classes in first-seen order).
 */
public final class BundledDatasets {

    private static final List<String> NAMES = List.of("iris", "wine", "breast_cancer", "digits8x8");

    private BundledDatasets() {
    }

    /** The names {@link #load} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /**
     * Where a bundled set comes from and its licence, as {@code /datasets/ATTRIBUTION.md} lists
     * it (the last column of the set's table row): "R. A. Fisher (1936), ... CC BY 4.0".
     */
    public static String attribution(String name) {
        if (!contains(name)) {
            throw new ConfigException("unknown bundled data set '" + name + "'; known: " + String.join(", ", NAMES));
        }
        String resource = "/datasets/ATTRIBUTION.md";
        try (InputStream in = BundledDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            String prefix = "| " + name + ".csv |";
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (line.startsWith(prefix)) {
                    String[] cells = line.split("\\|");
                    return cells[cells.length - 1].trim();
                }
            }
            throw new IllegalStateException(resource + " has no row for " + name + ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** Loads a bundled data set by name; a {@link ConfigException} listing the names for an unknown one. */
    public static Dataset load(String name) {
        return CsvImporter.parse(name + ".csv", csvBytes(name), CsvOptions.DEFAULTS);
    }

    /**
     * The shipped CSV file of a bundled set, byte for byte (its own header and class names);
     * {@link CsvImporter} reads it back to what {@link #load} gives.
     */
    public static byte[] csvBytes(String name) {
        if (!contains(name)) {
            throw new ConfigException("unknown bundled data set '" + name + "'; known: " + String.join(", ", NAMES));
        }
        String resource = "/datasets/" + name + ".csv";
        try (InputStream in = BundledDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
