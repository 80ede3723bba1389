package dev.descent.ui.presentation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Predict, then reveal": with predict mode on, the curves are hidden whenever a race starts
 * over (a preset is loaded, the race is reset), so the class can predict the outcome while the
 * racers run on the map; the teacher reveals them with a key.
 */
public final class RevealState {
    private final BooleanProperty predictMode = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hidden = new ReadOnlyBooleanWrapper(false);

    public RevealState() {
        predictMode.addListener((o, a, on) -> hidden.set(on));
    }

    // Properties

    /** Predict mode: hide the curves at every new start. */
    public BooleanProperty predictModeProperty() {
        return predictMode;
    }

    /** True while the curves are hidden. */
    public ReadOnlyBooleanProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    // Commands

    /** A race started over: hide the curves again in predict mode. */
    public void startedOver() {
        hidden.set(predictMode.get());
    }

    /** Shows the curves until the next start. */
    public void reveal() {
        hidden.set(false);
    }

    public void togglePredictMode() {
        predictMode.set(!predictMode.get());
    }
}
