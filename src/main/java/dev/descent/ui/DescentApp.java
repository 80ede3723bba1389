package dev.descent.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application window. */
public final class DescentApp extends Application {

    /** Starts the JavaFX toolkit and opens the window; returns when the window closes. */
    public static void launchApp(String[] args) {
        Application.launch(DescentApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Descent");
        stage.setScene(new Scene(new StackPane(new Label("Descent")), 1280, 800));
        stage.show();
    }
}
