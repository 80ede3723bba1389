package dev.descent.core.data;

import java.util.regex.Pattern;

/** Strict decimal numbers for CSV cells: no hex, no {@code NaN}, no {@code 1d} suffixes. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /**
     * The value of {@code cell}, or {@code null} when it is not a decimal number. With separator
     * ';' a single decimal comma is accepted ({@code "5,1"} is 5.1). May return an infinity for a
     * literal out of range ({@code 1e999}).
     */
    static Double parse(String cell, char separator) {
        String s = cell;
        if (separator == ';' && s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            s = s.replace(',', '.');
        }
        if (s.isEmpty() || s.length() > 400 || !DECIMAL.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s);
    }
}
