package dev.descent.ui.export;

import dev.descent.ui.DescentApp;
import dev.descent.ui.main.MainViewModel;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
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

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real window headless: Export button, dialog, PNG at 2x, CSV, GIF. */
@ExtendWith(ApplicationExtension.class)
class ExportAppTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private DescentApp app;

    @Start
    void start(Stage stage) {
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

    private void runSteps(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            long before = model().frameProperty().get().stepsRun();
            org.testfx.api.FxRobot robot = new FxRobot();
            robot.interact(() -> model().step());
            model().awaitFrame(f -> f.stepsRun() > before, TIMEOUT).orElseThrow();
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model().frameProperty().get().stepsRun() == n);
    }

    private void export(FxRobot robot, ExportRequest.Format format, Integer scale, Path file) {
        robot.clickOn("#" + ExportAction.BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<ExportRequest.Format> formats = robot.lookup("#" + ExportDialog.FORMAT_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> formats.setValue(format));
        if (scale != null) {
            ChoiceBox<Integer> scales = robot.lookup("#" + ExportDialog.SCALE_ID).queryAs(ChoiceBox.class);
            robot.interact(() -> scales.setValue(scale));
        }
        TextField field = robot.lookup("#" + ExportDialog.FILE_ID).queryAs(TextField.class);
        robot.interact(() -> field.setText(file.toString()));
        robot.clickOn("#" + ExportDialog.CONFIRM_ID);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportButtonWritesAPngAtTwiceTheSizeAndACsv(FxRobot robot, @TempDir Path dir) throws Exception {
        runSteps(5);
        Path png = dir.resolve("figure.png");
        export(robot, ExportRequest.Format.PNG, 2, png);
        assertTrue(Files.exists(png), model().messageProperty().get());
        BufferedImage image = ImageChecks.png(png);
        assertEquals(2 * 1178, image.getWidth(), "both panels at 2x");
        assertEquals(0, image.getHeight() % 2);
        assertTrue(ImageChecks.distinctColours(image) > 100);
        assertTrue(model().messageProperty().get().startsWith("exported " + png), model().messageProperty().get());

        Path csv = dir.resolve("trajectories.csv");
        export(robot, ExportRequest.Format.CSV, null, csv);
        List<String> lines = Files.readAllLines(csv);
        int racers = model().frameProperty().get().racers().size();
        assertEquals(TrajectoryCsv.HEADER, lines.get(0));
        assertEquals(1 + racers * 6, lines.size(), "steps 0..5 for every racer");
    }

    @Test
    void aPngAtFourTimesTheSizeIsFourTimesTheOneAtOnce(FxRobot robot, @TempDir Path dir) throws Exception {
        runSteps(4);
        Path one = dir.resolve("one.png");
        Path four = dir.resolve("four.png");
        export(robot, ExportRequest.Format.PNG, 1, one);
        export(robot, ExportRequest.Format.PNG, 4, four);
        BufferedImage small = ImageChecks.png(one);
        BufferedImage large = ImageChecks.png(four);
        assertEquals(1178, small.getWidth(), "both panels at 1x");
        assertEquals(4 * small.getWidth(), large.getWidth());
        assertEquals(4 * small.getHeight(), large.getHeight());
        assertTrue(ImageChecks.distinctColours(large) > 100, "not blank");
        assertTrue(model().messageProperty().get().contains(large.getWidth() + " x " + large.getHeight() + " px"),
                model().messageProperty().get());
    }

    @Test
    void theDialogsLogYFollowsTheCurvesNotTheMapsColourScale(FxRobot robot) {
        robot.interact(() -> model().problem().choose("rosenbrock"));
        assertTrue(model().problem().logScaleProperty().get(), "rosenbrock has log colours");
        javafx.scene.control.CheckBox logY = robot.lookup("#" + dev.descent.ui.main.MainView.LOG_Y_ID)
                .queryAs(javafx.scene.control.CheckBox.class);
        robot.clickOn(logY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!logY.isSelected() && model().problem().logScaleProperty().get());
        assertEquals(false, dialogLogY(robot));

        robot.interact(() -> model().problem().choose("bowl"));
        assertTrue(!model().problem().logScaleProperty().get());
        robot.clickOn(logY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(logY.isSelected());
        assertEquals(true, dialogLogY(robot));
    }

    /** Opens the Export dialog, reads its log-y box and cancels. */
    private static boolean dialogLogY(FxRobot robot) {
        robot.clickOn("#" + ExportAction.BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        boolean selected = robot.lookup("#" + ExportDialog.LOG_Y_ID).queryAs(javafx.scene.control.CheckBox.class)
                .isSelected();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        return selected;
    }

    @Test
    void exportGifRerunsTheRaceInTheBackground(FxRobot robot, @TempDir Path dir) throws Exception {
        runSteps(3);
        Path gif = dir.resolve("race.gif");
        export(robot, ExportRequest.Format.GIF, null, gif);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().messageProperty().get().startsWith("exported"));
        ImageChecks.Gif g = ImageChecks.gif(gif);
        assertEquals(4, g.frames(), "steps 0..3: one frame each");
        assertEquals(0, g.loopCount());
    }

    @Test
    void anUnwritableTargetIsReportedAndWritesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Path png = blocker.resolve("figure.png");
        export(robot, ExportRequest.Format.PNG, 1, png);
        String message = model().messageProperty().get();
        assertTrue(message.startsWith("export failed: " + png), message);
        assertEquals(List.of(blocker), Files.list(dir).toList());
    }
}
