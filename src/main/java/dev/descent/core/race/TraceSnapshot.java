package dev.descent.core.race;

import dev.descent.core.optim.StepTrace;

import java.util.List;

/**
 * An immutable view of a {@link Trace} at one moment. It shares the trace's arrays (which the
 * engine only appends to beyond {@link #size()} or replaces), so taking one costs no copy of
 * the points. Read values by index; {@link #column(String)} copies a column when an array is needed.
 */
public final class TraceSnapshot {
    private final List<String> columns;
    private final long[] steps;
    private final double[][] values;
    private final int kept;
    private final long extraStep;
    private final double[] extra;
    private final StepTrace lastStep;

    TraceSnapshot(List<String> columns, long[] steps, double[][] values, int kept,
                  long extraStep, double[] extra, StepTrace lastStep) {
        this.columns = columns;
        this.steps = steps;
        this.values = values;
        this.kept = kept;
        this.extraStep = extraStep;
        this.extra = extra;
        this.lastStep = lastStep;
    }

    /** An empty snapshot with the given columns. */
    public static TraceSnapshot empty(List<String> columns) {
        return new TraceSnapshot(List.copyOf(columns), new long[0], new double[columns.size()][0], 0, -1, null, null);
    }

    public List<String> columns() {
        return columns;
    }

    /** Number of points, the newest included. */
    public int size() {
        return kept + (extra != null ? 1 : 0);
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The step number of point {@code i} (0 = oldest). */
    public long step(int i) {
        check(i);
        return i < kept ? steps[i] : extraStep;
    }

    /** The value of column {@code column} (an index into {@link #columns()}) at point {@code i}. */
    public double value(int column, int i) {
        check(i);
        return i < kept ? values[column][i] : extra[column];
    }

    /** The value of the named column at point {@code i}. */
    public double value(String column, int i) {
        return value(indexOf(column), i);
    }

    /** The newest value of the named column; NaN when empty. */
    public double last(String column) {
        return isEmpty() ? Double.NaN : value(indexOf(column), size() - 1);
    }

    /** The newest step number; -1 when empty. */
    public long lastStepNumber() {
        return isEmpty() ? -1 : step(size() - 1);
    }

    /** A copy of one column, oldest first. */
    public double[] column(String column) {
        int c = indexOf(column);
        double[] out = new double[size()];
        System.arraycopy(values[c], 0, out, 0, kept);
        if (extra != null) {
            out[kept] = extra[c];
        }
        return out;
    }

    /** A copy of the step numbers, oldest first. */
    public long[] steps() {
        long[] out = new long[size()];
        System.arraycopy(steps, 0, out, 0, kept);
        if (extra != null) {
            out[kept] = extraStep;
        }
        return out;
    }

    /** What the optimizer computed in the newest step; null before the first step. */
    public StepTrace lastStep() {
        return lastStep;
    }

    public int indexOf(String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns: " + columns);
        }
        return c;
    }

    private void check(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size());
        }
    }
}
