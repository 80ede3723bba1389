package dev.descent.ui;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.data.DataProblemView;
import dev.descent.ui.main.MainView;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.StatusBarView;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.network.DataModeView;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.curves.PlotStyle;
import dev.descent.ui.export.DataSetExportDialog;
import dev.descent.ui.export.ExportAction;
import dev.descent.ui.export.ExportRequest;
import dev.descent.ui.export.ImageChecks;
import dev.descent.ui.network.BoundaryView;
import dev.descent.ui.network.DataSetFigure;
import dev.descent.ui.network.LrRangeResult;
import dev.descent.ui.network.MetricCurvesView;
import dev.descent.ui.network.MetricsCsv;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.util.List;
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

    private void exportFromTopBar(FxRobot robot, ExportRequest.Format format, DataSetFigure.Kind kind, int scale,
                                  Path file) {
        robot.clickOn("#" + ExportAction.BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<ExportRequest.Format> formats = robot.lookup("#" + DataSetExportDialog.FORMAT_ID)
                .queryAs(ChoiceBox.class);
        robot.interact(() -> formats.setValue(format));
        ChoiceBox<DataSetFigure.Kind> kinds = robot.lookup("#" + DataSetExportDialog.WHAT_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> kinds.setValue(kind));
        ChoiceBox<Integer> scales = robot.lookup("#" + DataSetExportDialog.SCALE_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> scales.setValue(scale));
        TextField field = robot.lookup("#" + DataSetExportDialog.FILE_ID).queryAs(TextField.class);
        robot.interact(() -> field.setText(file.toString()));
        robot.clickOn("#" + DataSetExportDialog.CONFIRM_ID);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void topBarExportInDataModeWritesTheDataSetRaceNotTheHiddenSurfaceRace(FxRobot robot, @TempDir Path dir)
            throws Exception {
        toDataMode(robot);
        robot.clickOn("#" + DataModeView.STEP_EPOCH_ID);
        data().awaitFrame(s -> !s.running() && s.stepsRun() > 0, TIMEOUT).orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> data().networkFrame().racers().get(0).lastEpoch() != null);

        Path png = dir.resolve("boundaries.png");
        exportFromTopBar(robot, ExportRequest.Format.PNG, DataSetFigure.Kind.BOUNDARIES, 2, png);
        assertTrue(Files.exists(png), model().messageProperty().get());
        BufferedImage img = ImageIO.read(png.toFile());
        javafx.geometry.Dimension2D[] size = new javafx.geometry.Dimension2D[1];
        robot.interact(() -> size[0] = new DataSetFigure().size(new DataSetFigure.Content("", "",
                data().networkFrame(), data().session().data(), true, 0, DataSetFigure.captions(data().session()),
                null), DataSetFigure.Kind.BOUNDARIES));
        assertEquals(2 * size[0].getWidth(), img.getWidth(), "the data-set figure at 2x, not the surface map");
        assertEquals(2 * size[0].getHeight(), img.getHeight());
        assertTrue(ImageChecks.distinctColours(img) > 100, "class maps and points, not blank");
        assertTrue(model().messageProperty().get().startsWith("exported " + png), model().messageProperty().get());

        Path csv = dir.resolve("metrics.csv");
        exportFromTopBar(robot, ExportRequest.Format.CSV, DataSetFigure.Kind.ALL, 1, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        int epochs = 0;
        for (var r : data().networkFrame().racers()) {
            epochs += r.epochs().size();
        }
        assertEquals(1 + epochs, lines.size(), "one row per racer and epoch");

        Path gif = dir.resolve("race.gif");
        exportFromTopBar(robot, ExportRequest.Format.GIF, DataSetFigure.Kind.ALL, 1, gif);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model().messageProperty().get().startsWith("exported "
                + gif) || model().messageProperty().get().startsWith("export failed"));
        assertTrue(model().messageProperty().get().startsWith("exported " + gif), model().messageProperty().get());
        ImageChecks.Gif g = ImageChecks.gif(gif);
        assertTrue(g.frames() >= 2, "frames: " + g.frames());
        assertEquals(0, g.loopCount());
    }

    @Test
    void predictModeHidesTheDataCurvesUntilRevealedAndAgainAfterReset(FxRobot robot) throws Exception {
        toDataMode(robot);
        Node curves = robot.lookup("#" + MetricCurvesView.ID).query();
        Node hint = robot.lookup("#" + DataModeView.REVEAL_HINT_ID).query();
        assertTrue(curves.isVisible());
        robot.type(KeyCode.P);
        assertFalse(curves.isVisible(), "predict mode hides the metric curves");
        assertTrue(hint.isVisible());
        robot.type(KeyCode.V);
        assertTrue(curves.isVisible(), "V reveals them");
        robot.clickOn("#" + DataModeView.STEP_EPOCH_ID);
        data().awaitFrame(s -> !s.running() && s.stepsRun() > 0, TIMEOUT).orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !curves.isVisible());
        assertTrue(hint.isVisible(), "a reset starts over: hidden again");
    }

    @Test
    void presentationModeAndTheDarkThemeReachTheDataSetPlots(FxRobot robot) {
        toDataMode(robot);
        MetricCurvesView curves = robot.lookup("#" + MetricCurvesView.ID).queryAs(MetricCurvesView.class);
        BoundaryView tiles = robot.lookup("#" + BoundaryView.ID).queryAs(BoundaryView.class);
        assertEquals(PlotStyle.light(1), curves.plotStyle());
        robot.interact(() -> {
            model().presentationProperty().set(true);
            model().darkProperty().set(true);
        });
        assertEquals(PlotStyle.dark(1.6), curves.plotStyle(), "large text and thick lines, dark background");
        assertEquals(PlotStyle.dark(1.6), tiles.plotStyle());
        robot.interact(() -> model().presentationProperty().set(false));
        assertEquals(PlotStyle.dark(1), curves.plotStyle());
    }
}
