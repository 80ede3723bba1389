package dev.descent.ui.data;

import dev.descent.core.config.ConfigException;
import dev.descent.core.data.BundledDatasets;
import dev.descent.core.data.CsvImporter;
import dev.descent.core.data.CsvOptions;
import dev.descent.core.data.DataGenerator;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.Normalization;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data-set problem: a generator (n, noise, seed), a bundled data set or a CSV file, and how
 * it is split, scaled and augmented, with the two features the plots show. Every change
 * rebuilds {@link #preparedProperty()}; a change that fails (a CSV with a bad row, a split
 * with no training rows) is reported in {@link #errorProperty()} and the data shown before
 * stays, so nothing is ever half-loaded.
 */
public final class DataProblemViewModel {
    private final ObjectProperty<DataSourceKind> kind = new SimpleObjectProperty<>(DataSourceKind.GENERATOR);
    private final StringProperty generator = new SimpleStringProperty("moons");
    private final IntegerProperty samples = new SimpleIntegerProperty(300);
    private final ObjectProperty<Double> noise = new SimpleObjectProperty<>(0.15);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final StringProperty bundled = new SimpleStringProperty("iris");
    private final ObjectProperty<Double> validationFraction = new SimpleObjectProperty<>(0.2);
    private final ObjectProperty<Normalization> normalization = new SimpleObjectProperty<>(Normalization.STANDARD);
    private final IntegerProperty augmentCopies = new SimpleIntegerProperty(0);
    private final ObjectProperty<Double> augmentSigma = new SimpleObjectProperty<>(0.1);
    private final IntegerProperty featureX = new SimpleIntegerProperty(0);
    private final IntegerProperty featureY = new SimpleIntegerProperty(1);
    private final BooleanProperty showValidation = new SimpleBooleanProperty(true);
    private final ObservableList<String> featureNames = FXCollections.observableArrayList();
    private final ObservableList<String> csvColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> csvFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper csvLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PreparedData> prepared = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private boolean loading;

    public DataProblemViewModel() {
        generator.addListener(o -> reload());
        samples.addListener(o -> reload());
        noise.addListener(o -> reload());
        seed.addListener(o -> reload());
        bundled.addListener(o -> reload());
        kind.addListener((o, was, now) -> {
            if (now != DataSourceKind.CSV) {
                reload();
            }
        });
        validationFraction.addListener(o -> prepare());
        normalization.addListener(o -> prepare());
        augmentCopies.addListener(o -> prepare());
        augmentSigma.addListener(o -> prepare());
        featureX.addListener(o -> prepare());
        featureY.addListener(o -> prepare());
        reload();
    }

    // Properties

    public ObjectProperty<DataSourceKind> kindProperty() {
        return kind;
    }

    public StringProperty generatorProperty() {
        return generator;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<Double> noiseProperty() {
        return noise;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public StringProperty bundledProperty() {
        return bundled;
    }

    public ObjectProperty<Double> validationFractionProperty() {
        return validationFraction;
    }

    public ObjectProperty<Normalization> normalizationProperty() {
        return normalization;
    }

    public IntegerProperty augmentCopiesProperty() {
        return augmentCopies;
    }

    public ObjectProperty<Double> augmentSigmaProperty() {
        return augmentSigma;
    }

    /** Index of the feature on the horizontal axis. */
    public IntegerProperty featureXProperty() {
        return featureX;
    }

    public IntegerProperty featureYProperty() {
        return featureY;
    }

    /** Whether the plots mark the validation points too. */
    public BooleanProperty showValidationProperty() {
        return showValidation;
    }

    /** The loaded data set's feature names (the choices for the two shown features). */
    public ObservableList<String> featureNames() {
        return featureNames;
    }

    /** The columns of the last CSV file's header, for picking the label. */
    public ObservableList<String> csvColumns() {
        return csvColumns;
    }

    public ReadOnlyObjectProperty<Path> csvFileProperty() {
        return csvFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty csvLabelProperty() {
        return csvLabel.getReadOnlyProperty();
    }

    /** The whole data set as loaded, unscaled. */
    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** Training and validation rows, scaled and augmented; what a race trains on. */
    public ReadOnlyObjectProperty<PreparedData> preparedProperty() {
        return prepared.getReadOnlyProperty();
    }

    /** Why the last change was refused ("" when it was not). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "moons: 300 rows, 2 features, 2 classes; 240 train, 60 validation". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public static List<String> generatorNames() {
        return DataGenerators.all().stream().map(DataGenerator::name).toList();
    }

    public static List<String> bundledNames() {
        return BundledDatasets.names();
    }

    // Commands

    /** Reloads the generator or bundled set with the current settings. */
    public void reload() {
        if (loading) {
            return;
        }
        try {
            Dataset d = switch (kind.get()) {
                case GENERATOR -> DataGenerators.create(generator.get(), samples.get(), noise.get(), seed.get());
                case BUNDLED -> BundledDatasets.load(bundled.get());
                case CSV -> csvFile.get() == null ? null : CsvImporter.read(csvFile.get(), options(csvLabel.get()));
            };
            if (d != null) {
                show(d);
            }
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /**
     * Reads a CSV file with {@code labelColumn} as the label (null: the last column). On any
     * problem (a bad row is reported with its line number) the error is set and the data shown
     * before is kept.
     *
     * @return true when the file was loaded
     */
    public boolean loadCsv(Path file, String labelColumn) {
        List<String> columns;
        Dataset d;
        try {
            byte[] bytes = Files.readAllBytes(file);
            columns = CsvHeader.columns(new String(bytes, StandardCharsets.UTF_8));
            d = CsvImporter.parse(file.getFileName().toString(), bytes, options(labelColumn));
        } catch (IOException e) {
            error.set(file.getFileName() + ": cannot read the file: " + e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        loading = true;
        try {
            csvFile.set(file);
            csvColumns.setAll(columns);
            csvLabel.set(labelColumn == null && !columns.isEmpty() ? columns.get(columns.size() - 1) : labelColumn);
            kind.set(DataSourceKind.CSV);
        } finally {
            loading = false;
        }
        show(d);
        return true;
    }

    private static CsvOptions options(String labelColumn) {
        return labelColumn == null ? CsvOptions.DEFAULTS : CsvOptions.labelColumn(labelColumn);
    }

    /** Shows a new data set (features reset to the first two) when it prepares; else keeps the old. */
    private void show(Dataset d) {
        int fx = 0;
        int fy = d.dimension() > 1 ? 1 : 0;
        PreparedData p;
        try {
            p = preparation().prepare(d, fx, fy);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        loading = true;
        try {
            dataset.set(d);
            featureNames.setAll(d.featureNames());
            featureX.set(fx);
            featureY.set(fy);
        } finally {
            loading = false;
        }
        publish(p);
    }

    private void prepare() {
        if (loading || dataset.get() == null) {
            return;
        }
        try {
            publish(preparation().prepare(dataset.get(), featureX.get(), featureY.get()));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private DataPreparation preparation() {
        return new DataPreparation(validationFraction.get(), normalization.get(), augmentCopies.get(),
                augmentSigma.get(), seed.get());
    }

    private void publish(PreparedData p) {
        error.set("");
        Dataset d = p.source();
        summary.set(String.format(java.util.Locale.ROOT, "%s: %d rows, %d features, %s; %d train, %d validation",
                d.name(), d.size(), d.dimension(), d.isClassification() ? d.classes() + " classes" : "regression",
                p.train().size(), p.validation().size()));
        prepared.set(p);
    }
}
