package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.Surfaces;
import dev.descent.core.surface.ViewWindow;

/**
 * A race on a 2-D surface: a catalogue surface or a typed f(x,y), the window shown and the
 * common start. Exactly one of {@code surface} and {@code expression} is set; the constructor
 * builds the surface once to check it, so a problem that exists can be raced.
 *
 * @param surface    a catalogue spec ({@code "rosenbrock a=1 b=100"}), or null
 * @param expression a typed f(x,y) ({@code "x^2 + 3*y^2"}), or null
 * @param window     the view window, or null for the surface's default
 * @param startX     the common start, finite
 * @param startY     the common start, finite
 */
public record SurfaceProblem(String surface, String expression, ViewWindow window, double startX, double startY) {

    public SurfaceProblem {
        if (surface != null && surface.isBlank()) {
            surface = null;
        }
        if (expression != null && expression.isBlank()) {
            expression = null;
        }
        if ((surface == null) == (expression == null)) {
            throw new ConfigException("surface: give exactly one of a catalogue surface and an expression");
        }
        if (!Double.isFinite(startX) || !Double.isFinite(startY)) {
            throw new ConfigException("start must be finite, was (" + startX + ", " + startY + ")");
        }
        createSurface(surface, expression);
    }

    /** A new instance of the surface (surfaces are immutable; this re-parses the spec). */
    public Surface createSurface() {
        return createSurface(surface, expression);
    }

    /** The window to show: the given one, or the surface's default. */
    public ViewWindow effectiveWindow() {
        return window != null ? window : createSurface().window();
    }

    private static Surface createSurface(String surface, String expression) {
        if (surface != null) {
            try {
                return Surfaces.create(Spec.parse(surface));
            } catch (ConfigException e) {
                throw new ConfigException("surface: " + e.getMessage(), e);
            }
        }
        try {
            return Surfaces.expression(expression);
        } catch (ConfigException e) {
            throw new ConfigException("expression: " + e.getMessage(), e);
        }
    }
}
