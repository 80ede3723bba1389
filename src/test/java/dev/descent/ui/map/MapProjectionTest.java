package dev.descent.ui.map;

import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MapProjectionTest {
    private final MapProjection p = new MapProjection(new ViewWindow(-2, 2, -1, 3), 400, 200);

    @Test
    void cornersMapToPixelCornersWithYUp() {
        assertEquals(0, p.px(-2));
        assertEquals(400, p.px(2));
        assertEquals(0, p.py(3));
        assertEquals(200, p.py(-1));
        assertEquals(0.5, p.x(p.px(0.5)), 1e-12);
        assertEquals(-0.25, p.y(p.py(-0.25)), 1e-12);
    }

    @Test
    void zoomKeepsThePointUnderThePointer() {
        ViewWindow z = p.zoom(100, 50, 0.5);
        MapProjection q = new MapProjection(z, 400, 200);
        assertEquals(p.x(100), q.x(100), 1e-12);
        assertEquals(p.y(50), q.y(50), 1e-12);
        assertEquals(2, z.width(), 1e-12);
    }

    @Test
    void panMovesContentWithTheDrag() {
        ViewWindow moved = p.pan(100, 0);
        assertEquals(-3, moved.xMin(), 1e-12);
        assertEquals(-1, moved.yMin(), 1e-12);
    }
}
