package dev.descent.ui.map;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.main.Startup;
import dev.descent.ui.problem.ProblemViewModel;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map draws a typed surface before its critical points are known and marks them when the
 * background search brings them, never those of a surface it no longer shows. The search and
 * its hand-over to the UI thread wait in queues the test empties, so nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class MapViewCriticalPointsTest {
    /** 300 x 300 pixels over [-3, 3]^2: 50 pixels per unit, (0, 0) at pixel (150, 150). */
    private static final int SIZE = 300;
    private static final RaceSnapshot NO_RACE = RaceSnapshot.of(List.of(), 0, false);

    private final ArrayDeque<Runnable> searches = new ArrayDeque<>();
    private final ArrayDeque<Runnable> ui = new ArrayDeque<>();

    private static void runAll(ArrayDeque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private static PixelReader draw(MapView map, long now) {
        map.redraw(NO_RACE, () -> -1, -1, now);
        return map.snapshot(null, null).getPixelReader();
    }

    /** The white dot of a global-minimum mark at surface point (x, y). */
    private static boolean marked(PixelReader px, double x, double y) {
        Color c = px.getColor((int) Math.round(SIZE / 2.0 + 50 * x), (int) Math.round(SIZE / 2.0 - 50 * y));
        return c.getRed() > 0.9 && c.getGreen() > 0.9 && c.getBlue() > 0.9;
    }

    @Test
    void aTypedSurfaceIsDrawnAtOnceAndItsMinimumMarkedWhenTheSearchHasFoundIt(FxRobot robot) {
        robot.interact(() -> {
            ProblemViewModel problem = new ProblemViewModel(Startup.expressionCompiler(), searches::add, ui::add);
            problem.expressionProperty().set("x^2 + y^2");
            problem.choose(ProblemViewModel.TYPED);
            MapView map = new MapView(problem);
            map.resize(SIZE, SIZE);

            assertFalse(marked(draw(map, 0), 0, 0), "drawn before the search has run: no mark yet");
            assertFalse(searches.isEmpty(), "the search waits for its thread");
            runAll(searches);
            runAll(ui);
            assertTrue(marked(draw(map, 1), 0, 0), "the minimum at (0, 0) is marked once found");
        });
    }

    @Test
    void aResultForASurfaceNoLongerShownIsNotDrawn(FxRobot robot) {
        robot.interact(() -> {
            ProblemViewModel problem = new ProblemViewModel(Startup.expressionCompiler(), searches::add, ui::add);
            problem.expressionProperty().set("(x - 1)^2 + (y - 1)^2");
            problem.choose(ProblemViewModel.TYPED);
            MapView map = new MapView(problem);
            map.resize(SIZE, SIZE);
            draw(map, 0);
            runAll(searches); // the first surface's minimum (1, 1) is found ...
            problem.expressionProperty().set("x^2 + y^2");
            problem.applyExpression(); // ... but another surface is shown before it reaches the UI thread
            runAll(ui);
            PixelReader px = draw(map, 1);
            assertFalse(marked(px, 1, 1), "the replaced surface's minimum");
            assertFalse(marked(px, 0, 0), "not searched yet");
            runAll(searches);
            runAll(ui);
            px = draw(map, 2);
            assertTrue(marked(px, 0, 0), "the shown surface's minimum");
            assertFalse(marked(px, 1, 1), "the replaced surface's minimum");
        });
    }
}
