package dev.descent.core.race;

import dev.descent.core.optim.StepTrace;

import java.util.List;

/**
 * A bounded per-racer history: a step number and a fixed set of named columns
 * ({@code x, y, loss, grad_norm, lr} for a surface race) in primitive arrays.
 *
 * <p>Thinning: the trace holds at most {@code capacity} points. Point {@code i} (the i-th
 * append, 0-based) is kept when {@code i % stride == 0}; the newest point is always kept
 * besides. When the kept points fill {@code capacity - 1} slots, every second one is dropped
 * and the stride doubles (1, 2, 4, ...), so a million steps cost the same memory as
 * {@code capacity} steps and the kept points stay evenly spaced, first point included.
 *
 * <p>Snapshots are copy-on-write: the arrays are only ever appended to in place; growing and
 * thinning allocate new arrays. A {@link TraceSnapshot} therefore shares the arrays with the
 * trace and stays valid while the engine keeps appending. Only the engine thread calls the
 * mutating methods; snapshots may be read by any thread once published safely.
 */
public final class Trace {
    private static final int INITIAL = 256;

    private final int capacity;
    private final List<String> columns;
    private long[] steps;
    private double[][] values;
    private int kept;
    private long appended;
    private long stride = 1;
    private long latestStep = -1;
    private double[] latest;
    private boolean latestKept;
    private StepTrace lastStep;

    /**
     * @param capacity the most points held, at least 4
     * @param columns  the column names, in the order {@link #append} takes the values
     */
    public Trace(int capacity, List<String> columns) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be >= 4, was " + capacity);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a trace needs at least one column");
        }
        this.capacity = capacity;
        this.columns = List.copyOf(columns);
        clear();
    }

    /** Forgets every point and the last StepTrace. */
    public void clear() {
        int initial = Math.min(INITIAL, capacity - 1);
        steps = new long[initial];
        values = new double[columns.size()][initial];
        kept = 0;
        appended = 0;
        stride = 1;
        latestStep = -1;
        latest = null;
        latestKept = false;
        lastStep = null;
    }

    /**
     * Appends one point.
     *
     * @param step the step number of the point
     * @param row  one value per column, in column order. Not modified.
     */
    public void append(long step, double... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + row.length);
        }
        latestKept = false;
        if (appended % stride == 0) {
            if (kept == capacity - 1) {
                thin();
            }
            if (appended % stride == 0) {
                if (kept == steps.length) {
                    grow();
                }
                steps[kept] = step;
                for (int c = 0; c < row.length; c++) {
                    values[c][kept] = row[c];
                }
                kept++;
                latestKept = true;
            }
        }
        appended++;
        latestStep = step;
        latest = row.clone();
    }

    /** Remembers what the optimizer computed in the newest step (for arrows and the inspector). */
    public void setLastStep(StepTrace stepTrace) {
        this.lastStep = stepTrace;
    }

    public StepTrace lastStep() {
        return lastStep;
    }

    /** Points currently held (kept points plus the newest one when it is not among them). */
    public int size() {
        return kept + (latest != null && !latestKept ? 1 : 0);
    }

    /** Points appended since the last clear. */
    public long appended() {
        return appended;
    }

    /** The current thinning stride: every stride-th appended point is kept. */
    public long stride() {
        return stride;
    }

    public int capacity() {
        return capacity;
    }

    /** Length of the arrays allocated now (the memory in use, in points); never above capacity. */
    public int allocatedPoints() {
        return steps.length + (latest != null ? 1 : 0);
    }

    public List<String> columns() {
        return columns;
    }

    /** An immutable view of the points held now; O(columns), no point is copied. */
    public TraceSnapshot snapshot() {
        boolean extra = latest != null && !latestKept;
        return new TraceSnapshot(columns, steps, values, kept,
                extra ? latestStep : -1, extra ? latest.clone() : null, lastStep);
    }

    private void grow() {
        int length = Math.min(capacity - 1, Math.max(4, steps.length * 2));
        long[] newSteps = new long[length];
        System.arraycopy(steps, 0, newSteps, 0, kept);
        double[][] newValues = new double[values.length][length];
        for (int c = 0; c < values.length; c++) {
            System.arraycopy(values[c], 0, newValues[c], 0, kept);
        }
        steps = newSteps;
        values = newValues;
    }

    /** Keeps every second kept point (those at multiples of the doubled stride) in new arrays. */
    private void thin() {
        long[] newSteps = new long[steps.length];
        double[][] newValues = new double[values.length][steps.length];
        int n = 0;
        for (int i = 0; i < kept; i += 2) {
            newSteps[n] = steps[i];
            for (int c = 0; c < values.length; c++) {
                newValues[c][n] = values[c][i];
            }
            n++;
        }
        steps = newSteps;
        values = newValues;
        kept = n;
        stride *= 2;
    }
}
