package dev.descent.ui.network;

import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TrainingRaceEpoch;

import java.util.List;

/**
 * What the data-set views draw for one racer at one moment (immutable; arrays are never
 * written after publication).
 *
 * @param label        legend text
 * @param colour       "#rrggbb"
 * @param spec         the racer's architecture (activation may differ between racers)
 * @param grid         class probabilities over the plotted plane, row-major from the top-left,
 *                     {@code size x size x classes} (for a fitted curve: {@code size} predicted
 *                     values from left to right), or null before the first computation
 * @param epochs       the racer's epoch records so far
 * @param parameters   the racer's current master weights in the {@code ParameterLayout} order
 * @param diverged     "diverged at step k: reason", or null
 * @param histograms   per hidden layer, the activations on the evaluation rows now
 * @param stoppedAt    the epoch after which early stopping ended this racer (the engine's
 *                     decision, not inferred from epoch counts), or null
 */
public record RacerFrame(String label, String colour, MlpSpec spec, float[] grid, List<TrainingRaceEpoch> epochs,
                         double[] parameters, String diverged, List<LayerHistogram> histograms, Integer stoppedAt) {

    public RacerFrame {
        epochs = List.copyOf(epochs);
        histograms = List.copyOf(histograms);
    }

    /** A racer that early stopping has not ended (yet). */
    public RacerFrame(String label, String colour, MlpSpec spec, float[] grid, List<TrainingRaceEpoch> epochs,
                      double[] parameters, String diverged, List<LayerHistogram> histograms) {
        this(label, colour, spec, grid, epochs, parameters, diverged, histograms, null);
    }

    /** "diverged at step k: reason", or null while fine. */
    public String divergedMessage() {
        return diverged;
    }

    /** The newest epoch record, or null before the first epoch ends. */
    public TrainingRaceEpoch lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
