package dev.descent.ui.network;

import dev.descent.core.config.Spec;
import dev.descent.core.data.Normalization;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.preset.NetworkConfig;
import dev.descent.core.race.TrainingRacerSpec;

/**
 * One racer of a data-set race as the app sets it up.
 *
 * @param colour        "#rrggbb", as in the racer panel
 * @param spec          optimizer, label, init override and clipping
 * @param activation    this racer's hidden activation, or null for the network's
 * @param schedule      this racer's learning-rate schedule, or null for constant
 * @param network       this racer's own network (a lesson preset's racer variant: layers,
 *                      activation, init, batch norm, dropout, l1, l2, batch size, early
 *                      stopping), or null for the network panel's
 * @param normalization this racer's feature scaling, or null for the data panel's
 */
public record SessionRacer(String colour, TrainingRacerSpec spec, ActivationSpec activation, Spec schedule,
                           NetworkConfig network, Normalization normalization) {

    public SessionRacer {
        if (colour == null || spec == null) {
            throw new IllegalArgumentException("colour and spec must be given");
        }
    }

    /** A racer on the shared network and scaling. */
    public SessionRacer(String colour, TrainingRacerSpec spec, ActivationSpec activation, Spec schedule) {
        this(colour, spec, activation, schedule, null, null);
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
