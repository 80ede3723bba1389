package dev.descent.core.data;

import dev.descent.core.config.ConfigException;

import java.util.List;

/**
 * A CSV file that cannot be imported. The message names the file, the line (1-based, counting
 * the header as line 1) and, where one is at fault, the column by name and 1-based number:
 * {@code iris.csv line 17, column 'petal_width' (4): 'abc' is not a number}.
 */
public class CsvFormatException extends ConfigException {
    private static final long serialVersionUID = 1L;
    /** Bad rows whose messages a failed import keeps. */
    public static final int MAX_REPORTED = 5;

    private final List<String> rowProblems;
    private final List<Integer> badLines;
    private final int badRows;

    public CsvFormatException(String message) {
        this(message, List.of(), List.of(), 0);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
        this.rowProblems = List.of();
        this.badLines = List.of();
        this.badRows = 0;
    }

    /**
     * Bad data rows.
     *
     * @param rowProblems the first few rows' messages ("t.csv line 4, column 'y' (2): empty value ...")
     * @param badLines    their line numbers
     * @param badRows     how many rows were bad in all
     */
    public CsvFormatException(String message, List<String> rowProblems, List<Integer> badLines, int badRows) {
        super(message);
        this.rowProblems = List.copyOf(rowProblems);
        this.badLines = List.copyOf(badLines);
        this.badRows = badRows;
    }

    /** The first {@link #MAX_REPORTED} bad rows' messages; empty when the file failed for another reason. */
    public List<String> rowProblems() {
        return rowProblems;
    }

    /** The line numbers of {@link #rowProblems()}. */
    public List<Integer> badLines() {
        return badLines;
    }

    /** How many data rows were bad (0 when the file failed for another reason). */
    public int badRows() {
        return badRows;
    }
}
