package dev.descent.ui.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The column names of a CSV file's header line, for the import preview (the importer itself
 * decides the types; this only lists what the user can pick as the label). The separator is
 * the one the header uses more of, comma or semicolon, as the importer decides.
 */
public final class CsvHeader {
    private CsvHeader() {
    }

    /** Column names of the first non-blank line of {@code text}, quotes removed; empty for an empty text. */
    public static List<String> columns(String text) {
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char sep = count(header, ';') > count(header, ',') ? ';' : ',';
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!header.isEmpty()) {
            out.add(cell.toString().trim());
        }
        return out;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
