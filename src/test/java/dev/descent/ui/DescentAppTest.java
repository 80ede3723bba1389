package dev.descent.ui;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.surface.Surface;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.problem.ProblemView;
import dev.descent.ui.problem.ProblemViewModel;
import dev.descent.ui.racers.RacersView;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real window headless (Monocle): surface, playback, a refused value, a broken f(x, y). */
@ExtendWith(ApplicationExtension.class)
class DescentAppTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
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
    void windowIsTitledDescent() {
        assertEquals("Descent", stage.getTitle());
    }

    @Test
    void pickSurfacePlayPauseAndStep(FxRobot robot) throws Exception {
        ComboBox<String> picker = robot.lookup("#" + ProblemView.SURFACE_PICKER_ID).queryComboBox();
        robot.clickOn(picker);
        robot.clickOn("himmelblau");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("himmelblau", model().problem().surfaceProperty().get().id());

        robot.clickOn("#" + TopBar.PLAY_ID);
        assertTrue(model().awaitFrame(f -> f.running() && f.stepsRun() > 3, TIMEOUT).isPresent());
        robot.clickOn("#" + TopBar.PLAY_ID);
        RaceSnapshot paused = model().awaitFrame(f -> !f.running(), TIMEOUT).orElseThrow();
        assertFalse(model().runningProperty().get());

        long before = paused.stepsRun();
        robot.clickOn("#" + TopBar.STEP_ID);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == before + 1, TIMEOUT).isPresent());

        robot.clickOn("#" + TopBar.RESET_ID);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).isPresent());
    }

    @Test
    void spaceRightAndRDrivePlayback(FxRobot robot) throws Exception {
        robot.clickOn("#" + dev.descent.ui.main.StatusBarView.ID);
        robot.type(KeyCode.RIGHT);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == 1, TIMEOUT).isPresent());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().runningProperty().get());
        assertTrue(model().awaitFrame(f -> f.running() && f.stepsRun() > 2, TIMEOUT).isPresent());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model().runningProperty().get());
        robot.type(KeyCode.R);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).isPresent());
    }

    @Test
    void badLearningRateIsRefusedAtTheFieldWithTheReason(FxRobot robot) {
        var racer = model().racers().selectedProperty().get();
        String before = racer.optimizerProperty().get().value("lr");
        TextField lr = robot.lookup("#sheet-lr").queryAs(TextField.class);
        robot.doubleClickOn(lr).eraseText(12).write("-3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lr.getStyleClass().contains(Styles.INVALID));
        assertTrue(lr.getTooltip().getText().contains("lr"), lr.getTooltip().getText());
        Label error = robot.lookup("#" + RacersView.ERROR_ID).queryAs(Label.class);
        assertTrue(error.getText().contains("-3"), error.getText());
        assertEquals(before, racer.optimizerProperty().get().value("lr"));

        robot.doubleClickOn(lr).eraseText(12).write("0.002").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lr.getStyleClass().contains(Styles.INVALID));
        assertEquals("0.002", racer.optimizerProperty().get().value("lr"));
    }

    @Test
    void brokenExpressionShowsTheErrorAndKeepsTheOldSurface(FxRobot robot) throws Exception {
        robot.interact(() -> model().problem().choose(ProblemViewModel.TYPED));
        Surface good = model().problem().surfaceProperty().get();
        TextField field = robot.lookup("#" + ProblemView.EXPRESSION_ID).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write("sin(x) + ").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model().problem().errorProperty().get().isEmpty());
        Label error = robot.lookup("#" + ProblemView.EXPRESSION_ERROR_ID).queryAs(Label.class);
        assertTrue(error.isVisible());
        assertFalse(error.getText().isEmpty());
        assertTrue(field.getStyleClass().contains(Styles.INVALID));
        assertEquals(9, model().problem().errorPositionProperty().get(), error.getText());
        assertSame(good, model().problem().surfaceProperty().get());
    }
}
