package dev.descent.ui.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;

import java.util.Objects;

/**
 * One racer as the engine receives it: an immutable copy taken at reset, so editing a racer
 * in the app never touches the race that is running.
 *
 * @param label     legend text
 * @param colour    "#rrggbb"
 * @param optimizer optimizer spec ("adam lr=0.01")
 * @param schedule  schedule spec ("constant" when none)
 * @param clipNorm  maximum gradient norm, 0 = off
 * @param clipValue maximum absolute gradient component, 0 = off
 * @param enabled   disabled racers are not run
 */
public record RacerSetup(String label, String colour, Spec optimizer, Spec schedule,
                         double clipNorm, double clipValue, boolean enabled) {

    public RacerSetup {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new ConfigException("colour must be #rrggbb, was " + colour);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new ConfigException("clipNorm must be in [0, inf), was " + clipNorm);
        }
        if (!(clipValue >= 0) || Double.isInfinite(clipValue)) {
            throw new ConfigException("clipValue must be in [0, inf), was " + clipValue);
        }
    }
}
