package dev.descent.ui.network;

import dev.descent.core.config.Spec;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.race.TrainingRacerSpec;

/**
 * One racer of a data-set race as the app sets it up.
 *
 * @param colour     "#rrggbb", as in the racer panel
 * @param spec       optimizer, label, init override and clipping
 * @param activation this racer's hidden activation, or null for the network's
 * @param schedule   this racer's learning-rate schedule, or null for constant
 */
public record SessionRacer(String colour, TrainingRacerSpec spec, ActivationSpec activation, Spec schedule) {

    public SessionRacer {
        if (colour == null || spec == null) {
            throw new IllegalArgumentException("colour and spec must be given");
        }
    }

    public String label() {
        return spec.label();
    }

    /** The engine's racer spec with this racer's schedule and colour. */
    public TrainingRacerSpec trainingSpec() {
        return new TrainingRacerSpec(spec.label(), spec.optimizer(), spec.init(), spec.clipNorm(), spec.clipValue(),
                schedule, colour);
    }
}
