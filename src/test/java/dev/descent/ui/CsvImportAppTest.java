package dev.descent.ui;

import dev.descent.ui.data.CsvImportDialog;
import dev.descent.ui.data.DataProblemView;
import dev.descent.ui.main.TopBar;
import dev.descent.ui.network.DataModeViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV import dialog in the real window: columns first, the label picked, bad rows by line, old data kept. */
@ExtendWith(ApplicationExtension.class)
class CsvImportAppTest {
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

    private DataModeViewModel data() {
        return app.model().dataModel();
    }

    private CsvImportDialog open(FxRobot robot, Path file) {
        robot.clickOn("#" + TopBar.DATASETS_ID);
        WaitForAsyncUtils.waitForFxEvents();
        DataProblemView view = robot.lookup("#" + DataProblemView.ID).queryAs(DataProblemView.class);
        CsvImportDialog[] dialog = new CsvImportDialog[1];
        robot.interact(() -> dialog[0] = view.openCsv(file));
        assertNotNull(dialog[0]);
        return dialog[0];
    }

    @Test
    void aBadRowIsReportedByLineInTheDialogAndTheOldDataStays(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "x,y,label\n0.1,0.2,a\n0.3,0.4,b\n0.5,,a\n0.6,0.7,b\n0.8,oops,a\n");
        var before = data().session();
        CsvImportDialog dialog = open(robot, bad);
        robot.clickOn("#" + CsvImportDialog.LOAD_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#" + CsvImportDialog.ERROR_ID).queryAs(Label.class);
        assertTrue(error.getText().startsWith("broken.csv: 2 bad rows:\nline 4, column 'y' (2): empty value"),
                error.getText());
        assertTrue(error.getText().contains("line 6, column 'y' (2): 'oops' is not a number"), error.getText());
        assertTrue(dialog.isShowing(), "the dialog stays open to pick another label or cancel");
        Label panelError = robot.lookup("#" + DataProblemView.ERROR_ID).queryAs(Label.class);
        assertTrue(panelError.isVisible() && panelError.getText().contains("line 4"), panelError.getText());
        assertEquals("moons", data().data().datasetProperty().get().name());
        assertSame(before, data().session());
        robot.interact(dialog::close);
    }

    @Test
    void aLabelInTheFirstColumnIsPickedInTheDialogAndTheFileLoads(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("digits.csv");
        StringBuilder sb = new StringBuilder("digit,x1,x2\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 3).append(',').append(i * 0.1).append(',').append(Math.sin(i)).append('\n');
        }
        Files.writeString(file, sb);
        CsvImportDialog dialog = open(robot, file);
        GridPane table = robot.lookup("#" + CsvImportDialog.PREVIEW_ID).queryAs(GridPane.class);
        List<String> header = table.getChildren().stream().filter(n -> GridPane.getRowIndex(n) == 0)
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("digit", "x1", "x2 (label)"), header, "columns shown before parsing; last proposed");
        ComboBox<String> label = robot.lookup("#" + CsvImportDialog.LABEL_ID).queryComboBox();
        assertEquals(List.of("digit", "x1", "x2"), label.getItems());
        robot.interact(() -> label.setValue("digit"));
        robot.clickOn("#" + CsvImportDialog.LOAD_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        assertEquals("digits", data().session().data().source().name());
        assertEquals(3, data().session().data().source().classes());
        assertEquals(List.of("x1", "x2"), data().session().data().source().featureNames());
        ComboBox<String> panelLabel = robot.lookup("#" + DataProblemView.LABEL_COLUMN_ID).queryComboBox();
        assertEquals("digit", panelLabel.getValue());
        assertFalse(robot.lookup("#" + DataProblemView.ERROR_ID).queryAs(Label.class).isVisible());
    }

    @Test
    void aTextLabelInTheFirstColumnIsProposed(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, "species,sepal,petal\nsetosa,5.1,1.4\nvirginica,6.3,6.0\nsetosa,4.9,1.3\n"
                + "virginica,6.5,5.8\n");
        CsvImportDialog dialog = open(robot, file);
        Label detected = robot.lookup("#" + CsvImportDialog.DETECTED_ID).queryAs(Label.class);
        assertEquals("3 columns, separated by ','; proposed label: species", detected.getText());
        robot.clickOn("#" + CsvImportDialog.LOAD_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.isShowing());
        assertEquals(List.of("setosa", "virginica"), data().session().data().source().classNames());
    }
}
