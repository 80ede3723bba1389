package dev.descent.ui.data;

import dev.descent.core.data.Dataset;
import dev.descent.ui.Styles;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/** A small live scatter plot of the prepared data (training filled, validation as rings) in the two shown features. */
public final class ScatterPreview extends Pane {
    public static final String ID = "dataPreview";
    private static final Color[] CLASSES = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
            Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"),
            Color.web("#7f7f7f"), Color.web("#bcbd22"), Color.web("#17becf")};
    private final Canvas canvas = new Canvas();
    private PreparedData data;

    public ScatterPreview() {
        setId(ID);
        getStyleClass().add(Styles.PLOT);
        getChildren().add(canvas);
        setPrefHeight(170);
        setMinHeight(120);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> paint());
        canvas.heightProperty().addListener(o -> paint());
    }

    public void show(PreparedData d) {
        data = d;
        paint();
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        if (data == null || w < 4 || h < 4) {
            return;
        }
        double[] pl = data.plane();
        draw(gc, data.train(), pl, w, h, true);
        draw(gc, data.validation(), pl, w, h, false);
        gc.setStroke(Color.web("#999999"));
        gc.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    private void draw(GraphicsContext gc, Dataset d, double[] pl, double w, double h, boolean filled) {
        int step = Math.max(1, d.size() / 1500);
        for (int i = 0; i < d.size(); i += step) {
            double[] p = data.point(d, i);
            double x = (p[0] - pl[0]) / (pl[1] - pl[0]) * w;
            double y = (pl[3] - p[1]) / (pl[3] - pl[2]) * h;
            Color c = d.isClassification() ? CLASSES[d.label(i) % CLASSES.length] : Color.web("#444444");
            if (filled) {
                gc.setFill(c);
                gc.fillOval(x - 2, y - 2, 4, 4);
            } else {
                gc.setStroke(c);
                gc.strokeOval(x - 2.5, y - 2.5, 5, 5);
            }
        }
    }
}
