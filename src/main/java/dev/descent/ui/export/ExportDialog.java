package dev.descent.ui.export;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The Export dialog: format (PNG figure, CSV of the trajectories, animated GIF), what the
 * figure shows, its scale, and the file (typed, or chosen with Browse). Returns the request;
 * {@link ExportAction} carries it out.
 */
public final class ExportDialog extends Dialog<ExportRequest> {
    public static final String FORMAT_ID = "export-format";
    public static final String WHAT_ID = "export-what";
    public static final String SCALE_ID = "export-scale";
    public static final String FILE_ID = "export-file";
    public static final String CONFIRM_ID = "export-confirm";
    public static final String LOG_Y_ID = "export-log-y";
    public static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final ChoiceBox<ExportRequest.Format> format =
            new ChoiceBox<>(FXCollections.observableArrayList(ExportRequest.Format.values()));
    private final ChoiceBox<FigureKind> what = new ChoiceBox<>(FXCollections.observableArrayList(FigureKind.values()));
    private final ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(List.of(1, 2, 4)));
    private final TextField file = new TextField();
    private final CheckBox logYBox = new CheckBox("Log y axis for the loss curves");

    /**
     * @param owner       the window the dialog belongs to
     * @param defaultFile the suggested file (its extension follows the format)
     * @param curvesLogY  whether the loss curves use a log axis (as the window's "Log y" shows them)
     */
    public ExportDialog(Window owner, Path defaultFile, boolean curvesLogY) {
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Export the figure, the trajectories or an animation");
        format.setId(FORMAT_ID);
        what.setId(WHAT_ID);
        scale.setId(SCALE_ID);
        file.setId(FILE_ID);
        logYBox.setId(LOG_Y_ID);
        logYBox.setSelected(curvesLogY);
        format.setValue(ExportRequest.Format.PNG);
        what.setValue(FigureKind.BOTH);
        scale.setValue(1);
        scale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "x";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("x", ""));
            }
        });
        file.setText(defaultFile.toString());
        file.setPrefColumnCount(32);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label("Format"), format);
        grid.addRow(1, label("Show"), what);
        grid.addRow(2, label("Scale"), scale);
        grid.addRow(3, label("Curves"), logYBox);
        grid.addRow(4, label("File"), fileRow);
        browse.setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        format.valueProperty().addListener((o, a, b) -> {
            file.setText(b.withExtension(file.getText()));
            what.setDisable(b != ExportRequest.Format.PNG);
            scale.setDisable(b != ExportRequest.Format.PNG);
        });
        logYBox.disableProperty().bind(format.valueProperty().isEqualTo(ExportRequest.Format.CSV)
                .or(what.valueProperty().isEqualTo(FigureKind.MAP)));
        getDialogPane().lookupButton(EXPORT).setId(CONFIRM_ID);
        getDialogPane().lookupButton(EXPORT).disableProperty().bind(file.textProperty().isEmpty());
        setResultConverter(button -> button == EXPORT
                ? new ExportRequest(format.getValue(), new FigureOptions(what.getValue(), scale.getValue(), logYBox.isSelected()),
                        Path.of(file.getText().trim()))
                : null);
    }

    /** A form label that keeps its text whole. */
    static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void browse() {
        browse(this, format.getValue(), format.getValue().toString(), file);
    }

    /**
     * A save chooser for format {@code f} (its files listed as {@code filterName}), opening in the
     * folder of the path in {@code file}; a chosen file goes into {@code file} with f's extension.
     */
    static void browse(Dialog<?> dialog, ExportRequest.Format f, String filterName, TextField file) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + f);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*." + f.extension()));
        File current = Path.of(file.getText().trim()).toAbsolutePath().toFile();
        if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParentFile());
        }
        chooser.setInitialFileName(current.getName());
        File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            file.setText(f.withExtension(chosen.getPath()));
        }
    }
}
