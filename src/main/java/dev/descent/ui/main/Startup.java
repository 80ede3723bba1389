package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.Preset;
import dev.descent.ui.presets.SessionStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.descent.core.expr.ExpressionException;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.Surfaces;
import dev.descent.ui.problem.ExpressionCompiler;

/** What a fresh window starts with. */
public final class Startup {
    private Startup() {
    }

    /** The core's f(x, y) parser, whose errors carry the character position. */
    public static ExpressionCompiler expressionCompiler() {
        return new ExpressionCompiler() {
            @Override
            public Surface compile(String text) {
                return Surfaces.expression(text);
            }

            @Override
            public int position(ConfigException error) {
                return error instanceof ExpressionException e ? e.position() : -1;
            }
        };
    }

    /** Where the session lives: the {@code descent.session} property ("none" = nowhere), else the config folder. */
    public static SessionStore sessionStore() {
        String override = System.getProperty("descent.session");
        if ("none".equals(override)) {
            return null;
        }
        return new SessionStore(override != null ? Path.of(override)
                : SessionStore.defaultFile(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", "."))));
    }

    /** The folders whose presets the picker lists after the bundled ones. */
    public static List<Path> presetFolders() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("presets"));
        SessionStore store = sessionStore();
        if (store != null) {
            folders.add(store.file().toAbsolutePath().getParent().resolve("presets"));
        }
        return folders;
    }

    /**
     * Restores the last session, or shows the first-start line-up.
     *
     * @return a message for the status bar, or null
     */
    public static String restore(MainViewModel model, SessionStore store) {
        if (store != null) {
            model.darkProperty().set(store.loadSettings().dark());
            try {
                Optional<Preset> last = store.load();
                if (last.isPresent()) {
                    model.restore(last.get());
                    return "restored the last session";
                }
            } catch (ConfigException e) {
                populate(model);
                return "last session ignored: " + e.getMessage();
            }
        }
        populate(model);
        return null;
    }

    /**
     * Writes the session (under its preset's title, so figures keep it after a restart) and
     * the theme for the next start; failures are not worth a dialog on the way out.
     */
    public static void store(MainViewModel model, SessionStore store) {
        if (store == null) {
            return;
        }
        try {
            String title = model.surfaceTitle();
            store.save(model.toPreset(title.isBlank() ? SessionStore.UNTITLED : title));
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: session not saved: " + e.getMessage());
        }
        try {
            store.saveSettings(new SessionStore.Settings(model.darkProperty().get()));
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: settings not saved: " + e.getMessage());
        }
    }

    /** A first-start problem and racer line-up. */
    public static void populate(MainViewModel model) {
        for (String preferred : new String[] {"rosenbrock", "ravine", "bowl"}) {
            if (model.problem().choices().contains(preferred)) {
                model.problem().choose(preferred);
                break;
            }
        }
        DefaultRacers.fill(model.racers());
    }
}
