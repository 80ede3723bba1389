package dev.descent.ui.map;

import dev.descent.core.race.Trace;
import dev.descent.core.race.TraceSnapshot;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailPathTest {
    /** 100 x 100 pixels over [0, 1] x [0, 1]: one pixel is 0.01. */
    private final MapProjection proj = new MapProjection(new ViewWindow(0, 1, 0, 1), 100, 100);

    private static TraceSnapshot trace(double[][] points) {
        Trace t = new Trace(100_000, List.of("x", "y"));
        for (int i = 0; i < points.length; i++) {
            t.append(i, points[i][0], points[i][1]);
        }
        return t.snapshot();
    }

    @Test
    void pointsWithinAPixelOfTheLastVertexAddNothing() {
        // pixels (10, 90), (10.5, 90.5), (10.9, 89.2), (12, 90), (12.5, 90)
        TraceSnapshot t = trace(new double[][] {{0.1, 0.1}, {0.105, 0.095}, {0.109, 0.108}, {0.12, 0.1}, {0.125, 0.1}});
        TrailPath path = new TrailPath();
        assertEquals(2, path.append(t, 0, t.size(), proj));
        assertEquals(10, path.x(0), 1e-9);
        assertEquals(90, path.y(0), 1e-9);
        assertEquals(12, path.x(1), 1e-9);
        assertEquals(90, path.y(1), 1e-9);
    }

    @Test
    void appendingInPiecesGivesTheVerticesOfOnePass() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] walk = new double[5000][2];
        double x = 0.5;
        double y = 0.5;
        for (double[] p : walk) {
            x += (random.nextDouble() - 0.5) * 0.01;
            y += (random.nextDouble() - 0.5) * 0.01;
            p[0] = x;
            p[1] = y;
        }
        TraceSnapshot t = trace(walk);
        TrailPath whole = new TrailPath();
        whole.append(t, 0, t.size(), proj);
        TrailPath pieces = new TrailPath();
        int from = 0;
        while (from < t.size()) {
            int to = Math.min(t.size(), from + 1 + random.nextInt(40));
            pieces.append(t, from, to, proj);
            from = to;
        }
        assertTrue(whole.size() < walk.length / 2, "decimated to " + whole.size());
        assertEquals(whole.size(), pieces.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.x(i), pieces.x(i));
            assertEquals(whole.y(i), pieces.y(i));
        }
    }

    @Test
    void farPointsAreClampedButTheDistanceTestUsesTheTruePosition() {
        // a diverging racer: 1e9 and 2e9 pixels away are both clamped to 1e5 but stay two vertices
        TraceSnapshot t = trace(new double[][] {{0.5, 0.5}, {1e7, 0.5}, {2e7, 0.5}});
        TrailPath path = new TrailPath();
        path.append(t, 0, t.size(), proj);
        assertEquals(3, path.size());
        assertEquals(1e5, path.x(1));
        assertEquals(1e5, path.x(2));
    }
}
