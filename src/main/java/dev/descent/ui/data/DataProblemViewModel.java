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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The data-set problem: a generator (n, noise, seed), a bundled data set or a CSV file, and how
 * it is split, scaled and augmented, with the two features the plots show. Every change
 * rebuilds {@link #preparedProperty()}; a change that fails (a CSV with a bad row, a split
 * with no training rows) is reported in {@link #errorProperty()} and the data shown before
 * stays, so nothing is ever half-loaded.
 *
 * <p>A CSV file comes in two steps, as a dialog shows it: {@link #previewCsv} reads the head
 * (columns, separator, first rows, the proposed label), then {@link #importCsv} parses the file
 * with the chosen label, off the UI thread when it is large, and shows it only if it parses.
 */
public final class DataProblemViewModel {
    /** Files up to this size are parsed at once; larger ones on a background thread. */
    public static final long SYNC_CSV_BYTES = 1 << 20;
    /** Bytes of a file read for the preview. */
    private static final int HEAD_BYTES = 64 * 1024;
    /** Runs each task on a new daemon thread. */
    public static final Executor BACKGROUND = task -> {
        Thread t = new Thread(task, "descent-csv");
        t.setDaemon(true);
        t.start();
    };

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
    private final ReadOnlyBooleanWrapper csvLoading = new ReadOnlyBooleanWrapper(false);
    private final Executor background;
    private final Executor ui;
    private boolean loading;

    /** Large CSV files parse on daemon threads; results are applied on the thread that finishes them. */
    public DataProblemViewModel() {
        this(BACKGROUND, Runnable::run);
    }

    /**
     * @param background runs the parsing of large CSV files
     * @param ui         applies their result on the UI thread ({@code Platform::runLater})
     */
    public DataProblemViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
        generator.addListener((o, was, now) -> reload());
        samples.addListener((o, was, now) -> reload());
        noise.addListener((o, was, now) -> reload());
        seed.addListener((o, was, now) -> reload());
        bundled.addListener((o, was, now) -> reload());
        kind.addListener((o, was, now) -> {
            if (now != DataSourceKind.CSV) {
                reload();
            }
        });
        validationFraction.addListener((o, was, now) -> prepare());
        normalization.addListener((o, was, now) -> prepare());
        augmentCopies.addListener((o, was, now) -> prepare());
        augmentSigma.addListener((o, was, now) -> prepare());
        featureX.addListener((o, was, now) -> prepare());
        featureY.addListener((o, was, now) -> prepare());
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

    /** True while a large CSV file is being parsed. */
    public ReadOnlyBooleanProperty csvLoadingProperty() {
        return csvLoading.getReadOnlyProperty();
    }

    /** The columns of the loaded CSV file's header, for picking the label. */
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

    /**
     * "moons: 300 rows, 2 features, 2 classes; 240 train, 60 validation"; for a bundled set a
     * second line with its source and licence.
     */
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
     * Reads the head of a CSV file for the import dialog: columns, separator, first rows and the
     * proposed label. Nothing changes; a file that cannot be read sets the error and gives null.
     */
    public CsvHeader.Preview previewCsv(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            error.set(name + ": cannot read the file: " + e.getMessage());
            return null;
        }
        CsvHeader.Preview p = CsvHeader.preview(new String(head, StandardCharsets.UTF_8));
        if (p.columns().size() < 2) {
            error.set(name + ": the header has " + p.columns().size() + " column" + (p.columns().size() == 1 ? "" : "s")
                    + "; need at least one feature column and a label column (separate columns with ',' or ';')");
            return null;
        }
        return p;
    }

    /**
     * Parses a CSV file with {@code labelColumn} as the label and shows it if it parses; a file
     * over {@link #SYNC_CSV_BYTES} is parsed on the background executor and shown on the UI
     * one. On any problem (bad rows are reported by line, the first few with their count) the
     * error is set and the data shown before is kept.
     *
     * @return completes with true when the file was loaded (on the UI executor)
     */
    public CompletableFuture<Boolean> importCsv(Path file, String labelColumn) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0; // loadCsv reports why it cannot be read
        }
        if (size <= SYNC_CSV_BYTES) {
            done.complete(loadCsv(file, labelColumn));
            return done;
        }
        csvLoading.set(true);
        DataPreparation preparation = preparation();
        background.execute(() -> {
            Dataset d = null;
            PreparedData p = null;
            String problem = null;
            try {
                d = CsvImporter.read(file, options(labelColumn));
                p = preparation.prepare(d, 0, d.dimension() > 1 ? 1 : 0);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            Dataset loaded = d;
            PreparedData prepared = p;
            String why = problem;
            ui.execute(() -> {
                csvLoading.set(false);
                if (why != null) {
                    error.set(why);
                    done.complete(false);
                } else {
                    showCsv(file, labelColumn, loaded, prepared);
                    done.complete(true);
                }
            });
        });
        return done;
    }

    /**
     * Reads a CSV file with {@code labelColumn} as the label (null: the last column) at once. On
     * any problem the error is set and the data shown before is kept.
     *
     * @return true when the file was loaded
     */
    public boolean loadCsv(Path file, String labelColumn) {
        Dataset d;
        PreparedData p;
        try {
            d = CsvImporter.read(file, options(labelColumn));
            p = preparation().prepare(d, 0, d.dimension() > 1 ? 1 : 0);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        showCsv(file, labelColumn, d, p);
        return true;
    }

    private void showCsv(Path file, String labelColumn, Dataset d, PreparedData p) {
        List<String> columns;
        try {
            columns = previewColumns(file);
        } catch (IOException e) {
            columns = List.of(); // it was just read whole: only a race with a deleted file ends here
        }
        String label = labelColumn != null || columns.isEmpty() ? labelColumn : columns.get(columns.size() - 1);
        loading = true;
        try {
            csvFile.set(file);
            csvColumns.setAll(columns);
            csvLabel.set(label);
            kind.set(DataSourceKind.CSV);
        } finally {
            loading = false;
        }
        show(d, p);
    }

    private static List<String> previewColumns(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return CsvHeader.columns(new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8));
        }
    }

    /**
     * What a preset's data set loads as, checked but not shown: nothing changes until
     * {@link PendingData#commit()} (then with the preset's noise augmentation, or none, and the
     * first two features shown).
     *
     * @throws ConfigException naming the problem (unknown set, a bad CSV row, a split without training rows)
     */
    public PendingData read(dev.descent.core.preset.DatasetProblem d, long presetSeed) {
        int s = (int) presetSeed;
        DataSourceKind k;
        Dataset set;
        if (d.file() != null) {
            k = DataSourceKind.CSV;
            set = CsvImporter.read(Path.of(d.file()), d.csvOptions());
        } else if (generatorNames().contains(d.name())) {
            k = DataSourceKind.GENERATOR;
            set = DataGenerators.create(d.name(), d.samples(), d.noise(), s);
        } else if (bundledNames().contains(d.name())) {
            k = DataSourceKind.BUNDLED;
            set = BundledDatasets.load(d.name());
        } else {
            throw new ConfigException("dataset: unknown data set '" + d.name() + "'");
        }
        Normalization n = Normalization.of(d.normalize());
        double split = Math.min(0.9, d.split());
        dev.descent.core.preset.Augmentation a = d.augment();
        DataPreparation prep = new DataPreparation(split, n, a.copies(), a.sigma(), s);
        PreparedData prepared = prep.prepare(set, 0, set.dimension() > 1 ? 1 : 0);
        return new PendingData(prepared, () -> {
            loading = true;
            try {
                validationFraction.set(split);
                normalization.set(n);
                augmentCopies.set(a.copies());
                augmentSigma.set(a.sigma());
                seed.set(s);
                kind.set(k);
                if (k == DataSourceKind.GENERATOR) {
                    generator.set(d.name());
                    samples.set(d.samples());
                    noise.set(d.noise());
                } else if (k == DataSourceKind.BUNDLED) {
                    bundled.set(d.name());
                }
            } finally {
                loading = false;
            }
            if (k == DataSourceKind.CSV) {
                showCsv(Path.of(d.file()), d.label(), set, prepared);
            } else {
                show(set, prepared);
            }
        });
    }

    /**
     * A preset's data set, read and prepared; {@link #commit()} shows it.
     *
     * @param prepared the rows as the race will train on them
     * @param show     sets source, split, scaling, augmentation and seed and shows the data
     */
    public record PendingData(PreparedData prepared, Runnable show) {
        /** Sets source, split, scaling, augmentation and seed and shows the data. */
        public void commit() {
            show.run();
        }
    }

    /**
     * The shown data set as a preset's problem: the generator (with samples and noise), the
     * bundled set or the CSV file (absolute path, with its label column), split, scaling and
     * noise augmentation.
     */
    public dev.descent.core.preset.DatasetProblem toProblem() {
        String norm = normalization.get().cliName();
        double split = validationFraction.get();
        dev.descent.core.preset.Augmentation a = new dev.descent.core.preset.Augmentation(augmentCopies.get(),
                augmentSigma.get());
        return switch (kind.get()) {
            case GENERATOR -> new dev.descent.core.preset.DatasetProblem(generator.get(), null, samples.get(),
                    noise.get(), split, norm, null, a);
            case BUNDLED -> new dev.descent.core.preset.DatasetProblem(bundled.get(), null, 200, 0.1, split, norm,
                    null, a);
            case CSV -> {
                if (csvFile.get() == null) {
                    throw new ConfigException("no CSV file is loaded");
                }
                yield new dev.descent.core.preset.DatasetProblem(null, csvFile.get().toAbsolutePath().toString(), 200,
                        0.1, split, norm, csvLabel.get(), a);
            }
        };
    }

    private static CsvOptions options(String labelColumn) {
        return labelColumn == null ? CsvOptions.DEFAULTS : CsvOptions.labelColumn(labelColumn);
    }

    /** Shows a new data set (features reset to the first two) when it prepares; else keeps the old. */
    private void show(Dataset d) {
        PreparedData p;
        try {
            p = preparation().prepare(d, 0, d.dimension() > 1 ? 1 : 0);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        show(d, p);
    }

    /** Shows a data set already prepared with the first two features. */
    private void show(Dataset d, PreparedData p) {
        int fx = 0;
        int fy = d.dimension() > 1 ? 1 : 0;
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
        String line = String.format(java.util.Locale.ROOT, "%s: %d rows, %d features, %s; %d train, %d validation",
                d.name(), d.size(), d.dimension(), d.isClassification() ? d.classes() + " classes" : "regression",
                p.train().size(), p.validation().size());
        if (kind.get() == DataSourceKind.BUNDLED && BundledDatasets.contains(d.name())) {
            line += "\nsource: " + BundledDatasets.attribution(d.name());
        }
        summary.set(line);
        prepared.set(p);
    }
}
