package dev.descent.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Strokes a clipped trail offscreen (toolkit needed for the snapshot) and reads the pixels back. */
@ExtendWith(ApplicationExtension.class)
class TrailStrokeTest {

    @Test
    void aTrailThatLeavesAndComesBackIsDrawnAlongItsSegmentsAndNotAcrossTheView(FxRobot robot) {
        TrailPath path = new TrailPath();
        path.add(100, 100);
        path.add(1e9, 2e9);   // leaves with slope 2
        path.add(-2e9, -1e9); // y = x + 1e9: wholly outside; a per-coordinate clamp drew it from corner to corner
        path.add(60, 160);    // comes back with slope about 1/2
        PixelReader[] px = new PixelReader[1];
        robot.interact(() -> {
            Canvas c = new Canvas(200, 200);
            MapRenderer.strokeTrail(c.getGraphicsContext2D(), path, 0, path.size(), 0, Color.RED, 1);
            px[0] = c.snapshot(null, null).getPixelReader();
        });
        Color paper = Color.WHITE;
        assertNotEquals(paper, px[0].getColor(110, 120), "the first segment, slope 2 from (100, 100)");
        assertNotEquals(paper, px[0].getColor(30, 145), "the way back, y = 160 - (60 - x) / 2");
        assertEquals(paper, px[0].getColor(40, 40), "nothing along the diagonal");
        assertEquals(paper, px[0].getColor(130, 130), "nothing along the diagonal");
    }
}
