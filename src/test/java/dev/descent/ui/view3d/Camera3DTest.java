package dev.descent.ui.view3d;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The software view's camera against hand-worked pinhole projections. */
class Camera3DTest {
    private static final double F = 300 / Math.tan(Math.toRadians(17.5));

    @Test
    void theOrbitCentreProjectsToTheMiddleAtTheOrbitDistance() {
        Camera3D cam = new Camera3D(-30, 35, 1000, 800, 600);
        assertArrayEquals(new double[] {400, 300, 1000}, cam.project(0, Camera3D.CENTRE_Y, 0), 1e-9);
    }

    @Test
    void headOnAPointToTheRightProjectsByFocalLengthOverDepth() {
        Camera3D cam = new Camera3D(0, 0, 1000, 800, 600);
        assertArrayEquals(new double[] {400 + F * 100 / 1000, 300, 1000}, cam.project(100, Camera3D.CENTRE_Y, 0), 1e-9);
        // nearer points (negative z is towards the camera) are larger
        assertArrayEquals(new double[] {400 + F * 100 / 500, 300, 500}, cam.project(100, Camera3D.CENTRE_Y, -500), 1e-9);
    }

    @Test
    void lookingStraightDownTheFarEdgeIsAtTheTopOfTheImage() {
        Camera3D cam = new Camera3D(0, 90, 1000, 800, 600);
        double[] far = cam.project(0, Camera3D.CENTRE_Y, 200);
        double[] up = cam.project(0, Camera3D.CENTRE_Y - 200, 0);
        assertEquals(400, far[0], 1e-9);
        assertTrue(far[1] < 300, "far edge above the centre: " + far[1]);
        assertEquals(800, up[2], 1e-9, "a point 200 up is 200 nearer");
    }

    @Test
    void orbitClampsElevationAndDistance() {
        Orbit o = new Orbit();
        o.drag(0, 1e6);
        assertEquals(89, o.elevation());
        o.drag(0, -1e6);
        assertEquals(5, o.elevation());
        o.zoom(1e6);
        assertEquals(300, o.distance());
        o.zoom(-1e6);
        assertEquals(3000, o.distance());
    }
}
