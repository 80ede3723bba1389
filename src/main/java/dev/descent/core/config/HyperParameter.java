package dev.descent.core.config;

/**
 * Describes one tunable value of an optimizer, schedule or surface, for {@code list}, the
 * command-line parser and the app's property editor.
 *
 * @param name         the torch name ({@code lr}, {@code beta1}, {@code momentum_decay})
 * @param kind         how the value is typed
 * @param defaultValue the default as text ("0.001", "false", "triangular"); null when required
 * @param range        the allowed values in words ("[0, 1)", "> 0", "triangular|triangular2|exp_range")
 * @param help         one line for a tooltip
 */
public record HyperParameter(String name, Kind kind, String defaultValue, String range, String help) {

    /** How a hyper-parameter is typed. */
    public enum Kind { DOUBLE, INT, BOOLEAN, CHOICE, LIST }

    public boolean required() {
        return defaultValue == null;
    }
}
