package dev.descent.ui.view3d;

/**
 * The same camera as {@link SurfaceView3D}'s (turned by azimuth about y, then by elevation
 * about x, then moved back by distance; vertical field of view {@value #FOV_DEGREES} degrees),
 * as plain arithmetic for the software view: scene point to pixel and depth. It orbits the
 * centre of the height field's box, scene point (0, {@link #CENTRE_Y}, 0).
 */
record Camera3D(double azimuth, double elevation, double distance, double width, double height) {
    static final double FOV_DEGREES = 35;
    /** Half-way up the height field (scene y points down). */
    static final double CENTRE_Y = -SurfaceModel.HEIGHT / 2;

    /** {pixel x, pixel y, depth} of a scene point; depth grows away from the camera. */
    double[] project(double x, double sceneY, double z) {
        double y = sceneY - CENTRE_Y;
        // inverse of Ry(azimuth) then Rx(-elevation): rotate the world the other way
        double a = Math.toRadians(-azimuth);
        double x1 = x * Math.cos(a) + z * Math.sin(a);
        double z1 = -x * Math.sin(a) + z * Math.cos(a);
        double e = Math.toRadians(elevation);
        double y2 = y * Math.cos(e) - z1 * Math.sin(e);
        double z2 = y * Math.sin(e) + z1 * Math.cos(e);
        double depth = z2 + distance;
        double f = height / 2 / Math.tan(Math.toRadians(FOV_DEGREES / 2));
        return new double[] {width / 2 + f * x1 / depth, height / 2 + f * y2 / depth, depth};
    }
}
