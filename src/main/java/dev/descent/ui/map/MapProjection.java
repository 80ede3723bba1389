package dev.descent.ui.map;

import dev.descent.core.surface.ViewWindow;

/**
 * Maps surface coordinates to pixels of a {@code width x height} area and back; y grows
 * upwards on the surface and downwards on the screen.
 */
public record MapProjection(ViewWindow window, double width, double height) {

    public MapProjection {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("map size must be positive, was " + width + " x " + height);
        }
    }

    public double px(double x) {
        return (x - window.xMin()) / window.width() * width;
    }

    public double py(double y) {
        return (window.yMax() - y) / window.height() * height;
    }

    public double x(double px) {
        return window.xMin() + px / width * window.width();
    }

    public double y(double py) {
        return window.yMax() - py / height * window.height();
    }

    /** The window zoomed by {@code factor} (< 1 zooms in) around the pixel (px, py), which stays put. */
    public ViewWindow zoom(double px, double py, double factor) {
        double cx = x(px);
        double cy = y(py);
        return new ViewWindow(cx - (cx - window.xMin()) * factor, cx + (window.xMax() - cx) * factor,
                cy - (cy - window.yMin()) * factor, cy + (window.yMax() - cy) * factor);
    }

    /** The window moved so that content follows a drag of (dx, dy) pixels. */
    public ViewWindow pan(double dxPixels, double dyPixels) {
        double dx = -dxPixels / width * window.width();
        double dy = dyPixels / height * window.height();
        return new ViewWindow(window.xMin() + dx, window.xMax() + dx, window.yMin() + dy, window.yMax() + dy);
    }
}
