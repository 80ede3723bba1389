package dev.descent.ui.data;

import dev.descent.ui.Styles;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * The CSV import dialog: the file's columns, separator and first rows, the label column to use
 * (proposed from the data, any column can be picked), and Load. Loading parses the file (off the
 * UI thread when it is large); if a row is bad the dialog stays open with the bad rows by line,
 * and the data shown before stays. It closes once the file is loaded.
 */
public final class CsvImportDialog extends Dialog<Boolean> {
    public static final String LABEL_ID = "csvDialogLabel";
    public static final String LOAD_ID = "csvDialogLoad";
    public static final String ERROR_ID = "csvDialogError";
    public static final String PREVIEW_ID = "csvDialogPreview";
    public static final String DETECTED_ID = "csvDialogDetected";

    private final DataProblemViewModel model;
    private final Path file;
    private final CsvHeader.Preview preview;
    private final ComboBox<String> label = new ComboBox<>();
    private final GridPane table = new GridPane();
    private final Label error = new Label();
    private final Label status = new Label();

    public CsvImportDialog(Window owner, DataProblemViewModel model, Path file, CsvHeader.Preview preview) {
        this.model = model;
        this.file = file;
        this.preview = preview;
        initOwner(owner);
        setTitle("Import CSV");
        setHeaderText(file.getFileName() + ": pick the label column");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        createView();
        bindViewModel();
    }

    private void createView() {
        Label detected = new Label(String.format("%d columns, separated by '%c'; proposed label: %s",
                preview.columns().size(), preview.separator(), preview.detectedLabel()));
        detected.setId(DETECTED_ID);
        detected.getStyleClass().add(Styles.HINT);
        label.setId(LABEL_ID);
        label.getItems().setAll(preview.columns());
        label.setValue(preview.detectedLabel());
        table.setId(PREVIEW_ID);
        table.setHgap(12);
        table.setVgap(2);
        ScrollPane scroll = new ScrollPane(table);
        scroll.setPrefViewportHeight(140);
        scroll.setPrefViewportWidth(560);
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setMaxWidth(560);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add(Styles.HINT);
        Label hint = new Label("The label column holds the targets (text or a few integers: classes; other "
                + "numbers: regression); every other column must hold numbers.");
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        hint.getStyleClass().add(Styles.HINT);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, detected, scroll, new HBox(8, new Label("Label column"), label), hint, error,
                status);
        getDialogPane().setContent(content);
        ButtonType load = new ButtonType("Load", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(load, ButtonType.CANCEL);
        Button loadButton = (Button) getDialogPane().lookupButton(load);
        loadButton.setId(LOAD_ID);
        loadButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the file has loaded
            startLoad();
        });
        loadButton.disableProperty().bind(model.csvLoadingProperty());
        setResultConverter(b -> b == load);
        showTable();
    }

    private void bindViewModel() {
        label.valueProperty().addListener((o, a, b) -> showTable());
    }

    /** Header and first rows, the label column marked. */
    private void showTable() {
        table.getChildren().clear();
        List<String> columns = preview.columns();
        for (int j = 0; j < columns.size(); j++) {
            boolean isLabel = columns.get(j).equals(label.getValue());
            String name = columns.get(j);
            Label head = new Label(isLabel && !name.equalsIgnoreCase("label") ? name + " (label)" : name);
            head.getStyleClass().add(isLabel ? Styles.SECTION_TITLE : Styles.HINT);
            table.add(head, j, 0);
            for (int i = 0; i < preview.rows().size(); i++) {
                List<String> row = preview.rows().get(i);
                table.add(new Label(j < row.size() ? row.get(j) : ""), j, i + 1);
            }
        }
    }

    private void startLoad() {
        error.setText("");
        status.setText("reading " + file.getFileName() + " ...");
        model.importCsv(file, label.getValue()).thenAccept(ok -> {
            status.setText("");
            if (ok) {
                setResult(Boolean.TRUE);
                close();
            } else {
                // one bad row per line: "f.csv: 2 bad rows: line 4, ...; line 6, ..."
                error.setText(model.errorProperty().get().replace("; line ", "\nline ").replace(" bad rows: line ",
                        " bad rows:\nline ") + "\nThe data shown before is kept.");
                if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                    getDialogPane().getScene().getWindow().sizeToScene();
                }
            }
        });
    }
}
