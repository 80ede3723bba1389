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
    void windowIsTitledDescentAndHasTheAppIcon() {
        assertEquals("Descent", stage.getTitle());
        assertEquals(1, stage.getIcons().size(), "the window icon from assets/descent.png");
        assertEquals(256, stage.getIcons().get(0).getWidth());
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
        // the mark under the field: the failed text, the gap after its end marked
        javafx.scene.text.Text bad = robot.lookup("#" + ProblemView.EXPRESSION_BAD_CHAR_ID).query();
        assertTrue(bad.isVisible());
        assertEquals(dev.descent.ui.problem.ErrorMark.END, bad.getText());
        assertEquals("sin(x) + ", markText(robot).substring(0, 9));
    }

    @Test
    void aLongBrokenExpressionMarksTheOffendingCharacterWhereverTheFieldHasScrolled(FxRobot robot) throws Exception {
        robot.interact(() -> model().problem().choose(ProblemViewModel.TYPED));
        Surface good = model().problem().surfaceProperty().get();
        TextField field = robot.lookup("#" + ProblemView.EXPRESSION_ID).queryAs(TextField.class);
        String text = "0.5*x^2 + 2*y^2 + 0.3*sin(3*x)*cos(2*y) + 0.1*exp(-(x-1)^2) # 0.2*tanh(x*y) + 0.05*x*y";
        int hash = text.indexOf('#');
        robot.clickOn(field);
        robot.interact(() -> field.setText(text));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !model().problem().errorProperty().get().isEmpty());
        assertEquals(hash, model().problem().errorPositionProperty().get(), model().problem().errorProperty().get());
        javafx.scene.text.Text bad = robot.lookup("#" + ProblemView.EXPRESSION_BAD_CHAR_ID).query();
        assertEquals("#", bad.getText());
        assertTrue(bad.isUnderline());
        String shown = markText(robot);
        int at = shown.indexOf('#');
        assertEquals(text.substring(hash - dev.descent.ui.problem.ErrorMark.CONTEXT, hash), shown.substring(1, at),
                "the characters before it, as typed");
        assertTrue(shown.startsWith("…") && shown.endsWith("…"), shown);
        // the mark sits inside the panel, however far the field has scrolled
        var box = robot.lookup("#" + ProblemView.EXPRESSION_MARK_ID).queryAs(javafx.scene.text.TextFlow.class);
        var bounds = bad.localToScene(bad.getBoundsInLocal());
        var panel = box.localToScene(box.getBoundsInLocal());
        assertTrue(bounds.getMinX() >= panel.getMinX() && bounds.getMaxX() <= panel.getMaxX(), bounds + " in " + panel);
        assertEquals(hash, field.getSelection().getStart(), "the caret goes to the spot");
        assertSame(good, model().problem().surfaceProperty().get());
    }

    private static String markText(FxRobot robot) {
        var flow = robot.lookup("#" + ProblemView.EXPRESSION_MARK_ID).queryAs(javafx.scene.text.TextFlow.class);
        StringBuilder sb = new StringBuilder();
        flow.getChildren().forEach(n -> sb.append(((javafx.scene.text.Text) n).getText()));
        return sb.toString();
    }
}
