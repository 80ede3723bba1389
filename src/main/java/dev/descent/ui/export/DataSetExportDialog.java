package dev.descent.ui.export;

import dev.descent.ui.network.DataSetFigure;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.util.List;

/**
 * The Export dialog of data-set mode: format (PNG figure, CSV of the epoch metrics, animated
 * GIF of the race), what the figure shows (boundaries, curves, both, the insides of the
 * selected racer, or all), its scale, and the file. {@link DataSetExportAction} carries out the
 * request.
 */
public final class DataSetExportDialog extends Dialog<DataSetExportDialog.Request> {
    public static final String FORMAT_ID = "data-export-format";
    public static final String WHAT_ID = "data-export-what";
    public static final String SCALE_ID = "data-export-scale";
    public static final String FILE_ID = "data-export-file";
    public static final String CONFIRM_ID = "data-export-confirm";
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    /** One export the user asked for (kind and scale apply to a PNG). */
    public record Request(ExportRequest.Format format, DataSetFigure.Kind kind, int scale, Path file) {
        public Request {
            if (format == null || kind == null || file == null) {
                throw new IllegalArgumentException("format, kind and file are required");
            }
        }
    }

    private final ChoiceBox<ExportRequest.Format> format =
            new ChoiceBox<>(FXCollections.observableArrayList(ExportRequest.Format.values()));
    private final ChoiceBox<DataSetFigure.Kind> what =
            new ChoiceBox<>(FXCollections.observableArrayList(DataSetFigure.Kind.values()));
    private final ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(List.of(1, 2, 4)));
    private final TextField file = new TextField();

    public DataSetExportDialog(Window owner, Path defaultFile) {
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Export the data-set race: a figure, the epoch metrics or an animation");
        format.setId(FORMAT_ID);
        what.setId(WHAT_ID);
        scale.setId(SCALE_ID);
        file.setId(FILE_ID);
        format.setConverter(converter(f -> switch (f) {
            case PNG -> "PNG figure";
            case CSV -> "CSV of the epoch metrics";
            case GIF -> "Animated GIF of the race";
        }));
        what.setConverter(converter(k -> switch (k) {
            case BOUNDARIES -> "decision boundaries";
            case CURVES -> "loss, accuracy and lr curves";
            case BOTH -> "boundaries and curves";
            case INSIDE -> "inside the selected racer";
            case ALL -> "all";
        }));
        scale.setConverter(converter(s -> s + "x"));
        format.setValue(ExportRequest.Format.PNG);
        what.setValue(DataSetFigure.Kind.ALL);
        scale.setValue(2);
        file.setText(defaultFile.toString());
        file.setPrefColumnCount(32);
        Button browse = new Button("Browse…");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> browse());
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        Label gifNote = new Label("The GIF runs the race again from its start: boundaries and curves, "
                + GifOptions.DEFAULT.maxFrames() + " frames at most, looping.");
        gifNote.setWrapText(true);
        gifNote.visibleProperty().bind(format.valueProperty().isEqualTo(ExportRequest.Format.GIF));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, label("Format"), format);
        grid.addRow(1, label("Show"), what);
        grid.addRow(2, label("Scale"), scale);
        grid.addRow(3, label("File"), fileRow);
        grid.add(gifNote, 1, 4);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        format.valueProperty().addListener((o, a, b) -> {
            file.setText(b.withExtension(file.getText()));
            what.setDisable(b != ExportRequest.Format.PNG);
            scale.setDisable(b != ExportRequest.Format.PNG);
        });
        getDialogPane().lookupButton(EXPORT).setId(CONFIRM_ID);
        getDialogPane().lookupButton(EXPORT).disableProperty().bind(file.textProperty().isEmpty());
        setResultConverter(button -> button == EXPORT
                ? new Request(format.getValue(), what.getValue(), scale.getValue(), Path.of(file.getText().trim()))
                : null);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes are not edited");
            }
        };
    }

    private static Label label(String text) {
        return ExportDialog.label(text);
    }

    private void browse() {
        ExportRequest.Format f = format.getValue();
        ExportDialog.browse(this, f, f.extension().toUpperCase(java.util.Locale.ROOT), file);
    }
}
