package dev.descent.ui;

import dev.descent.ui.main.MainViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation-mode keys in the real window (Monocle): number keys, Page Down, P and V, the caption. */
@ExtendWith(ApplicationExtension.class)
class PresentationKeysTest {
    private DescentApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("descent.session", "none");
        app = new DescentApp();
        app.start(stage);
        stage.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        app.stop();
    }

    private MainViewModel model() {
        return app.model();
    }

    @Test
    void numberKeysAndPageDownLoadThePresetsInTopicOrder(FxRobot robot) {
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        // topic 1 (Gradient descent) holds one preset; topic 2 (Learning rate) comes next
        assertEquals("Gradient descent on a convex bowl", model().titleProperty().get());
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Learning rate: too small, good, too large, divergent", model().titleProperty().get());
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Gradient descent on a convex bowl", model().titleProperty().get());
        assertEquals("bowl", model().problem().surfaceProperty().get().id());
    }

    @Test
    void predictModeHidesTheCurvesUntilVAndAgainAfterReset(FxRobot robot) {
        Node hint = robot.lookup(".dsc-reveal-hint").query();
        assertFalse(hint.isVisible());
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hint.isVisible(), "P hides the curves");
        robot.type(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible(), "V reveals them");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hint.isVisible(), "a new preset hides them again");
    }

    @Test
    void presentationModeShowsTheLessonAsCaption(FxRobot robot) {
        robot.type(KeyCode.DIGIT1);
        Label caption = robot.lookup(".dsc-caption").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(caption.isVisible(), "no caption outside presentation mode");
        robot.interact(() -> model().presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(caption.isVisible());
        assertTrue(caption.getText().startsWith("f = x^2 + y^2."), caption.getText());
    }
}
