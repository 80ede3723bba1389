package dev.descent.ui.export;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.TraceSnapshot;

import java.io.IOException;
import java.io.Writer;
import java.util.PriorityQueue;

/**
 * All trajectories of a race snapshot as CSV in the {@code optimize}/{@code run} format:
 * header {@code racer,label,step,x,y,loss,grad_norm,lr}, rows step by step with the racers in
 * order within a step, numbers as {@link Double#toString}. A trace past its cap has been
 * thinned (every k-th point, the newest always kept): its file has the kept steps only.
 */
public final class TrajectoryCsv {
    public static final String HEADER = "racer,label,step,x,y,loss,grad_norm,lr";
    private static final String[] COLUMNS = {"x", "y", "loss", "grad_norm", "lr"};

    private TrajectoryCsv() {
    }

    public static void write(RaceSnapshot frame, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        var racers = frame.racers();
        int[][] columns = new int[racers.size()][];
        // merge the racers' traces by step (each is sorted); ties go to the lower racer index
        PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int r = 0; r < racers.size(); r++) {
            TraceSnapshot t = racers.get(r).trace();
            columns[r] = new int[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                columns[r][c] = t.indexOf(COLUMNS[c]);
            }
            if (!t.isEmpty()) {
                next.add(new long[] {t.step(0), r, 0});
            }
        }
        StringBuilder row = new StringBuilder(128);
        while (!next.isEmpty()) {
            long[] head = next.poll();
            int r = (int) head[1];
            int i = (int) head[2];
            RacerSnapshot racer = racers.get(r);
            TraceSnapshot t = racer.trace();
            row.setLength(0);
            row.append(r).append(',').append(field(racer.label())).append(',').append(t.step(i));
            for (int c : columns[r]) {
                row.append(',').append(t.value(c, i));
            }
            out.append(row).append('\n');
            if (i + 1 < t.size()) {
                next.add(new long[] {t.step(i + 1), r, i + 1});
            }
        }
        out.flush();
    }

    /** RFC 4180 quoting for a label that holds a comma, quote or line break. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
