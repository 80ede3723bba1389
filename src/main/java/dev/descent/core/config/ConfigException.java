package dev.descent.core.config;

/**
 * Bad user input in a configuration: an optimizer or schedule spec, a surface parameter,
 * a preset field. The message names the field and what was wrong
 * ("beta1 must be in [0, 1), was 1.0"). The command line maps it to exit code 2.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
