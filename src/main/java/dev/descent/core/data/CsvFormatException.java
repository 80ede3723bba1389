package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

/**
 * A CSV file that cannot be imported. The message names the file, the line (1-based, counting
 * the header as line 1) and, where one is at fault, the column by name and 1-based number:
 * {@code iris.csv line 17, column 'petal_width' (4): 'abc' is not a number}.
 */
public class CsvFormatException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
