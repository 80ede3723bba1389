package dev.descent.ui.export;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.Backends;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.network.TrainingSession;
import javafx.concurrent.Task;
import javafx.stage.Window;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The top bar's Export in data-set mode: opens {@link DataSetExportDialog} and carries out the
 * request with the same code as the {@code export} command ({@link DataSetRace}). PNG and CSV
 * are written at once from the race on screen; a GIF runs a fresh copy of the race from its
 * start on a background thread with its own backend (frames rendered on the JavaFX thread one
 * at a time, so the window stays live), for as many steps as the race on screen has run, or
 * its whole plan before it has run. Every outcome, failures included, goes to {@code report}.
 */
public final class DataSetExportAction {
    private final Window owner;
    private final DataModeViewModel model;
    private final Supplier<String> title;
    private final Consumer<String> report;
    private Path lastFile;
    private Task<Integer> running;

    /**
     * @param title the figure's heading (the data-set preset's title, or a description)
     */
    public DataSetExportAction(Window owner, DataModeViewModel model, Supplier<String> title, Consumer<String> report) {
        this.owner = owner;
        this.model = model;
        this.title = title;
        this.report = report;
    }

    /** Shows the dialog and exports what it returns. */
    public void open() {
        Path suggestion = lastFile != null ? lastFile
                : Path.of(System.getProperty("user.home"), ExportAction.slug(title.get()) + ".png");
        new DataSetExportDialog(owner, suggestion).showAndWait().ifPresent(this::run);
    }

    /** The figure's heading now. */
    String title() {
        return title.get();
    }

    /** Carries out {@code request}; PNG and CSV before returning, a GIF in the background. */
    public void run(DataSetExportDialog.Request request) {
        lastFile = request.file();
        Path file = request.file();
        TrainingSession live = model.session();
        if (live == null) {
            report.accept("export failed: no data-set race to export");
            return;
        }
        try {
            switch (request.format()) {
                case PNG -> {
                    BufferedImage image = onScreen(live).writePng(request.kind(), request.scale(), file);
                    report.accept("exported " + file + " (" + image.getWidth() + " x " + image.getHeight() + " px)");
                }
                case CSV -> {
                    AtomicFiles.write(file, onScreen(live).csv());
                    report.accept("exported " + file);
                }
                case GIF -> exportGif(file, live.frame().steps());
            }
        } catch (IOException | RuntimeException e) {
            report.accept("export failed: " + file + ": " + ExportAction.describe(e));
        }
    }

    /**
     * The race on screen, read only (its newest frame is immutable and published for any
     * thread); never stepped or closed here: the engine thread owns it.
     */
    private DataSetRace onScreen(TrainingSession live) {
        return new DataSetRace(live, title.get(), model.data().showValidationProperty().get(),
                model.selectedIndexProperty().get(), model.lrResultProperty().get());
    }

    /** The GIF export under way, or null. */
    public Task<Integer> runningGif() {
        return running;
    }

    private void exportGif(Path file, long stepsOnScreen) {
        if (running != null && running.isRunning()) {
            report.accept("a GIF export is already running");
            return;
        }
        Backend compute = Backends.open("auto").backend();
        DataSetRace race;
        try {
            race = new DataSetRace(model.newSession(compute), title.get(), model.data().showValidationProperty().get(),
                    model.selectedIndexProperty().get(), null);
        } catch (RuntimeException e) {
            compute.close();
            throw e;
        }
        long steps = stepsOnScreen > 0 ? stepsOnScreen : race.plannedSteps();
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                try (compute; race) {
                    return race.writeGif(GifOptions.DEFAULT, steps, this::isCancelled, file);
                }
            }
        };
        running = task;
        ExportAction.startGif(task, file, report);
    }
}
