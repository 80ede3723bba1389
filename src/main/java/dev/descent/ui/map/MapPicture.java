package dev.descent.ui.map;

import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import dev.descent.core.race.RaceSnapshot;

/**
 * Everything the map shows, as plain data, so the same renderer draws the live view and
 * an offscreen export.
 *
 * @param surface   the loss surface
 * @param window    the visible rectangle
 * @param logScale  log colour scale for surfaces whose range spans decades
 * @param frame     the race as of now (its racers in race order)
 * @param selected  index of the selected racer in {@code frame.racers()}, -1 for none
 * @param startX    the common start
 * @param startY    the common start
 * @param lineScale 1 normally, larger in presentation mode
 */
public record MapPicture(Surface surface, ViewWindow window, boolean logScale, RaceSnapshot frame, int selected,
                         double startX, double startY, double lineScale) {
}
