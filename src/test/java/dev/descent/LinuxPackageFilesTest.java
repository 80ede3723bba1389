package dev.descent;

import javafx.application.Application;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files the .deb is built from (tools/package): the desktop entry template that jpackage
 * fills in, and the jpackage call. {@code tools/package/check-deb.sh} checks the built package
 * itself after {@code ./mvnw -Papp package}; this test keeps the inputs right without building it.
 */
class LinuxPackageFilesTest {
    private static final Path DESKTOP = Path.of("tools/package/linux/Descent.desktop");
    private static final Path JPACKAGE = Path.of("tools/package/jpackage.sh");

    @Test
    void theDesktopEntryTemplateStartsTheLauncherWithItsIconInTheMenuGroup() throws IOException {
        List<String> lines = Files.readAllLines(DESKTOP);
        assertEquals("[Desktop Entry]", lines.get(0));
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entry.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        // jpackage replaces these tokens with the installed launcher, icon and --linux-menu-group
        assertEquals("APPLICATION_LAUNCHER", entry.get("Exec"));
        assertEquals("APPLICATION_ICON", entry.get("Icon"));
        assertEquals("DEPLOY_BUNDLE_CATEGORY", entry.get("Categories"));
        assertEquals("Application", entry.get("Type"));
        assertEquals("false", entry.get("Terminal"));
        assertTrue(entry.get("Keywords").endsWith(";"), "a desktop-entry list ends with ';'");
    }

    @Test
    void theWindowClassInTheDesktopEntryIsTheJavaFxApplicationClass() throws Exception {
        // GTK names a JavaFX window after its Application subclass; docks match it to the entry by it
        String wmClass = Files.readAllLines(DESKTOP).stream().filter(l -> l.startsWith("StartupWMClass="))
                .map(l -> l.substring("StartupWMClass=".length())).findFirst().orElseThrow();
        Class<?> app = Class.forName(wmClass, false, getClass().getClassLoader());
        assertTrue(Application.class.isAssignableFrom(app), wmClass + " is not a javafx.application.Application");
    }

    @Test
    void theDebDependsOnGtk3AndSitsInEducationAndScience() throws IOException {
        String script = Files.readString(JPACKAGE);
        assertTrue(script.contains("--linux-menu-group \"Education;Science;\""), "menu group");
        assertTrue(script.matches("(?s).*--linux-package-deps \"[^\"]*\\blibgtk-3-0\\b[^\"]*\".*"), "GTK 3 dependency");
        assertTrue(script.contains("--resource-dir tools/package/linux"), "the desktop entry template is used");
        assertTrue(script.contains("tools/package/check-deb.sh"), "the built package is checked");
    }
}
