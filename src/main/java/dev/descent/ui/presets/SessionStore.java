package dev.descent.ui.presets;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.Preset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.PresetFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The last session as a preset file in the user's config folder, written atomically on
 * close and read on the next start, and beside it {@code settings.json} with the window's
 * own settings (the theme). A bad session file is ignored with a message; bad or missing
 * settings mean the defaults.
 */
public final class SessionStore {
    /**
     * The title a session without a preset title is stored under (a preset file needs one);
     * restoring it gives back an untitled session. Earlier versions stored every session so.
     */
    public static final String UNTITLED = "Last session";
    static final String SETTINGS_FILE = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The window's settings that outlive a session: for now the theme. */
    public record Settings(boolean dark) {
        public static final Settings DEFAULT = new Settings(false);
    }

    private final Path file;

    /** @param file where the session lives (see {@link #defaultFile}) */
    public SessionStore(Path file) {
        this.file = file;
    }

    /**
     * The platform's config folder: {@code $XDG_CONFIG_HOME/descent} or {@code ~/.config/descent}
     * on Linux, {@code %APPDATA%\Descent} on Windows, {@code ~/Library/Application Support/Descent}
     * on macOS.
     */
    public static Path defaultFile(Map<String, String> env, String os, Path home) {
        String name = os.toLowerCase(Locale.ROOT);
        Path dir;
        if (name.contains("win") && env.get("APPDATA") != null) {
            dir = Path.of(env.get("APPDATA"), "Descent");
        } else if (name.contains("mac")) {
            dir = home.resolve("Library/Application Support/Descent");
        } else if (env.get("XDG_CONFIG_HOME") != null && !env.get("XDG_CONFIG_HOME").isBlank()) {
            dir = Path.of(env.get("XDG_CONFIG_HOME"), "descent");
        } else {
            dir = home.resolve(".config/descent");
        }
        return dir.resolve("session.json");
    }

    public Path file() {
        return file;
    }

    /**
     * The stored session, or empty when there is none.
     *
     * @throws ConfigException when the file exists but is not a valid preset
     */
    public Optional<Preset> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(PresetFiles.load(file));
    }

    /** Writes the session atomically, creating the folder. */
    public void save(Preset session) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        PresetFiles.save(file, session);
    }

    /** Where the settings live: {@code settings.json} beside the session file. */
    public Path settingsFile() {
        return file.toAbsolutePath().resolveSibling(SETTINGS_FILE);
    }

    /** The stored settings; the defaults when there are none or the file is not readable as settings. */
    public Settings loadSettings() {
        Path f = settingsFile();
        if (!Files.exists(f)) {
            return Settings.DEFAULT;
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            JsonNode theme = root == null ? null : root.get("theme");
            return new Settings(theme != null && "dark".equals(theme.asText()));
        } catch (IOException e) {
            return Settings.DEFAULT;
        }
    }

    /** Writes the settings atomically, creating the folder. */
    public void saveSettings(Settings settings) throws IOException {
        Files.createDirectories(settingsFile().getParent());
        ObjectNode root = JSON.createObjectNode();
        root.put("theme", settings.dark() ? "dark" : "light");
        AtomicFiles.write(settingsFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
