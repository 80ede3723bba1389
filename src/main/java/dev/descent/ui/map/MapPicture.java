package dev.descent.ui.map;

import dev.descent.core.surface.CriticalPoint;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import dev.descent.core.race.RaceSnapshot;

import java.util.List;

/**
 * Everything the map shows, as plain data, so the same renderer draws the live view and
 * an offscreen export.
 *
 * @param surface   the loss surface
 * @param criticalPoints the surface's critical points to mark, as far as known (the live map
 *                   does not wait for a typed surface's search; an export does)
 * @param window    the visible rectangle
 * @param logScale  log colour scale for surfaces whose range spans decades
 * @param frame     the race as of now (its racers in race order)
 * @param selected  index of the selected racer in {@code frame.racers()}, -1 for none
 * @param startX    the common start
 * @param startY    the common start
 * @param lineScale 1 normally, larger in presentation mode
 * @param cursorStep the step under the curves' shared cursor (each racer's position there is
 *                   ringed on the map), -1 for none
 */
public record MapPicture(Surface surface, List<CriticalPoint> criticalPoints, ViewWindow window, boolean logScale,
                         RaceSnapshot frame, int selected, double startX, double startY, double lineScale,
                         long cursorStep) {

    public MapPicture {
        criticalPoints = List.copyOf(criticalPoints);
    }

    /** A picture without a step cursor. */
    public MapPicture(Surface surface, List<CriticalPoint> criticalPoints, ViewWindow window, boolean logScale,
                      RaceSnapshot frame, int selected, double startX, double startY, double lineScale) {
        this(surface, criticalPoints, window, logScale, frame, selected, startX, startY, lineScale, -1);
    }
}
