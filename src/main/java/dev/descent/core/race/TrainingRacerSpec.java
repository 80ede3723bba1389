package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.nn.Init;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One racer of a training race, parsed from a one-line spec: the optimizer spec plus
 * optional racer keys {@code label=NAME}, {@code init=KIND} (racers that compare
 * initialisations; others share the race's), {@code clip_norm=X} and {@code clip_value=X}
 * (torch's clip_grad_norm_ / clip_grad_value_ before each step), e.g.
 * {@code "adam lr=0.01 label=adam clip_norm=1"}.
 *
 * @param label     shown in the CSV and the app
 * @param optimizer the optimizer spec without the racer keys
 * @param init      this racer's initialisation, or null for the race's
 * @param clipNorm  max gradient 2-norm, NaN for none
 * @param clipValue max gradient component magnitude, NaN for none
 * @param schedule  this racer's schedule, or null for the race's
 * @param colour    "#rrggbb", or null for the palette colour of its position
 */
public record TrainingRacerSpec(String label, Spec optimizer, Init init, double clipNorm, double clipValue,
                                Spec schedule, String colour) {

    public TrainingRacerSpec {
        if (label == null || label.isBlank()) {
            throw new ConfigException("racer label must not be blank");
        }
        if (optimizer == null) {
            throw new ConfigException("racer optimizer must be given");
        }
        if (!Double.isNaN(clipNorm) && !(clipNorm >= 0)) {
            throw new ConfigException("racer " + label + ": clip_norm must be >= 0, was " + clipNorm);
        }
        if (!Double.isNaN(clipValue) && !(clipValue >= 0)) {
            throw new ConfigException("racer " + label + ": clip_value must be >= 0, was " + clipValue);
        }
    }

    /** Parses a racer spec; the label defaults to the optimizer spec as written. */
    public static TrainingRacerSpec parse(String text) {
        Spec spec = Spec.parse(text);
        Map<String, String> rest = new LinkedHashMap<>(spec.values());
        String label = rest.remove("label");
        String init = rest.remove("init");
        double clipNorm = number(rest.remove("clip_norm"), "clip_norm");
        double clipValue = number(rest.remove("clip_value"), "clip_value");
        Spec optimizer = new Spec(spec.name(), rest);
        return new TrainingRacerSpec(label == null ? optimizer.toString() : label, optimizer,
                init == null ? null : Init.parse(init), clipNorm, clipValue, null, null);
    }

    /**
     * The training racer of an app/preset racer: its label, colour, optimizer, schedule and
     * clipping (0 = off there); the race's initialisation.
     */
    public static TrainingRacerSpec of(RacerConfig config) {
        return new TrainingRacerSpec(config.label(), Spec.parse(config.optimizer()), null,
                config.clipNorm() > 0 ? config.clipNorm() : Double.NaN,
                config.clipValue() > 0 ? config.clipValue() : Double.NaN,
                config.schedule() == null ? null : Spec.parse(config.schedule()), config.colour());
    }

    private static double number(String raw, String key) {
        if (raw == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException("racer: " + key + " must be a number, was '" + raw + "'");
        }
    }
}
