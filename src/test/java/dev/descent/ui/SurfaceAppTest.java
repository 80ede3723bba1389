package dev.descent.ui;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.ui.inspector.InspectorView;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.PresetBar;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.presets.PresetEntry;
import dev.descent.ui.problem.ProblemView;
import dev.descent.ui.racers.RacerViewModel;
import dev.descent.ui.racers.RacersView;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The surface-mode window driven headless: edits while the race runs, the pending-edits cue,
 * renaming the selected racer, the preset picker, surface sliders that follow the surface
 * shown, refused slider values, the theme, and that the left panel shows every label in full
 * in both modes.
 */
@ExtendWith(ApplicationExtension.class)
class SurfaceAppTest {
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

    private RacerSnapshot raced(RaceSnapshot f, RacerViewModel r) {
        return f.racers().get(model().selectedIndex(f));
    }

    @Test
    void aRefusedEditWhileRacingLeavesTheRaceRunningOnItsOwnSettings(FxRobot robot) throws Exception {
        RacerViewModel racer = model().racers().selectedProperty().get();
        String lr = racer.optimizerProperty().get().value("lr");
        RaceSnapshot first = model().awaitFrame(f -> model().selectedIndex(f) >= 0, TIMEOUT).orElseThrow();
        String raced = raced(first, racer).config().optimizer();
        robot.interact(() -> model().stepsPerSecondProperty().set(200));
        robot.clickOn("#" + TopBar.PLAY_ID);
        assertTrue(model().awaitFrame(f -> f.running() && f.stepsRun() > 10, TIMEOUT).isPresent());

        TextField field = robot.lookup("#sheet-lr").queryAs(TextField.class);
        robot.doubleClickOn(field).eraseText(12).write("-3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field.getStyleClass().contains(Styles.INVALID));
        assertTrue(robot.lookup("#" + RacersView.ERROR_ID).queryAs(Label.class).getText().contains("-3"));
        assertEquals(lr, racer.optimizerProperty().get().value("lr"));
        assertFalse(model().pendingEditsProperty().get(), "a refused value is no edit");

        long seen = model().frameProperty().get().stepsRun();
        RaceSnapshot later = model().awaitFrame(f -> f.stepsRun() > seen + 20, TIMEOUT).orElseThrow();
        assertTrue(later.running(), "the race goes on");
        RacerSnapshot r = raced(later, racer);
        assertEquals(raced, r.config().optimizer());
        assertEquals(Double.parseDouble(lr), r.trace().last("lr"));
        assertFalse(r.diverged());
        assertTrue(later.racers().stream().allMatch(x -> Double.isFinite(x.trace().last("loss"))));

        // an accepted edit waits for Reset, and the Reset button says so
        Node badge = robot.lookup("#" + TopBar.PENDING_BADGE_ID).query();
        Button reset = robot.lookup("#" + TopBar.RESET_ID).queryButton();
        assertFalse(badge.isVisible());
        robot.doubleClickOn(field).eraseText(12).write("0.002").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().pendingEditsProperty().get());
        assertTrue(badge.isVisible());
        assertTrue(reset.getStyleClass().contains(Styles.PENDING));
        assertTrue(reset.getTooltip().getText().startsWith("Edits apply at Reset"), reset.getTooltip().getText());
        long now = model().frameProperty().get().stepsRun();
        RacerSnapshot stillOld = raced(model().awaitFrame(f -> f.stepsRun() > now + 5, TIMEOUT).orElseThrow(), racer);
        assertEquals(Double.parseDouble(lr), stillOld.trace().last("lr"), "the race under way keeps its rate");

        robot.clickOn(reset);
        RaceSnapshot fresh = model().awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).orElseThrow();
        assertTrue(raced(fresh, racer).config().optimizer().contains("lr=0.002"));
        assertFalse(badge.isVisible());
        assertFalse(reset.getStyleClass().contains(Styles.PENDING));
    }

    @Test
    void renamingTheSelectedRacerMidRaceKeepsItsInspector(FxRobot robot) throws Exception {
        RacerViewModel racer = model().racers().selectedProperty().get();
        String label = racer.labelProperty().get();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#" + TopBar.STEP_ID);
        }
        model().awaitFrame(f -> f.stepsRun() == 3, TIMEOUT).orElseThrow();
        Label title = robot.lookup("#" + InspectorView.TITLE_ID).queryAs(Label.class);
        Label numbers = robot.lookup("#" + InspectorView.NUMBERS_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> numbers.getText().startsWith("step t = 3"));

        TextField field = robot.lookup("#sheet-label").queryAs(TextField.class);
        robot.doubleClickOn(field).eraseText(40).write("renamed").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("renamed", racer.labelProperty().get());
        robot.clickOn("#" + TopBar.STEP_ID);
        model().awaitFrame(f -> f.stepsRun() == 4, TIMEOUT).orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> numbers.getText().startsWith("step t = 4"));
        assertTrue(title.getText().startsWith(label + ":"), "the race's racer, as raced: " + title.getText());
        assertTrue(numbers.getText().contains("θ ← θ"), numbers.getText());
    }

    @Test
    void aPresetPickedInThePickerLoadsAndPickingItAgainStartsItOver(FxRobot robot) throws Exception {
        String wanted = "Gradient descent on a convex bowl";
        pick(robot, wanted);
        assertEquals(wanted, model().titleProperty().get());
        assertEquals("bowl", model().problem().surfaceProperty().get().id());
        double[] start = model().problem().startProperty().get().clone();

        robot.interact(() -> model().problem().setStart(start[0] + 0.5, start[1] - 0.5));
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#" + TopBar.STEP_ID);
        }
        model().awaitFrame(f -> f.stepsRun() == 2, TIMEOUT).orElseThrow();
        pick(robot, wanted);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).isPresent());
        assertEquals(start[0], model().problem().startProperty().get()[0], "the lesson starts over from its own start");
        assertEquals(start[1], model().problem().startProperty().get()[1]);
    }

    /** Opens the picker and clicks the entry titled {@code title}. */
    private static void pick(FxRobot robot, String title) {
        robot.clickOn("#" + PresetBar.PICKER_ID);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getScene().getWindow().isShowing()
                        && !(c.getScene().getWindow() instanceof Stage)) // the popup's cells, not the button's
                .filter(c -> c.getItem() instanceof PresetEntry e && e.preset().title().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + title));
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void numberKeyOfThePresetShownReloadsIt(FxRobot robot) throws Exception {
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#" + TopBar.STEP_ID);
        model().awaitFrame(f -> f.stepsRun() == 1, TIMEOUT).orElseThrow();
        robot.clickOn("#" + dev.descent.ui.main.StatusBarView.ID);
        robot.type(KeyCode.DIGIT1);
        assertTrue(model().awaitFrame(f -> f.stepsRun() == 0, TIMEOUT).isPresent());
    }

    @Test
    void theRavineLessonOverTheDefaultRavineMovesTheSlidersToItsKappaAndAngle(FxRobot robot) {
        String lesson = "Ravine: why momentum helps"; // presets/ravine-momentum.json: ravine kappa=50 angle=20
        ComboBox<String> surfaces = robot.lookup("#" + ProblemView.SURFACE_PICKER_ID).queryComboBox();
        robot.interact(() -> model().problem().choose("ravine"));
        SurfaceSliders.assertShown(robot, "kappa", 10, "angle", 0);

        pick(robot, lesson);
        assertEquals(Map.of("kappa", 50.0, "angle", 20.0), model().problem().surfaceProperty().get().parameters());
        SurfaceSliders.assertShown(robot, "kappa", 50, "angle", 20);
        robot.clickOn("#" + TopBar.RESET_ID);
        SurfaceSliders.assertShown(robot, "kappa", 50, "angle", 20);

        // the thumb still drives the surface, and nothing writes the old angle back
        Slider angle = SurfaceSliders.slider(robot, "angle");
        robot.interact(() -> angle.setValue(12));
        assertEquals(Map.of("kappa", 50.0, "angle", 12.0), model().problem().surfaceProperty().get().parameters());
        SurfaceSliders.assertShown(robot, "kappa", 50, "angle", 12);

        pick(robot, lesson); // picked again: the lesson starts over on its own surface
        assertEquals(Map.of("kappa", 50.0, "angle", 20.0), model().problem().surfaceProperty().get().parameters());
        SurfaceSliders.assertShown(robot, "kappa", 50, "angle", 20);

        // another surface with as many parameters: other names and values, through the surface picker
        robot.interact(() -> surfaces.setValue("rosenbrock"));
        assertEquals("rosenbrock", model().problem().surfaceProperty().get().id());
        SurfaceSliders.assertShown(robot, "a", 1, "b", 100);
        Slider b = SurfaceSliders.slider(robot, "b");
        robot.interact(() -> b.setValue(40));
        assertEquals(Map.of("a", 1.0, "b", 40.0), model().problem().surfaceProperty().get().parameters());
        robot.interact(() -> surfaces.setValue("ravine"));
        SurfaceSliders.assertShown(robot, "kappa", 10, "angle", 0);
    }

    @Test
    void aRefusedSliderValueSnapsTheThumbBack(FxRobot robot) {
        robot.interact(() -> model().problem().choose("rosenbrock"));
        var before = model().problem().surfaceProperty().get();
        Slider b = robot.lookup("#param-b").queryAs(Slider.class);
        assertEquals(100, b.getValue(), 1e-9);
        robot.interact(() -> b.setValue(0));
        assertEquals(100, b.getValue(), 1e-9, "b must be > 0: the thumb goes back to the value in use");
        assertTrue(model().problem().errorProperty().get().contains("b"), model().problem().errorProperty().get());
        assertEquals(before, model().problem().surfaceProperty().get());
        robot.interact(() -> b.setValue(50));
        assertEquals(50, b.getValue(), 1e-9);
        assertEquals(50.0, model().problem().surfaceProperty().get().parameters().get("b"));
    }

    @Test
    void theThemeToggleSwitchesBetweenTheLightAndDarkStylesheets(FxRobot robot) {
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
        robot.clickOn("#" + TopBar.THEME_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().darkProperty().get());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        robot.clickOn("#" + TopBar.THEME_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model().darkProperty().get());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
    }

    @Test
    void theLeftPanelShowsEveryLabelInFullInBothModes(FxRobot robot) {
        // the longest parameter names of all optimizers: adagrad's and nadam's
        for (String optimizer : List.of("adagrad", "nadam", "adam")) {
            robot.interact(() -> model().racers().selectedProperty().get().chooseOptimizer(optimizer));
            WaitForAsyncUtils.waitForFxEvents();
            assertNoneClipped(robot, optimizer + ", normal mode");
            robot.interact(() -> model().presentationProperty().set(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertNoneClipped(robot, optimizer + ", presentation mode");
            robot.interact(() -> model().presentationProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void assertNoneClipped(FxRobot robot, String where) {
        ScrollPane left = robot.lookup("#" + dev.descent.ui.main.MainView.LEFT_PANEL_ID).queryAs(ScrollPane.class);
        List<String> clipped = new ArrayList<>();
        for (Node n : left.getContent().lookupAll(".label")) {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                Node shown = l.lookup(".text");
                if (shown instanceof Text t && !t.getText().equals(l.getText()) && !l.isWrapText()) {
                    clipped.add("'" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        assertTrue(clipped.isEmpty(), where + ": " + clipped);
        assertNotEquals(0, left.getWidth());
    }
}
