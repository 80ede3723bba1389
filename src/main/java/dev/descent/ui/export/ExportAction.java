package dev.descent.ui.export;

import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.race.SurfaceRace;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's Export button: opens {@link ExportDialog} and carries out the request with the
 * same code as the {@code export} command. PNG and CSV are written at once from the frame on
 * screen; a GIF re-runs the race from its start on a background thread (frames are rendered
 * on the JavaFX thread one at a time, so the window stays live). Every outcome, failures
 * included, goes to {@code report} (the status bar).
 */
public final class ExportAction {
    public static final String BUTTON_ID = "export";

    /** A fresh race (at step 0) and the steps its animation covers. */
    public record Animation(SurfaceRace race, long steps) {
    }

    private final Window owner;
    private final Supplier<Figure> figure;
    private final Supplier<Animation> animation;
    private final Consumer<String> report;
    private final FigureImages images = new FigureImages();
    private final Button button = new Button("Export", new FontIcon("mdi2e-export"));
    private Path lastFile;
    private Task<Integer> running;
    private java.util.function.BooleanSupplier curvesLogY;

    /**
     * @param owner     the window that owns the dialog
     * @param figure    the figure as it is on screen now
     * @param animation a fresh copy of the race for a GIF
     * @param report    where outcomes and failures are shown
     */
    public ExportAction(Window owner, Supplier<Figure> figure, Supplier<Animation> animation, Consumer<String> report) {
        this.owner = owner;
        this.figure = figure;
        this.animation = animation;
        this.report = report;
        button.setId(BUTTON_ID);
        button.setTooltip(new javafx.scene.control.Tooltip("Export the figure (PNG), the trajectories (CSV) "
                + "or the race as an animated GIF"));
        button.setOnAction(e -> open());
    }

    public Button button() {
        return button;
    }

    /**
     * Where the dialog reads whether the loss curves have a log y axis (the window's "Log y"
     * box). Without it the dialog starts from the map's colour scale, which is a different
     * setting (log colours do not make the curves logarithmic).
     */
    public ExportAction curvesLogY(java.util.function.BooleanSupplier source) {
        this.curvesLogY = source;
        return this;
    }

    /** Shows the dialog and exports what it returns. */
    public void open() {
        Figure f = figure.get();
        Path suggestion = lastFile != null ? lastFile
                : Path.of(System.getProperty("user.home"), slug(f.title().isBlank() ? f.surface().id() : f.title()) + ".png");
        boolean logY = curvesLogY != null ? curvesLogY.getAsBoolean() : f.logScale();
        new ExportDialog(owner, suggestion, logY).showAndWait().ifPresent(this::run);
    }

    /** Carries out {@code request}; PNG and CSV before returning, a GIF in the background. */
    public void run(ExportRequest request) {
        lastFile = request.file();
        Path file = request.file();
        try {
            switch (request.format()) {
                case PNG -> {
                    var image = images.renderBuffered(figure.get(), request.figure());
                    ImageFiles.writePng(image, file);
                    report.accept("exported " + file + " (" + image.getWidth() + " x " + image.getHeight() + " px)");
                }
                case CSV -> {
                    AtomicFiles.write(file, w -> TrajectoryCsv.write(figure.get().frame(), w));
                    report.accept("exported " + file);
                }
                case GIF -> exportGif(file, request.figure().logY());
            }
        } catch (IOException | RuntimeException e) {
            report.accept("export failed: " + file + ": " + describe(e));
        }
    }

    /** The GIF export under way, or null. */
    public Task<Integer> runningGif() {
        return running;
    }

    private void exportGif(Path file, boolean logY) {
        if (running != null && running.isRunning()) {
            report.accept("a GIF export is already running");
            return;
        }
        Figure f = figure.get();
        Animation a = animation.get();
        FigureOptions frame = new FigureOptions(FigureKind.BOTH, 1, logY);
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws IOException {
                return new RaceAnimation().write(a.race(), a.steps(), f.title(), f.window(), frame,
                        GifOptions.DEFAULT, this::isCancelled, file);
            }
        };
        running = task;
        startGif(task, file, report);
    }

    /** Runs a GIF export on a daemon thread, reporting its start, its frames or its failure. */
    static void startGif(Task<Integer> task, Path file, Consumer<String> report) {
        task.setOnSucceeded(e -> report.accept("exported " + file + " (" + task.getValue() + " frames)"));
        task.setOnFailed(e -> report.accept("export failed: " + file + ": " + describe(task.getException())));
        report.accept("exporting " + file + " …");
        Thread worker = new Thread(task, "gif-export");
        worker.setDaemon(true);
        worker.start();
    }

    /** A failure as the status bar says it: the folder or permission problem by name, else the message. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such folder for '" + f.getFile() + "'";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied for '" + f.getFile() + "'";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "descent" : s;
    }
}
