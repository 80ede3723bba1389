package dev.descent.ui.map;

import dev.descent.core.race.Trace;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailPiecesTest {
    private final MapProjection proj = new MapProjection(new ViewWindow(0, 1, 0, 1), 300, 300);

    @Test
    void piecesTakenAtRandomMomentsStrokeEverySegmentOfTheOnePassTrailOnce() {
        SplittableRandom random = new SplittableRandom(11);
        Trace trace = new Trace(100_000, List.of("x", "y"));
        TrailPieces pieces = new TrailPieces();
        Map<Long, Integer> outlined = new HashMap<>();
        Map<Long, Integer> coloured = new HashMap<>();
        double x = 0.5;
        double y = 0.5;
        int step = 0;
        for (int frame = 0; frame < 400; frame++) {
            // the engine runs a few steps between frames
            for (int k = random.nextInt(30); k > 0; k--) {
                x += (random.nextDouble() - 0.5) * 0.02;
                y += (random.nextDouble() - 0.5) * 0.02;
                trace.append(step++, x, y);
            }
            pieces.append(trace.snapshot(), proj);
            // the tail always starts at the last stroked vertex
            assertEquals(Math.max(0, pieces.stroked() - 1), pieces.tailFrom());
            if (random.nextInt(6) == 0) {
                TrailPieces.Piece p = pieces.take();
                for (int i = p.from(); i + 1 < p.from() + p.count(); i++) {
                    outlined.merge((long) i, 1, Integer::sum);
                }
                for (int i = p.colourFrom(); i + 1 < p.from() + p.count(); i++) {
                    coloured.merge((long) i, 1, Integer::sum);
                }
            }
        }
        TrailPieces.Piece last = pieces.take();
        for (int i = last.from(); i + 1 < last.from() + last.count(); i++) {
            outlined.merge((long) i, 1, Integer::sum);
        }
        for (int i = last.colourFrom(); i + 1 < last.from() + last.count(); i++) {
            coloured.merge((long) i, 1, Integer::sum);
        }
        TrailPath whole = new TrailPath();
        var t = trace.snapshot();
        whole.append(t, 0, t.size() - 1, proj);
        TrailPath drawn = pieces.path();
        assertEquals(whole.size(), drawn.size(), "same vertices as one pass");
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.x(i), drawn.x(i));
            assertEquals(whole.y(i), drawn.y(i));
            assertEquals(whole.startsRun(i), drawn.startsRun(i));
        }
        assertTrue(whole.size() > 500, "a long trail: " + whole.size());
        List<Long> missing = new ArrayList<>();
        for (long i = 0; i + 1 < whole.size(); i++) {
            if (outlined.getOrDefault(i, 0) != 1) {
                missing.add(i);
            }
            assertTrue(coloured.getOrDefault(i, 0) >= 1, "segment " + i + " coloured");
            // a segment is coloured twice at most: once in its piece, once at the start of the next
            assertTrue(coloured.getOrDefault(i, 0) <= 2, "segment " + i + " coloured " + coloured.get(i));
        }
        assertTrue(missing.isEmpty(), "segments outlined other than once: " + missing);
        assertTrue(pieces.take().isEmpty(), "nothing new, nothing to take");
    }

    @Test
    void aResetIsNoticed() {
        Trace trace = new Trace(1000, List.of("x", "y"));
        for (int i = 0; i < 10; i++) {
            trace.append(i, 0.1 * i, 0.5);
        }
        TrailPieces pieces = new TrailPieces();
        pieces.append(trace.snapshot(), proj);
        assertTrue(pieces.continuedBy(trace.snapshot()));
        trace.clear();
        trace.append(0, 0.9, 0.9);
        assertFalse(pieces.continuedBy(trace.snapshot()));
    }
}
