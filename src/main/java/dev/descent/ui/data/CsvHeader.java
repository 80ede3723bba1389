package dev.descent.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The head of a CSV file for the import dialog: the header's column names, the separator and
 * the first data rows, and which column looks like the label. The importer itself decides the
 * types; this only shows what the user can pick. The separator is the one the header uses more
 * of, comma or semicolon, as the importer decides.
 */
public final class CsvHeader {
    /** Data rows a preview shows. */
    public static final int PREVIEW_ROWS = 5;

    private static final Set<String> LABEL_NAMES = Set.of("label", "class", "target", "y", "species", "kind",
            "category", "diagnosis", "outcome");

    /**
     * What the dialog shows before the file is parsed.
     *
     * @param columns       the header's column names
     * @param separator     ',' or ';'
     * @param rows          the first data rows, split at the separator (at most {@link #PREVIEW_ROWS})
     * @param detectedLabel the column proposed as the label
     */
    public record Preview(List<String> columns, char separator, List<List<String>> rows, String detectedLabel) {
    }

    private CsvHeader() {
    }

    /** Column names of the first non-blank line of {@code text}, quotes removed; empty for an empty text. */
    public static List<String> columns(String text) {
        return preview(text).columns();
    }

    /**
     * The header, separator, first rows and proposed label of CSV text (the head of a file is
     * enough). The proposed label is the only column whose first-row cell is not a number, else
     * a column with a usual label name (label, class, target, y, species, ...), else the last.
     */
    public static Preview preview(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(PREVIEW_ROWS + 1L).toList();
        String header = lines.isEmpty() ? "" : lines.get(0);
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char sep = count(header, ';') > count(header, ',') ? ';' : ',';
        List<String> columns = header.isEmpty() ? List.of() : split(header, sep);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(split(lines.get(i), sep));
        }
        return new Preview(columns, sep, rows, detectLabel(columns, rows, sep));
    }

    private static String detectLabel(List<String> columns, List<List<String>> rows, char sep) {
        if (columns.isEmpty()) {
            return null;
        }
        if (!rows.isEmpty() && rows.get(0).size() == columns.size()) {
            List<Integer> text = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                if (!isNumber(rows.get(0).get(j), sep)) {
                    text.add(j);
                }
            }
            if (text.size() == 1) {
                return columns.get(text.get(0));
            }
        }
        for (String c : columns) {
            if (LABEL_NAMES.contains(c.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return columns.get(columns.size() - 1);
    }

    private static boolean isNumber(String cell, char sep) {
        String s = sep == ';' ? cell.replace(',', '.') : cell;
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
