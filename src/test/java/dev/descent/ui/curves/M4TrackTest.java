package dev.descent.ui.curves;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class M4TrackTest {

    @Test
    void eachColumnKeepsFirstLowestHighestAndLast() {
        M4Track t = new M4Track();
        // column 0: 5, 1, 9, 3 -> first 5, low 1, high 9, last 3 (first > last: high before low)
        for (double[] p : new double[][] {{0.1, 5}, {0.3, 1}, {0.5, 9}, {0.9, 3}, {1.2, 4}}) {
            t.add(p[0], p[1]);
        }
        assertEquals(4, t.size());
        assertEquals(List.of(5.0, 9.0, 1.0, 3.0), List.of(t.ys()[0], t.ys()[1], t.ys()[2], t.ys()[3]));
        double[] ox = new double[5];
        double[] oy = new double[5];
        assertEquals(1, t.open(false, 0, 0, ox, oy));
        assertEquals(1, ox[0]);
        assertEquals(4, oy[0]);
    }

    @Test
    void piecesCommitTheVerticesOfOnePass() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            x[i] = i * 600.0 / n;
            v += random.nextGaussian() * 2;
            y[i] = Math.rint(v);
        }
        M4Track whole = new M4Track();
        for (int i = 0; i < n; i++) {
            whole.add(x[i], y[i]);
        }
        List<double[]> onePass = vertices(whole, false, 0, 0);

        M4Track pieces = new M4Track();
        int from = 0;
        while (from < n - 1) {
            int to = Math.min(n - 1, from + 1 + random.nextInt(60));
            for (int i = from; i < to; i++) {
                pieces.add(x[i], y[i]);
            }
            from = to;
            // what a frame shows: the committed vertices, the open column and the newest point
            List<double[]> shown = vertices(pieces, true, x[from], y[from]);
            M4Track reference = new M4Track();
            for (int i = 0; i <= from; i++) {
                reference.add(x[i], y[i]);
            }
            if (random.nextInt(40) == 0) {
                assertSame(vertices(reference, false, 0, 0), shown);
            }
        }
        pieces.add(x[n - 1], y[n - 1]);
        assertSame(onePass, vertices(pieces, false, 0, 0));
        assertTrue(onePass.size() < 4 * 601, "at most four vertices per column: " + onePass.size());
        assertTrue(onePass.size() > 1200, onePass.size() + " vertices");
    }

    private static List<double[]> vertices(M4Track t, boolean withPoint, double px, double py) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(new double[] {t.xs()[i], t.ys()[i]});
        }
        double[] ox = new double[5];
        double[] oy = new double[5];
        int k = t.open(withPoint, px, py, ox, oy);
        for (int i = 0; i < k; i++) {
            out.add(new double[] {ox[i], oy[i]});
        }
        return out;
    }

    private static void assertSame(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size(), "vertex count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], "x of vertex " + i);
            assertEquals(expected.get(i)[1], actual.get(i)[1], "y of vertex " + i);
        }
    }
}
