package dev.descent.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a data set from a CSV file: UTF-8 (a byte-order mark is skipped), a header row of
 * distinct column names, comma or semicolon separated (whichever the header uses more; in a
 * semicolon file a decimal comma {@code 5,1} is read as {@code 5.1}), quoted fields as in
 * RFC 4180, blank lines skipped. One column is the label ({@link CsvOptions#labelColumn()}, the
 * last by default); every other column is a feature and must hold finite decimal numbers.
 * How the label column becomes targets is described in {@link LabelColumn}.
 *
 * <p>Every problem is a {@link CsvFormatException} naming the file, the 1-based line and the
 * column; bad data rows are all checked and the first few reported with their count
 * ({@code "t.csv: 3 bad rows: line 4, column 'y' (2): ...; line 6: ...; line 9, ..."}). Nothing
 * is half-imported: the result is a complete, validated {@link Dataset} or an exception.
 */
public final class CsvImporter {

    /** Largest file accepted, in bytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private CsvImporter() {
    }

    /** Reads {@code file}; the data set is named after the file without its extension. */
    public static Dataset read(Path file, CsvOptions options) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new CsvFormatException(source + ": " + file + " is a folder, not a CSV file");
            }
            if (!Files.exists(file)) {
                throw new CsvFormatException(source + ": no such file: " + file);
            }
            if (!Files.isRegularFile(file)) {
                throw new CsvFormatException(source + ": " + file + " is not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new CsvFormatException(source + ": file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CsvFormatException(source + ": cannot read the file: " + e.getMessage(), e);
        }
        return parse(source, bytes, options);
    }

    /** Reads CSV bytes (UTF-8) under the name {@code source} (used in messages and as the data set name). */
    public static Dataset parse(String source, byte[] bytes, CsvOptions options) {
        if (bytes.length > MAX_BYTES) {
            throw new CsvFormatException(source + ": file is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(source + ": not UTF-8 text (save the file as UTF-8 CSV)", e);
        }
        return parse(source, text, options);
    }

    /** Reads CSV text under the name {@code source}. */
    public static Dataset parse(String source, String text, CsvOptions options) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new CsvFormatException(source + ": empty file (expected a header row and data rows)");
        }
        char separator = CsvTokenizer.detectSeparator(text);
        List<CsvTokenizer.Row> rows = CsvTokenizer.rows(source, text, separator);
        CsvTokenizer.Row header = rows.get(0);
        List<String> columns = header.fields();
        checkHeader(source, header);
        int labelIndex = labelIndex(source, columns, options);
        if (rows.size() == 1) {
            throw new CsvFormatException(source + ": no data rows after the header (line " + header.line() + ")");
        }
        Cells cells = cells(source, rows, labelIndex, separator);
        List<String> featureNames = new ArrayList<>(columns);
        featureNames.remove(labelIndex);
        LabelColumn.Targets targets = LabelColumn.targets(new LabelColumn.Cells(source, columns.get(labelIndex),
                labelIndex + 1, cells.labels(), cells.lines(), separator), options.classOrder());
        return new Dataset(stem(source), cells.features(), targets.values(), targets.classNames().size(),
                featureNames, targets.classNames());
    }

    /** The data rows split into parsed features, raw label cells and line numbers. */
    private record Cells(double[][] features, String[] labels, int[] lines) {
    }

    /**
     * Every data row checked (field count, numbers, a label); the first problem of each bad row
     * is collected, and any bad row makes the whole file fail with the first
     * {@link CsvFormatException#MAX_REPORTED} of them and their count.
     */
    private static Cells cells(String source, List<CsvTokenizer.Row> rows, int labelIndex, char separator) {
        List<String> columns = rows.get(0).fields();
        int n = rows.size() - 1;
        double[][] features = new double[n][columns.size() - 1];
        String[] labels = new String[n];
        int[] lines = new int[n];
        BadRows bad = new BadRows(source);
        for (int i = 0; i < n; i++) {
            CsvTokenizer.Row row = rows.get(i + 1);
            List<String> fields = row.fields();
            lines[i] = row.line();
            if (fields.size() != columns.size()) {
                bad.add(row.line(), source + " line " + row.line() + ": expected " + columns.size()
                        + " fields as in the header, found " + fields.size());
                continue;
            }
            try {
                int k = 0;
                for (int j = 0; j < fields.size(); j++) {
                    if (j == labelIndex) {
                        labels[i] = fields.get(j);
                        if (labels[i].isEmpty()) {
                            throw new CsvFormatException(where(source, row.line(), columns.get(j), j + 1)
                                    + "empty label (every row needs a label)");
                        }
                    } else {
                        features[i][k++] = number(source, row.line(), columns, j, fields.get(j), separator);
                    }
                }
            } catch (CsvFormatException e) {
                bad.add(row.line(), e.getMessage());
            }
        }
        bad.throwIfAny();
        return new Cells(features, labels, lines);
    }

    /** The bad rows seen so far: the first few messages and how many there were. */
    private static final class BadRows {
        private final String source;
        private final List<String> messages = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private int count;

        BadRows(String source) {
            this.source = source;
        }

        void add(int line, String message) {
            count++;
            if (messages.size() < CsvFormatException.MAX_REPORTED) {
                messages.add(message);
                lines.add(line);
            }
        }

        void throwIfAny() {
            if (count == 1) {
                throw new CsvFormatException(messages.get(0), List.of(messages.get(0)), lines, 1);
            }
            if (count > 1) {
                StringBuilder sb = new StringBuilder(source).append(": ").append(count).append(" bad rows");
                sb.append(count > messages.size() ? ", the first " + messages.size() : "").append(": ");
                String prefix = source + " ";
                for (int i = 0; i < messages.size(); i++) {
                    String m = messages.get(i);
                    sb.append(i == 0 ? "" : "; ").append(m.startsWith(prefix) ? m.substring(prefix.length()) : m);
                }
                throw new CsvFormatException(sb.toString(), messages, lines, count);
            }
        }
    }

    private static void checkHeader(String source, CsvTokenizer.Row header) {
        List<String> columns = header.fields();
        if (columns.size() < 2) {
            throw new CsvFormatException(source + " line " + header.line()
                    + ": the header has 1 column; need at least one feature column and a label column"
                    + " (separate columns with ',' or ';')");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            if (name.isEmpty()) {
                throw new CsvFormatException(source + " line " + header.line() + ", column " + (j + 1)
                        + ": empty column name in the header");
            }
            if (!seen.add(name)) {
                throw new CsvFormatException(source + " line " + header.line() + ", column " + quote(name) + " ("
                        + (j + 1) + "): the column name appears twice in the header");
            }
        }
    }

    private static int labelIndex(String source, List<String> columns, CsvOptions options) {
        if (options.labelColumn() == null) {
            return columns.size() - 1;
        }
        int index = columns.indexOf(options.labelColumn());
        if (index < 0) {
            throw new CsvFormatException(source + ": no label column " + quote(options.labelColumn())
                    + "; the columns are " + String.join(", ", columns));
        }
        return index;
    }

    private static double number(String source, int line, List<String> columns, int j, String cell, char separator) {
        Double value = Numbers.parse(cell, separator);
        if (value == null) {
            throw new CsvFormatException(where(source, line, columns.get(j), j + 1)
                    + (cell.isEmpty() ? "empty value (missing values are not supported)" : quote(cell) + " is not a number"));
        }
        if (!Double.isFinite(value)) {
            throw new CsvFormatException(where(source, line, columns.get(j), j + 1) + quote(cell)
                    + " is not a finite number");
        }
        return value;
    }

    /** {@code "iris.csv line 17, column 'petal_width' (4): "}. */
    static String where(String source, int line, String column, int columnNumber) {
        return source + " line " + line + ", column " + quote(column) + " (" + columnNumber + "): ";
    }

    /** A cell in quotes for a message, cut at 40 characters, control characters shown as '?'. */
    static String quote(String cell) {
        String shown = cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.append('\'').toString();
    }

    private static String stem(String source) {
        int dot = source.lastIndexOf('.');
        String stem = dot > 0 ? source.substring(0, dot) : source;
        return stem.isBlank() ? "csv" : stem;
    }
}
