package dev.descent.core.data;

/**
 * How to read a CSV file into a {@link Dataset}.
 *
 * @param labelColumn the header name of the target column, or {@code null} for the last column
 * @param classOrder  how text class names are numbered
 */
public record CsvOptions(String labelColumn, ClassOrder classOrder) {

    /** The defaults: the last column is the label; text classes numbered in first-seen order. */
    public static final CsvOptions DEFAULTS = new CsvOptions(null, ClassOrder.FIRST_SEEN);

    public CsvOptions {
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("labelColumn must be null (last column) or a column name, was blank");
        }
        if (classOrder == null) {
            throw new IllegalArgumentException("classOrder must not be null");
        }
    }

    /** The defaults with the label taken from the column called {@code name}. */
    public static CsvOptions labelColumn(String name) {
        return new CsvOptions(name, ClassOrder.FIRST_SEEN);
    }

    /**
     * How text class names become indices 0..k-1. Integer labels (a numeric label column with few
     * distinct integer values) are always numbered in ascending numeric order, so a column of
     * digits 0..9 keeps its values as indices.
     */
    public enum ClassOrder {
        /** In the order the names first appear in the file (iris: setosa 0, versicolor 1, virginica 2). */
        FIRST_SEEN,
        /** In ascending {@link String#compareTo} order of the names. */
        SORTED
    }
}
