package dev.descent.cli;

/** Bad command-line input that is not a configuration value (a missing file, an unwritable path). */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
