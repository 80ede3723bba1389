package dev.descent.ui.map;

import dev.descent.core.surface.Surface;
import dev.descent.core.surface.Surfaces;
import dev.descent.core.surface.ViewWindow;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draws heatmaps offscreen (toolkit needed for images) and reads the pixels back. */
@ExtendWith(ApplicationExtension.class)
class HeatmapRendererTest {

    private static PixelReader render(FxRobot robot, Surface s, ViewWindow w) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> {
            Canvas c = new Canvas(200, 100);
            new HeatmapRenderer().draw(c.getGraphicsContext2D(), s, w, 200, 100, false, 1);
            out[0] = c.snapshot(null, null);
        });
        return out[0].getPixelReader();
    }

    @Test
    void nonFiniteValuesAreMaskedGreyAndFiniteOnesUseViridis(FxRobot robot) {
        // sqrt(x) is NaN for x < 0: the left half of [-1, 1] x [-1, 1]
        PixelReader px = render(robot, Surfaces.expression("sqrt(x) + y"), new ViewWindow(-1, 1, -1, 1));
        for (int x : new int[] {5, 40, 90}) {
            Color c = px.getColor(x, 50);
            assertEquals(c.getRed(), c.getGreen(), 1e-9, "masked pixels are grey");
            assertEquals(c.getRed(), c.getBlue(), 1e-9, "masked pixels are grey");
        }
        Color finite = px.getColor(150, 50);
        assertTrue(finite.getSaturation() > 0.3, "finite values are coloured: " + finite);
    }

    @Test
    void lowestValueGetsViridisDarkPurpleAndHighestItsYellow(FxRobot robot) {
        // f = x on [0, 1]: left edge is the minimum, right edge the maximum
        PixelReader px = render(robot, Surfaces.expression("x"), new ViewWindow(0, 1, 0, 1));
        assertEquals(Color.web("#440154"), px.getColor(0, 50));
        assertEquals(Color.web("#fde725"), px.getColor(199, 50));
    }

    @Test
    void aPoleStillLeavesTheRestOfTheMapInManyColours(FxRobot robot) {
        PixelReader px = render(robot, Surfaces.expression("1/(x^2 + y^2)"), new ViewWindow(-1, 1, -1, 1));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < 200; x++) {
            colours.add(px.getArgb(x, 50));
        }
        // with the raw range (up to ~4e4 next to the pole) only the ~20 pixels nearest the pole differed
        assertTrue(colours.size() > 35, colours.size() + " colours along the middle row");
        assertEquals(Color.web("#fde725"), px.getColor(100, 50), "the pole itself is clipped to the top colour");
    }
}
