package dev.descent.ui.export;

import dev.descent.core.plot.ContourLevels;
import dev.descent.core.plot.SurfaceGrid;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.SurfaceRace;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;

/**
 * What an exported figure shows, as plain data: the same inputs the app's map and curves
 * draw from, plus a title.
 *
 * @param title    the heading ("Rosenbrock: the curved valley")
 * @param surface  the loss surface
 * @param window   the rectangle of the map
 * @param logScale log colour scale for the heatmap
 * @param frame    the race at the moment shown
 * @param startX   the common start
 * @param startY   the common start
 */
public record Figure(String title, Surface surface, ViewWindow window, boolean logScale, RaceSnapshot frame,
                     double startX, double startY) {

    public Figure {
        if (title == null) {
            title = "";
        }
        if (surface == null || window == null || frame == null) {
            throw new IllegalArgumentException("surface, window and frame are required");
        }
    }

    /** A figure of {@code race} as it is now, over {@code window}, with the app's choice of colour scale. */
    public static Figure of(String title, SurfaceRace race, ViewWindow window) {
        return new Figure(title, race.surface(), window, spansDecades(race.surface(), window), race.snapshot(),
                race.startX(), race.startY());
    }

    /** The same figure at another moment of the race. */
    public Figure withFrame(RaceSnapshot newFrame) {
        return new Figure(title, surface, window, logScale, newFrame, startX, startY);
    }

    /** True when the surface's values over the window span decades, so log colours read better (the app's rule). */
    public static boolean spansDecades(Surface s, ViewWindow w) {
        SurfaceGrid grid = SurfaceGrid.sample(s, w, 64, 64);
        return grid.finiteCount() > 0 && ContourLevels.choose(grid) == ContourLevels.Spacing.LOG;
    }
}
