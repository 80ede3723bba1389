package dev.descent.ui.data;

import dev.descent.core.data.Normalization;
import dev.descent.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;

/**
 * The data-set problem panel: source (generator with n, noise, seed; bundled set with its source
 * and licence; a CSV file through the {@link CsvImportDialog}, then its columns and a label
 * picker), split, normalisation, noise augmentation, the two shown features, a live preview and
 * the error of the last refused change.
 */
public final class DataProblemView extends VBox {
    public static final String ID = "dataProblem";
    public static final String KIND_ID = "dataKind";
    public static final String GENERATOR_ID = "dataGenerator";
    public static final String BUNDLED_ID = "dataBundled";
    public static final String OPEN_CSV_ID = "openCsv";
    public static final String LABEL_COLUMN_ID = "csvLabel";
    public static final String ERROR_ID = "dataError";
    public static final String SUMMARY_ID = "dataSummary";
    public static final String FEATURE_X_ID = "featureX";
    public static final String FEATURE_Y_ID = "featureY";

    private final DataProblemViewModel model;
    private final ComboBox<DataSourceKind> kind = new ComboBox<>();
    private final ComboBox<String> generator = new ComboBox<>();
    private final ComboBox<String> bundled = new ComboBox<>();
    private final Button openCsv = new Button("Open CSV…");
    private final Label columns = new Label();
    private final ComboBox<String> labelColumn = new ComboBox<>();
    private final ComboBox<Normalization> normalization = new ComboBox<>();
    private final ComboBox<String> featureX = new ComboBox<>();
    private final ComboBox<String> featureY = new ComboBox<>();
    private final CheckBox showValidation = new CheckBox("show validation points");
    private final Label error = new Label();
    private final Label summary = new Label();
    private final ScatterPreview preview = new ScatterPreview();
    private final GridPane source = new GridPane();
    private boolean syncing;

    public DataProblemView(DataProblemViewModel model) {
        this.model = model;
        setId(ID);
        createView();
        bindViewModel();
    }

    private void createView() {
        setSpacing(6);
        Label title = new Label("Data set");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        kind.setId(KIND_ID);
        kind.getItems().setAll(DataSourceKind.values());
        generator.setId(GENERATOR_ID);
        generator.getItems().setAll(DataProblemViewModel.generatorNames());
        bundled.setId(BUNDLED_ID);
        bundled.getItems().setAll(DataProblemViewModel.bundledNames());
        openCsv.setId(OPEN_CSV_ID);
        labelColumn.setId(LABEL_COLUMN_ID);
        columns.setWrapText(true);
        columns.getStyleClass().add(Styles.HINT);
        normalization.getItems().setAll(Normalization.values());
        featureX.setId(FEATURE_X_ID);
        featureY.setId(FEATURE_Y_ID);
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.HINT);
        source.setHgap(6);
        source.setVgap(4);
        GridPane split = new GridPane();
        split.setHgap(6);
        split.setVgap(4);
        int r = 0;
        split.addRow(r++, new Label("Validation"), Fields.ofDouble("validationFraction", model.validationFractionProperty()));
        split.addRow(r++, new Label("Scaling"), normalization);
        split.addRow(r++, new Label("Noise copies"), Fields.ofInt("augmentCopies", model.augmentCopiesProperty()));
        split.addRow(r++, new Label("Noise sigma"), Fields.ofDouble("augmentSigma", model.augmentSigmaProperty()));
        split.addRow(r++, new Label("x axis"), featureX);
        split.addRow(r, new Label("y axis"), featureY);
        getChildren().addAll(title, kind, source, error, summary, preview, showValidation, split);
        layoutSource();
    }

    private void layoutSource() {
        source.getChildren().clear();
        switch (model.kindProperty().get()) {
            case GENERATOR -> {
                source.addRow(0, new Label("Generator"), generator);
                source.addRow(1, new Label("Samples"), Fields.ofInt("samples", model.samplesProperty()));
                source.addRow(2, new Label("Noise"), Fields.ofDouble("noise", model.noiseProperty()));
                source.addRow(3, new Label("Seed"), Fields.ofInt("seed", model.seedProperty()));
            }
            case BUNDLED -> source.addRow(0, new Label("Data set"), bundled);
            case CSV -> {
                source.addRow(0, openCsv);
                if (model.csvFileProperty().get() != null) {
                    source.addRow(1, new Label("Label"), labelColumn);
                    source.add(columns, 0, 2, 2, 1);
                }
            }
        }
    }

    private void bindViewModel() {
        kind.setValue(model.kindProperty().get());
        kind.valueProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) {
                model.kindProperty().set(b);
            }
        });
        model.kindProperty().addListener((o, a, b) -> {
            syncing = true;
            kind.setValue(b);
            syncing = false;
            layoutSource();
        });
        generator.setValue(model.generatorProperty().get());
        generator.valueProperty().addListener((o, a, b) -> model.generatorProperty().set(b));
        model.generatorProperty().addListener((o, a, b) -> generator.setValue(b));
        model.bundledProperty().addListener((o, a, b) -> bundled.setValue(b));
        model.normalizationProperty().addListener((o, a, b) -> normalization.setValue(b));
        bundled.setValue(model.bundledProperty().get());
        bundled.valueProperty().addListener((o, a, b) -> model.bundledProperty().set(b));
        normalization.setValue(model.normalizationProperty().get());
        normalization.valueProperty().addListener((o, a, b) -> model.normalizationProperty().set(b));
        openCsv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                openCsv(f.toPath());
            }
        });
        model.csvFileProperty().addListener((o, a, b) -> layoutSource());
        model.csvColumns().addListener((ListChangeListener<String>) c -> syncColumns());
        model.csvLabelProperty().addListener((o, a, b) -> syncColumns());
        labelColumn.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && model.csvFileProperty().get() != null && !b.equals(model.csvLabelProperty().get())) {
                model.importCsv(model.csvFileProperty().get(), b);
            }
        });
        openCsv.disableProperty().bind(model.csvLoadingProperty());
        model.featureNames().addListener((ListChangeListener<String>) c -> syncFeatures());
        model.featureXProperty().addListener(o -> syncFeatures());
        model.featureYProperty().addListener(o -> syncFeatures());
        featureX.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!syncing && b.intValue() >= 0) {
                model.featureXProperty().set(b.intValue());
            }
        });
        featureY.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!syncing && b.intValue() >= 0) {
                model.featureYProperty().set(b.intValue());
            }
        });
        syncFeatures();
        showValidation.selectedProperty().bindBidirectional(model.showValidationProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        summary.textProperty().bind(model.summaryProperty());
        preview.show(model.preparedProperty().get());
        model.preparedProperty().addListener((o, a, b) -> preview.show(b));
    }

    /**
     * Opens the import dialog for a CSV file (columns, separator, first rows, label pick, Load);
     * a file whose head cannot be read is reported in the panel instead.
     *
     * @return the dialog, shown, or null
     */
    public CsvImportDialog openCsv(Path file) {
        CsvHeader.Preview preview = model.previewCsv(file);
        if (preview == null) {
            return null;
        }
        CsvImportDialog dialog = new CsvImportDialog(getScene() == null ? null : getScene().getWindow(), model, file,
                preview);
        dialog.show();
        return dialog;
    }

    private void syncColumns() {
        syncing = true;
        labelColumn.getItems().setAll(model.csvColumns());
        labelColumn.setValue(model.csvLabelProperty().get());
        syncing = false;
        columns.setText("columns: " + String.join(", ", model.csvColumns()) + "; label: " + model.csvLabelProperty().get());
    }

    private void syncFeatures() {
        syncing = true;
        featureX.getItems().setAll(model.featureNames());
        featureY.getItems().setAll(model.featureNames());
        featureX.getSelectionModel().select(model.featureXProperty().get());
        featureY.getSelectionModel().select(model.featureYProperty().get());
        boolean many = model.featureNames().size() > 1;
        if (!many) {
            // one feature: the vertical axis is the target (a fitted curve), not the feature again
            var d = model.datasetProperty().get();
            featureY.getItems().setAll(d != null && !d.isClassification() ? "target" : "(one feature)");
            featureY.getSelectionModel().select(0);
        }
        featureY.setDisable(!many);
        syncing = false;
    }
}
