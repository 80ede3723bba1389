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
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/** The desktop application window. */
public final class DescentApp extends Application {
    private MainViewModel model;
    private SessionStore session;
    private MainView view;

    /** Starts the JavaFX toolkit and opens the window; returns when the window closes. */
    public static void launchApp(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        model = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        session = Startup.sessionStore();
        List<String> problems = new ArrayList<>();
        List<PresetEntry> presets = PresetCatalog.load(Startup.presetFolders(), problems);
        String restored = Startup.restore(model, session);
        view = new MainView(model, presets);
        dev.descent.ui.export.AppExport.install(stage, view, model);
        if (!problems.isEmpty()) {
            model.report("presets skipped: " + String.join("; ", problems));
        } else if (restored != null) {
            model.report(restored);
        }
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, bounds.getWidth()), Math.min(960, bounds.getHeight()));
        scene.getStylesheets().add(DescentApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        applyTheme(model.darkProperty().get());
        model.darkProperty().addListener((o, a, b) -> applyTheme(b));
        model.presentationProperty().addListener((o, a, b) -> stage.setFullScreen(b));
        stage.fullScreenProperty().addListener((o, a, b) -> model.presentationProperty().set(b));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        stage.setTitle("Descent");
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
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Space, Right, R and F11 work unless the user is typing in a field. */
    private void shortcut(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl && e.getCode() != KeyCode.F11) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> model.togglePlay();
            case RIGHT -> model.step();
            case R -> model.reset();
            case F11 -> model.presentationProperty().set(!model.presentationProperty().get());
            default -> {
                return;
            }
        }
        e.consume();
    }
}
