package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One way to name a data set everywhere ({@code train --data}, presets, the app): a generator
 * name ({@code moons}), a bundled set ({@code iris}) or a CSV file path, tried in that order.
 */
public final class DataSources {

    private DataSources() {
    }

    /**
     * Opens the data set called {@code source}. {@code samples}, {@code noise} and {@code seed}
     * apply to generators only.
     *
     * @throws ConfigException (a {@link CsvFormatException} for a bad file) when the source is
     *                         unknown or cannot be read
     */
    public static Dataset open(String source, int samples, double noise, long seed, CsvOptions csv) {
        if (source == null || source.isBlank()) {
            throw new ConfigException("data must name a generator, a bundled set or a .csv file, was blank");
        }
        if (isGenerator(source)) {
            return DataGenerators.create(source, samples, noise, seed);
        }
        if (BundledDatasets.contains(source)) {
            return BundledDatasets.load(source);
        }
        Path file = Path.of(source);
        if (source.toLowerCase(Locale.ROOT).endsWith(".csv") || Files.exists(file)) {
            return CsvImporter.read(file, csv);
        }
        throw new ConfigException("unknown data '" + source + "': not a generator ("
                + DataGenerators.all().stream().map(DataGenerator::name).collect(Collectors.joining(", "))
                + "), not a bundled set (" + String.join(", ", BundledDatasets.names()) + ") and not a .csv file");
    }

    /**
     * Whether {@link #open} reads {@code source} as a file: it names no generator and no bundled
     * set (whether the file exists is {@link #open}'s to report).
     */
    public static boolean isFile(String source) {
        return source != null && !source.isBlank() && !isGenerator(source) && !BundledDatasets.contains(source);
    }

    private static boolean isGenerator(String source) {
        for (DataGenerator g : DataGenerators.all()) {
            if (g.name().equals(source)) {
                return true;
            }
        }
        return false;
    }
}
