package dev.descent.ui.view3d;

import javafx.scene.Node;

/**
 * The camera's orbit around the surface's centre: drag turns it (azimuth, elevation clamped
 * to [5, 89] degrees), scroll moves it nearer or farther (distance clamped to [300, 3000]).
 */
final class Orbit {
    private double azimuth = -30;
    private double elevation = 35;
    private double distance = 950;
    private double lastX;
    private double lastY;

    double azimuth() {
        return azimuth;
    }

    double elevation() {
        return elevation;
    }

    double distance() {
        return distance;
    }

    void attach(Node node, Runnable changed) {
        node.setOnMousePressed(e -> {
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        });
        node.setOnMouseDragged(e -> {
            drag(e.getSceneX() - lastX, e.getSceneY() - lastY);
            lastX = e.getSceneX();
            lastY = e.getSceneY();
            changed.run();
        });
        node.setOnScroll(e -> {
            zoom(e.getDeltaY());
            changed.run();
        });
    }

    void drag(double dx, double dy) {
        azimuth = (azimuth + dx * 0.4) % 360;
        elevation = Math.max(5, Math.min(89, elevation + dy * 0.3));
    }

    void zoom(double deltaY) {
        distance = Math.max(300, Math.min(3000, distance * Math.pow(0.9, deltaY / 40.0)));
    }
}
