package dev.descent.ui;

import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.PresetBar;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.presets.SessionStore;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last session in the real window: a session folder of its own (the {@code descent.session}
 * property), restored on start with its preset title and the dark theme, and written on close.
 */
@ExtendWith(ApplicationExtension.class)
class SessionRestoreAppTest {
    @TempDir
    Path dir;
    private DescentApp app;
    private Preset ravine;

    @Start
    void start(Stage stage) throws Exception {
        Path session = dir.resolve("cfg/session.json");
        ravine = PresetFiles.load(Path.of("presets/ravine-momentum.json"));
        SessionStore store = new SessionStore(session);
        store.save(ravine);
        store.saveSettings(new SessionStore.Settings(true));
        System.setProperty("descent.session", session.toString());
        app = new DescentApp();
        app.start(stage);
        stage.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        app.stop();
        System.setProperty("descent.session", "none");
    }

    private MainViewModel model() {
        return app.model();
    }

    @Test
    void theWindowComesBackWithTheLastPresetItsTitleAndTheDarkTheme(FxRobot robot) throws Exception {
        assertEquals(ravine.title(), model().titleProperty().get(), "figures are titled after the preset");
        assertEquals(ravine.racers().size(), model().racers().racers().size());
        assertEquals("ravine", model().problem().surfaceProperty().get().id());
        SurfaceSliders.assertShown(robot, "kappa", 50, "angle", 20); // ravine-momentum's surface
        assertTrue(model().darkProperty().get());
        assertTrue(robot.lookup("#" + TopBar.THEME_ID).queryAs(ToggleButton.class).isSelected());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "restored the last session".equals(model().messageProperty().get()));
        // the picker names the restored lesson (without loading it again: the message stays)
        ComboBox<?> picker = robot.lookup("#" + PresetBar.PICKER_ID).queryAs(ComboBox.class);
        assertEquals(ravine.title(), String.valueOf(picker.getValue()));
        assertEquals("restored the last session", model().messageProperty().get());

        // switch to light, load another preset, close: both are there on the next start
        robot.clickOn("#" + TopBar.THEME_ID);
        robot.type(javafx.scene.input.KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        String title = model().titleProperty().get();
        assertFalse(title.equals(ravine.title()));
        robot.interact(() -> app.stop());
        SessionStore store = new SessionStore(dir.resolve("cfg/session.json"));
        assertEquals(title, store.load().orElseThrow().title());
        assertFalse(store.loadSettings().dark());
        assertTrue(Files.readString(store.settingsFile()).contains("\"light\""));

        DescentApp again = new DescentApp();
        robot.interact(() -> again.start(new Stage()));
        try {
            assertEquals(title, again.model().titleProperty().get());
            assertFalse(again.model().darkProperty().get());
            assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
        } finally {
            robot.interact(again::stop);
        }
    }
}
