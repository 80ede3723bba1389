package dev.descent.ui.network;

/** What differs between the racers of a data-set race. */
public enum RaceKind {
    /** Each racer of the racer panel with its own optimizer and schedule. */
    OPTIMIZERS("Optimizers"),
    /** The selected racer's optimizer, once per listed initialisation. */
    INITS("Initialisations"),
    /** The selected racer's optimizer, once per listed activation. */
    ACTIVATIONS("Activations");

    private final String text;

    RaceKind(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
