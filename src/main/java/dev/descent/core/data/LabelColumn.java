package dev.descent.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the cells of a CSV label column into targets.
 *
 * <ul>
 *   <li>The column is <em>numeric</em> when its first cell is a number; then every cell must be.
 *       If all values are integers and there are at most {@value #MAX_INTEGER_CLASSES} distinct
 *       ones, they are classes numbered in ascending numeric order (a digit column 0..9 keeps its
 *       values, a column of 1, 2, 3 becomes 0, 1, 2 named "1", "2", "3"); otherwise the set is a
 *       regression with the values as targets.</li>
 *   <li>Otherwise the cells are class names, numbered in first-seen or sorted order
 *       ({@link CsvOptions.ClassOrder}).</li>
 * </ul>
 * A label column with a single distinct value is an error (nothing to learn). An empty cell
 * is an error.
 */
final class LabelColumn {

    /** Most distinct integer values a numeric label column may have to be read as classes. */
    static final int MAX_INTEGER_CLASSES = 20;

    /** The raw cells of the label column with where they came from. */
    record Cells(String source, String column, int columnNumber, String[] values, int[] lines, char separator) {
    }

    /** Targets (class indices or regression values) and the class names (empty for regression). */
    record Targets(double[] values, List<String> classNames) {
    }

    private LabelColumn() {
    }

    static Targets targets(Cells cells, CsvOptions.ClassOrder order) {
        String[] v = cells.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i].isEmpty()) {
                throw error(cells, i, "empty label (every row needs a label)");
            }
        }
        Double first = Numbers.parse(v[0], cells.separator());
        Targets targets = first != null && Double.isFinite(first) ? numeric(cells) : named(cells, order);
        return targets;
    }

    private static Targets numeric(Cells cells) {
        String[] v = cells.values();
        double[] values = new double[v.length];
        TreeSet<Double> distinct = new TreeSet<>();
        boolean integers = true;
        for (int i = 0; i < v.length; i++) {
            Double x = Numbers.parse(v[i], cells.separator());
            if (x == null || !Double.isFinite(x)) {
                throw error(cells, i, CsvImporter.quote(v[i]) + " is not " + (x == null ? "a" : "a finite")
                        + " number (the label column is numeric: its first value is a number)");
            }
            values[i] = x;
            if (distinct.size() <= MAX_INTEGER_CLASSES) {
                distinct.add(x == 0 ? 0.0 : x);
            }
            integers &= x == Math.rint(x) && Math.abs(x) <= 1e9;
        }
        if (distinct.size() == 1) {
            throw single(cells);
        }
        if (!integers || distinct.size() > MAX_INTEGER_CLASSES) {
            return new Targets(values, List.of());
        }
        Map<Double, Integer> index = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (double x : distinct) {
            index.put(x, names.size());
            names.add(Long.toString((long) x));
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = index.get(values[i] == 0 ? 0.0 : values[i]);
        }
        return new Targets(values, names);
    }

    private static Targets named(Cells cells, CsvOptions.ClassOrder order) {
        String[] v = cells.values();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String name : v) {
            index.putIfAbsent(name, index.size());
        }
        if (index.size() == 1) {
            throw single(cells);
        }
        List<String> names = new ArrayList<>(index.keySet());
        if (order == CsvOptions.ClassOrder.SORTED) {
            names.sort(null);
            for (int c = 0; c < names.size(); c++) {
                index.put(names.get(c), c);
            }
        }
        double[] values = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            values[i] = index.get(v[i]);
        }
        return new Targets(values, names);
    }

    private static CsvFormatException single(Cells cells) {
        return new CsvFormatException(cells.source() + ": label column " + CsvImporter.quote(cells.column()) + " ("
                + cells.columnNumber() + ") has the same value " + CsvImporter.quote(cells.values()[0])
                + " in every row; need at least 2 classes or varying targets");
    }

    private static CsvFormatException error(Cells cells, int row, String what) {
        return new CsvFormatException(CsvImporter.where(cells.source(), cells.lines()[row], cells.column(),
                cells.columnNumber()) + what);
    }
}
