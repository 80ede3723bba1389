package dev.descent.ui.presets;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.PresetFiles;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds presets: the ones bundled in the jar (classpath folder {@code /presets}) and the
 * {@code *.json} files of the folders passed in (a {@code presets/} folder next to the app, the
 * user's own). A folder file replaces a bundled one of the same name. A file that does not
 * load is skipped and reported, never half-used.
 */
public final class PresetCatalog {
    /** The classpath folder of bundled presets. */
    public static final String BUNDLED = "/presets";

    private PresetCatalog() {
    }

    /**
     * @param folders  folders to scan after the bundled presets (missing ones are skipped)
     * @param problems collects "file: reason" for files that did not load
     */
    public static List<PresetEntry> load(List<Path> folders, List<String> problems) {
        // keyed by file name: a folder's rosenbrock-race.json replaces the bundled one
        Map<String, PresetEntry> out = new LinkedHashMap<>();
        bundled(out, problems);
        for (Path folder : folders) {
            scan(folder, folder.toString(), out, problems);
        }
        return new ArrayList<>(out.values());
    }

    private static void bundled(Map<String, PresetEntry> out, List<String> problems) {
        URL url = PresetCatalog.class.getResource(BUNDLED);
        if (url == null) {
            return;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                scan(fs.getPath(BUNDLED), "bundled", out, problems);
            } else {
                scan(Path.of(uri), "bundled", out, problems);
            }
        } catch (IOException | URISyntaxException e) {
            problems.add("bundled presets: " + e.getMessage());
        }
    }

    private static void scan(Path folder, String source, Map<String, PresetEntry> out, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
            return;
        }
        for (Path file : files) {
            try {
                out.put(file.getFileName().toString(), new PresetEntry(PresetFiles.load(file), source));
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
    }
}
