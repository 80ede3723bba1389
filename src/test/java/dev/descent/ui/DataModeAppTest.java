package dev.descent.ui;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.data.DataProblemView;
import dev.descent.ui.main.MainView;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.StatusBarView;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.network.DataModeView;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.network.LrRangeResult;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives data-set mode in the real window headless: data sets, playback, a bad CSV, the LR range test, export. */
@ExtendWith(ApplicationExtension.class)
class DataModeAppTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
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

    private DataModeViewModel data() {
        return app.model().dataModel();
    }

    private DataModeView dataView() {
        return ((MainView) stage.getScene().getRoot()).dataView();
    }

    private void toDataMode(FxRobot robot) {
        robot.clickOn("#" + TopBar.DATASETS_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().dataModeProperty().get());
    }

    @Test
    void modeSwitchShowsTheDataSetViewsAndTheBackend(FxRobot robot) {
        toDataMode(robot);
        assertTrue(robot.lookup("#" + dev.descent.ui.network.BoundaryView.ID).tryQuery().isPresent());
        Label backend = robot.lookup("#" + StatusBarView.BACKEND_ID).queryAs(Label.class);
        assertTrue(backend.getText().startsWith("backend: "), backend.getText());
        robot.clickOn("#" + TopBar.SURFACES_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#" + dev.descent.ui.network.BoundaryView.ID).tryQuery().isPresent());
    }

    @Test
    void loadABundledDataSetThenPlayAndPause(FxRobot robot) throws Exception {
        toDataMode(robot);
        robot.interact(() -> data().data().kindProperty().set(dev.descent.ui.data.DataSourceKind.BUNDLED));
        ComboBox<String> bundled = robot.lookup("#" + DataProblemView.BUNDLED_ID).queryComboBox();
        robot.interact(() -> bundled.setValue("wine"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("wine", data().session().data().source().name());
        robot.clickOn("#" + TopBar.PLAY_ID);
        assertTrue(data().awaitFrame(s -> s.stepsRun() > 20, TIMEOUT).isPresent(), "the race runs");
        robot.clickOn("#" + TopBar.PLAY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model().runningProperty().get());
        RaceSnapshot paused = data().awaitFrame(s -> !s.running(), TIMEOUT).orElseThrow();
        long steps = paused.stepsRun();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(steps, data().pollFrame().stepsRun(), "paused: no more steps");
    }

    @Test
    void aCsvWithABadRowShowsTheErrorAndKeepsTheData(FxRobot robot, @TempDir Path dir) throws Exception {
        toDataMode(robot);
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "x,y,label\n0.1,0.2,a\n0.3,0.4,b\n0.5,,a\n");
        var before = data().session();
        robot.interact(() -> data().data().loadCsv(bad, null));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#" + DataProblemView.ERROR_ID).queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("line 4"), error.getText());
        assertEquals("moons", data().data().datasetProperty().get().name());
        assertSame(before, data().session());
    }

    @Test
    void lrRangeTestPlotsAndAppliesOneCycle(FxRobot robot) throws Exception {
        toDataMode(robot);
        robot.clickOn("#" + DataModeView.LR_TEST_ID);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> data().lrResultProperty().get() != null);
        LrRangeResult r = data().lrResultProperty().get();
        assertTrue(r.learningRates().length > 5);
        robot.clickOn("#" + DataModeView.LR_APPLY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("onecycle", data().session().racers().get(0).schedule().name());
    }

    @Test
    void exportWritesAPngOfTheViews(FxRobot robot, @TempDir Path dir) throws Exception {
        toDataMode(robot);
        robot.clickOn("#" + TopBar.STEP_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Path png = dir.resolve("views.png");
        boolean[] ok = new boolean[1];
        robot.interact(() -> ok[0] = dataView().exportPng(png, 1));
        assertTrue(ok[0]);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 300 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
    }
}
