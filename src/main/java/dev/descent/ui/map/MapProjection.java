package dev.descent.ui.map;

import dev.descent.core.surface.ViewWindow;

/**
 * Maps surface coordinates to pixels of a {@code width x height} area and back, with one scale
 * for both axes, so that a circle on the surface is a circle on the screen and a gradient
 * arrow meets the contour lines at a right angle. The requested window is shown whole: its
 * shorter side (relative to the area's shape) is extended on both sides to the area's aspect
 * ratio, centred on the requested window ({@link #visible()}). y grows upwards on the surface
 * and downwards on the screen.
 *
 * <p>Zoom and pan act on the requested window. Because the extension is centred and
 * proportional, scaling or moving the requested window scales or moves the visible one the
 * same way, so the point under the pointer stays put.
 */
public final class MapProjection {
    private final ViewWindow window;
    private final double width;
    private final double height;
    /** Surface units per pixel on both axes. */
    private final double unit;
    /** Surface x at pixel column 0 and y at pixel row 0. */
    private final double left;
    private final double top;

    public MapProjection(ViewWindow window, double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("map size must be positive, was " + width + " x " + height);
        }
        this.window = window;
        this.width = width;
        this.height = height;
        this.unit = Math.max(window.width() / width, window.height() / height);
        this.left = (window.xMin() + window.xMax()) / 2 - unit * width / 2;
        this.top = (window.yMin() + window.yMax()) / 2 + unit * height / 2;
    }

    /** The requested window (all of it is visible). */
    public ViewWindow window() {
        return window;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Surface units per pixel, the same along x and y. */
    public double unitsPerPixel() {
        return unit;
    }

    /** The rectangle actually shown: the requested window extended to the area's aspect ratio. */
    public ViewWindow visible() {
        return new ViewWindow(left, left + unit * width, top - unit * height, top);
    }

    public double px(double x) {
        return (x - left) / unit;
    }

    public double py(double y) {
        return (top - y) / unit;
    }

    public double x(double px) {
        return left + px * unit;
    }

    public double y(double py) {
        return top - py * unit;
    }

    /** The pixel x offset of the surface vector (dx, dy): every arrow goes through here. */
    public double dpx(double dx) {
        return dx / unit;
    }

    /** The pixel y offset of the surface vector (dx, dy); screen y points down. */
    public double dpy(double dy) {
        return -dy / unit;
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
        double dx = -dxPixels * unit;
        double dy = dyPixels * unit;
        return new ViewWindow(window.xMin() + dx, window.xMax() + dx, window.yMin() + dy, window.yMax() + dy);
    }
}
