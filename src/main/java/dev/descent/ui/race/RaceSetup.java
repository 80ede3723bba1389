package dev.descent.ui.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.surface.Surface;

import java.util.List;
import java.util.Objects;

/**
 * Everything a race starts from: the surface, the common start and the racers.
 *
 * @param surface the loss surface
 * @param x0      common start
 * @param y0      common start
 * @param racers  racers in list order (disabled ones are skipped)
 */
public record RaceSetup(Surface surface, double x0, double y0, List<RacerSetup> racers) {

    public RaceSetup {
        Objects.requireNonNull(surface, "surface");
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new ConfigException("start must be finite, was (" + x0 + ", " + y0 + ")");
        }
        racers = List.copyOf(racers);
    }
}
