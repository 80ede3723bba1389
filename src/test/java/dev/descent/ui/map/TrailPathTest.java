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

    private static void assertVertex(TrailPath path, int i, double x, double y, boolean startsRun, double tolerance) {
        assertEquals(x, path.x(i), tolerance, "x of vertex " + i);
        assertEquals(y, path.y(i), tolerance, "y of vertex " + i);
        assertEquals(startsRun, path.startsRun(i), "vertex " + i + (startsRun ? " starts a run" : " continues the run"));
    }

    @Test
    void aDivergingSegmentLeavesAlongItsOwnDirection() {
        // from (50, 50) towards (1e9, 3e8): the old per-coordinate clamp drew it towards (1e5, 1e5)
        TrailPath path = new TrailPath();
        path.add(50, 50);
        path.add(1e9, 3e8);
        assertEquals(2, path.size());
        assertVertex(path, 0, 50, 50, true, 0);
        double far = TrailPath.FAR;
        assertVertex(path, 1, far, 50 + (far - 50) * (3e8 - 50) / (1e9 - 50), false, 1e-9);
        double slope = (path.y(1) - path.y(0)) / (path.x(1) - path.x(0));
        assertEquals((3e8 - 50) / (1e9 - 50), slope, 1e-12, "the drawn direction is the true one");
    }

    @Test
    void aSegmentWhollyOutsideAddsNothingAndTheTrailMovesToWhereItComesBack() {
        double far = TrailPath.FAR;
        TrailPath path = new TrailPath();
        path.add(50, 50);
        path.add(1e9, 50);   // leaves through the right edge
        path.add(50, 1e9);   // wholly outside: x + y = 1e9 + 50 passes far beyond the corner
        path.add(60, 40);    // comes back through the bottom edge (y grows downwards)
        assertEquals(4, path.size());
        assertVertex(path, 0, 50, 50, true, 0);
        assertVertex(path, 1, far, 50, false, 0);
        // the line from (50, 1e9) to (60, 40) at y = 1e5
        assertVertex(path, 2, 60 - 10 * (far - 40) / (1e9 - 40), far, true, 1e-9);
        assertVertex(path, 3, 60, 40, false, 0);
    }

    @Test
    void aSegmentCrossingTheWholeViewIsCutAtBothEnds() {
        // an oscillating divergence: every step jumps across the view
        double far = TrailPath.FAR;
        TrailPath path = new TrailPath();
        path.add(-1e9, 50);
        assertEquals(0, path.size(), "a far-off first point is no vertex");
        path.add(1e9, 50);
        path.add(-2e9, 60);
        assertEquals(4, path.size());
        assertVertex(path, 0, -far, 50, true, 0);
        assertVertex(path, 1, far, 50, false, 0);
        assertVertex(path, 2, far, 50 + 10 * (1e9 - far) / 3e9, true, 1e-6);
        assertVertex(path, 3, -far, 50 + 10 * (1e9 + far) / 3e9, false, 1e-6);
    }

    @Test
    void aPointThatIsNotFiniteEndsTheTrail() {
        TrailPath path = new TrailPath();
        path.add(10, 10);
        path.add(20, 20);
        path.add(Double.NaN, 30);
        path.add(40, 40);
        assertEquals(2, path.size());
        assertVertex(path, 1, 20, 20, false, 0);

        path.clear();
        path.add(10, 10);
        path.add(Double.POSITIVE_INFINITY, 10);
        path.add(20, 20);
        assertEquals(1, path.size(), "an infinite point is not a far one in some direction");
    }

    @Test
    void farOffPointsAreThinnedByTheirTruePositionAndTheTrailComesBackWithANewRun() {
        // pixels (50, 50), (1e9, 50), (2e9, 50), (2e9 + 0.5, 50) and back to (60, 50)
        TraceSnapshot t = trace(new double[][] {{0.5, 0.5}, {1e7, 0.5}, {2e7, 0.5}, {2e7 + 0.005, 0.5}, {0.6, 0.5}});
        TrailPath path = new TrailPath();
        path.append(t, 0, t.size(), proj);
        assertEquals(4, path.size());
        assertVertex(path, 1, TrailPath.FAR, 50, false, 1e-6);
        assertVertex(path, 2, TrailPath.FAR, 50, true, 1e-6);
        assertVertex(path, 3, 60, 50, false, 1e-6);
    }

    @Test
    void excursionsFarOutsideGiveTheSameRunsInPiecesAsInOnePass() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] walk = new double[3000][2];
        for (double[] p : walk) {
            boolean far = random.nextInt(20) == 0;
            double scale = far ? 1e8 : 1;
            p[0] = 0.5 + (random.nextDouble() - 0.5) * scale;
            p[1] = 0.5 + (random.nextDouble() - 0.5) * scale;
        }
        TraceSnapshot t = trace(walk);
        TrailPath whole = new TrailPath();
        whole.append(t, 0, t.size(), proj);
        TrailPath pieces = new TrailPath();
        int from = 0;
        int runs = 0;
        while (from < t.size()) {
            int to = Math.min(t.size(), from + 1 + random.nextInt(40));
            pieces.append(t, from, to, proj);
            from = to;
        }
        assertEquals(whole.size(), pieces.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.x(i), pieces.x(i));
            assertEquals(whole.y(i), pieces.y(i));
            assertEquals(whole.startsRun(i), pieces.startsRun(i));
            assertTrue(Math.abs(whole.x(i)) <= TrailPath.FAR && Math.abs(whole.y(i)) <= TrailPath.FAR);
            runs += whole.startsRun(i) ? 1 : 0;
        }
        assertTrue(runs > 100, "the walk leaves and comes back: " + runs + " runs");
    }

    @Test
    void aTailCopiedFromATrailAndTakenOnToTheHeadIsTheTrailsOwnEnd() {
        double[][] points = {{50, 50}, {70, 40}, {1e9, 3e8}, {-1e9, 60}, {80, 90}, {1e8, 90}};
        TrailPath whole = new TrailPath();
        for (double[] p : points) {
            whole.add(p[0], p[1]);
        }
        TrailPath trail = new TrailPath();
        for (int i = 0; i < points.length - 1; i++) {
            trail.add(points[i][0], points[i][1]);
        }
        for (int from = 0; from < trail.size(); from++) {
            TrailPath tail = new TrailPath();
            tail.copyTail(trail, from);
            tail.add(points[points.length - 1][0], points[points.length - 1][1]);
            assertEquals(whole.size() - from, tail.size(), "from " + from);
            for (int i = 0; i < tail.size(); i++) {
                assertEquals(whole.x(from + i), tail.x(i));
                assertEquals(whole.y(from + i), tail.y(i));
                assertEquals(i == 0 || whole.startsRun(from + i), tail.startsRun(i), "from " + from + ", vertex " + i);
            }
        }
    }
}
