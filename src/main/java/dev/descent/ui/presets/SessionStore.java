package dev.descent.ui.presets;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The last session as a preset file in the user's config folder, written atomically on
 * close and read on the next start. A bad file is ignored with a message.
 */
public final class SessionStore {
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
}
