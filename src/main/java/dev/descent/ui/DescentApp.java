package dev.descent.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.descent.ui.main.MainView;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.Startup;
import dev.descent.ui.presets.PresetCatalog;
import dev.descent.ui.presets.PresetEntry;
import dev.descent.ui.presets.SessionStore;
import dev.descent.core.race.RaceOptions;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The desktop application window. */
public final class DescentApp extends Application {
    private MainViewModel model;
    private SessionStore session;
    private MainView view;
    private ExecutorService criticalPointSearch;

    /** Starts the JavaFX toolkit and opens the window; returns when the window closes. */
    public static void launchApp(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // a typed surface's critical points take up to a few hundred ms to find: one daemon thread
        // searches them, so typing f(x, y) never stalls the window; the map draws them when found
        criticalPointSearch = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "descent-critical-points");
            t.setDaemon(true);
            return t;
        });
        model = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime,
                criticalPointSearch, Platform::runLater);
        attachDataMode(model);
        session = Startup.sessionStore();
        List<String> problems = new ArrayList<>();
        List<PresetEntry> presets = PresetCatalog.load(Startup.presetFolders(), problems);
        String restored = Startup.restore(model, session);
        view = new MainView(model, presets);
        dev.descent.ui.export.AppExport.install(stage, view, model).curvesLogY(model.curvesLogYProperty()::get);
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, bounds.getWidth()), Math.min(960, bounds.getHeight()));
        scene.getStylesheets().add(DescentApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, a, b) -> applyTheme(b));
        // presentation mode is full screen without JavaFX's overlay hint; Esc still leaves it, as F11 does
        stage.setFullScreenExitHint("");
        model.presentationProperty().addListener((o, a, b) -> {
            stage.setFullScreen(b);
            if (b) {
                model.report("presentation mode: F11 or Esc to leave");
            }
        });
        stage.fullScreenProperty().addListener((o, a, b) -> {
            if (model != null) {
                model.presentationProperty().set(b);
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        stage.setTitle("Descent");
        try (java.io.InputStream icon = DescentApp.class.getResourceAsStream("descent.png")) {
            if (icon != null) { // packaged from assets/descent.png by the build
                stage.getIcons().setAll(new javafx.scene.image.Image(icon));
            }
        } catch (java.io.IOException e) {
            // no icon: the window manager shows its default
        }
        stage.setScene(scene);
        // without a window manager (Xvfb, kiosk) maximizing does nothing: fill the screen by hand
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(true);
        stage.setOnHidden(e -> shutdown());
        stage.show();
        view.start();
        model.reset();
        // after the first reset, which clears the status line
        if (!problems.isEmpty()) {
            model.report("presets skipped: " + String.join("; ", problems));
        } else if (restored != null) {
            model.report(restored);
        }
    }

    /** Data-set mode on the backend {@code auto} picks (the status bar shows which and why). */
    private static void attachDataMode(MainViewModel model) {
        try {
            dev.descent.core.compute.Backends.Opened opened = dev.descent.core.compute.Backends.open("auto");
            model.attachDataMode(new dev.descent.ui.network.DataModeViewModel(opened.backend(),
                    opened.provider()::create, opened.why(), System::nanoTime, javafx.application.Platform::runLater));
        } catch (RuntimeException e) {
            model.report("data-set mode unavailable: " + e.getMessage());
        }
    }

    /** The window's view-model (for tests driving the real window). */
    public MainViewModel model() {
        return model;
    }

    @Override
    public void stop() {
        shutdown();
    }

    private void shutdown() {
        if (view != null) {
            view.stop();
            view = null;
        }
        if (model != null) {
            Startup.store(model, session);
            model.close();
            model = null;
        }
        if (criticalPointSearch != null) {
            criticalPointSearch.shutdownNow();
            criticalPointSearch = null;
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * Keyboard control, for a teacher at a projector: Space play/pause, Right one step, R reset,
     * Up/Down speed x2 / /2, 1-9 and 0 the first ten presets of the picker, Page Down/Up the
     * next/previous preset, P predict mode (curves hidden at each start), V reveal the curves,
     * F11 presentation mode. All but F11 are ignored while the user types in a field.
     */
    private void shortcut(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl && e.getCode() != KeyCode.F11) {
            return;
        }
        if (e.getCode().isDigitKey() && !e.isShortcutDown()) {
            int digit = e.getCode().getChar().charAt(0) - '0';
            view.topBar().presetBar().select(digit == 0 ? 9 : digit - 1);
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case SPACE -> model.togglePlay();
            case RIGHT -> model.step();
            case R -> model.reset();
            case UP -> model.stepsPerSecondProperty().set(
                    Math.min(MainViewModel.MAX_SPEED, model.stepsPerSecondProperty().get() * 2));
            case DOWN -> model.stepsPerSecondProperty().set(
                    Math.max(MainViewModel.MIN_SPEED, model.stepsPerSecondProperty().get() / 2));
            case PAGE_DOWN -> view.topBar().presetBar().selectNext(1);
            case PAGE_UP -> view.topBar().presetBar().selectNext(-1);
            case P -> view.reveal().togglePredictMode();
            case V -> view.reveal().reveal();
            case F11 -> model.presentationProperty().set(!model.presentationProperty().get());
            default -> {
                return;
            }
        }
        e.consume();
    }
}
