package dev.descent.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180 with two leniencies): fields are separated by one
 * separator character; a field that starts with {@code "} (after optional blanks) is quoted, may
 * hold separators and line breaks, and writes a quote as {@code ""}; unquoted fields are trimmed
 * of spaces and tabs; a quote inside an unquoted field is an ordinary character. Lines end in
 * LF, CRLF or CR. Blank lines are skipped. Each record remembers the 1-based line it starts on.
 */
final class CsvTokenizer {

    /** One record: its first line number and its fields. */
    record Row(int line, List<String> fields) {
    }

    private final String source;
    private final String text;
    private final char separator;
    private int pos;
    private int line = 1;

    private CsvTokenizer(String source, String text, char separator) {
        this.source = source;
        this.text = text;
        this.separator = separator;
    }

    /** All non-blank records of {@code text}. */
    static List<Row> rows(String source, String text, char separator) {
        return new CsvTokenizer(source, text, separator).readAll();
    }

    /**
     * Comma or semicolon, whichever occurs more often outside quotes on the first non-blank line
     * (comma on a tie, so a one-column file reads as comma-separated).
     */
    static char detectSeparator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenContent) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
            if (!Character.isWhitespace(c)) {
                seenContent = true;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            boolean anyQuoted = readRecord(fields);
            boolean blank = !anyQuoted && fields.size() == 1 && fields.get(0).isEmpty();
            if (!blank) {
                rows.add(new Row(startLine, fields));
            }
        }
        return rows;
    }

    /** Reads one record into {@code fields}; returns whether any field was quoted. */
    private boolean readRecord(List<String> fields) {
        boolean anyQuoted = false;
        while (true) {
            int j = pos;
            while (j < text.length() && isBlank(text.charAt(j))) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '"') {
                anyQuoted = true;
                pos = j + 1;
                fields.add(readQuoted(fields.size() + 1));
                while (pos < text.length() && isBlank(text.charAt(pos))) {
                    pos++;
                }
                if (pos >= text.length()) {
                    return true;
                }
                char c = text.charAt(pos);
                if (c == separator) {
                    pos++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    endOfLine();
                    return true;
                }
                throw new CsvFormatException(source + " line " + line + ", column " + fields.size()
                        + ": unexpected '" + c + "' after the closing quote (quote the whole field and write a"
                        + " quote inside it as \"\")");
            }
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == separator || c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            fields.add(strip(text.substring(start, pos)));
            if (pos >= text.length()) {
                return anyQuoted;
            }
            if (text.charAt(pos) == separator) {
                pos++;
                continue;
            }
            endOfLine();
            return anyQuoted;
        }
    }

    private String readQuoted(int column) {
        int startLine = line;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new CsvFormatException(source + " line " + startLine + ", column " + column
                        + ": quoted field has no closing quote");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return sb.toString();
            }
            if (c == '\n' || (c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n'))) {
                line++;
            }
            sb.append(c);
            pos++;
        }
    }

    private void endOfLine() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isBlank(s.charAt(a))) {
            a++;
        }
        while (b > a && isBlank(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }
}
