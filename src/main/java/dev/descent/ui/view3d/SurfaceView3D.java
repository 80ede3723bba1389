package dev.descent.ui.view3d;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.ViewWindow;
import dev.descent.ui.map.ColorMap;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Sphere;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

import java.util.List;
import java.util.Objects;

/**
 * The surface in 3-D with JavaFX's scene graph: a {@link TriangleMesh} of the sampled
 * surface coloured through a viridis texture (the map's colours), each racer's path as thin
 * cylinders with a sphere at its head, in a {@link SubScene} with a depth buffer and a
 * {@link PerspectiveCamera}. Drag rotates (azimuth, elevation), scroll zooms. Needs a
 * pipeline with 3-D ({@code ConditionalFeature.SCENE3D}: es2/d3d; not Prism's software one).
 */
public final class SurfaceView3D extends Pane implements View3D {
    private static final int SAMPLES = 90;
    private static final int PATH_POINTS = 80;

    private final Group world = new Group();
    private final Group paths = new Group();
    private final Group surfaceGroup = new Group();
    private final SubScene subScene;
    private final Orbit orbit = new Orbit();
    private final Rotate elevation = new Rotate(0, Rotate.X_AXIS);
    private final Rotate azimuth = new Rotate(0, Rotate.Y_AXIS);
    private final Translate distance = new Translate(0, 0, 0);
    private Object surfaceKey;
    private SurfaceModel model;
    private RaceSnapshot drawn;

    public SurfaceView3D() {
        setId(ID);
        world.getChildren().addAll(surfaceGroup, paths);
        // the camera orbits the middle of the height field's box, as in Camera3D
        world.setTranslateY(-Camera3D.CENTRE_Y);
        AmbientLight ambient = new AmbientLight(Color.gray(0.75));
        PointLight key = new PointLight(Color.gray(0.45));
        key.getTransforms().add(new Translate(-300, -600, -400));
        Group root = new Group(world, ambient, key);
        subScene = new SubScene(root, 400, 400, true, SceneAntialiasing.BALANCED);
        subScene.setFill(Color.web("#1b1f24"));
        PerspectiveCamera camera = new PerspectiveCamera(true);
        camera.setNearClip(1);
        camera.setFarClip(10_000);
        camera.setFieldOfView(35);
        camera.getTransforms().addAll(azimuth, elevation, distance);
        subScene.setCamera(camera);
        subScene.widthProperty().bind(widthProperty());
        subScene.heightProperty().bind(heightProperty());
        getChildren().add(subScene);
        setMinSize(200, 200);
        orbit.attach(subScene, this::applyOrbit);
        applyOrbit();
    }

    private void applyOrbit() {
        azimuth.setAngle(orbit.azimuth());
        elevation.setAngle(-orbit.elevation());
        distance.setZ(-orbit.distance());
    }

    @Override
    public void show(Surface surface, ViewWindow window, boolean logScale, RaceSnapshot frame) {
        Object key = List.of(surface, window, logScale);
        if (!Objects.equals(key, surfaceKey)) {
            model = new SurfaceModel(surface, window, logScale, SAMPLES);
            surfaceGroup.getChildren().setAll(mesh(model));
            surfaceKey = key;
            drawn = null;
        }
        if (frame != drawn) {
            paths.getChildren().clear();
            for (RacerSnapshot r : frame.racers()) {
                addPath(r);
            }
            drawn = frame;
        }
    }

    private static MeshView mesh(SurfaceModel m) {
        var grid = m.grid();
        int nx = grid.nx();
        int ny = grid.ny();
        TriangleMesh mesh = new TriangleMesh();
        float[] points = new float[nx * ny * 3];
        float[] tex = new float[nx * ny * 2];
        int[] colours = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                double h = m.scale().height(grid.value(i, j));
                points[3 * k] = (float) m.sx(grid.x(i));
                points[3 * k + 1] = (float) m.sy(h);
                points[3 * k + 2] = (float) m.sz(grid.y(j));
                tex[2 * k] = (i + 0.5f) / nx;
                tex[2 * k + 1] = (j + 0.5f) / ny;
                colours[k] = Double.isNaN(h) ? 0xff808080 : ColorMap.argb(m.colours().height(grid.value(i, j)));
            }
        }
        int[] faces = new int[(nx - 1) * (ny - 1) * 12];
        int f = 0;
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                int a = j * nx + i;
                int b = a + 1;
                int c = a + nx;
                int d = c + 1;
                for (int v : new int[] {a, c, b, b, c, d}) {
                    faces[f++] = v;
                    faces[f++] = v;
                }
            }
        }
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(tex);
        mesh.getFaces().setAll(faces);
        WritableImage texture = new WritableImage(nx, ny);
        texture.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), colours, 0, nx);
        PhongMaterial material = new PhongMaterial();
        material.setDiffuseMap(texture);
        material.setSpecularColor(Color.gray(0.15));
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.NONE);
        view.setDrawMode(DrawMode.FILL);
        return view;
    }

    private void addPath(RacerSnapshot r) {
        List<double[]> pts = model.path(r, PATH_POINTS);
        if (pts.isEmpty()) {
            return;
        }
        PhongMaterial material = new PhongMaterial(Color.web(r.colour()));
        for (int i = 1; i < pts.size(); i++) {
            Cylinder c = segment(pts.get(i - 1), pts.get(i));
            if (c != null) {
                c.setMaterial(material);
                paths.getChildren().add(c);
            }
        }
        double[] head = pts.get(pts.size() - 1);
        Sphere s = new Sphere(5);
        s.setMaterial(material);
        s.getTransforms().add(new Translate(head[0], head[1], head[2]));
        paths.getChildren().add(s);
    }

    /** A cylinder from a to b (JavaFX cylinders stand along y, centred on the origin). */
    private static Cylinder segment(double[] a, double[] b) {
        Point3D from = new Point3D(a[0], a[1], a[2]);
        Point3D to = new Point3D(b[0], b[1], b[2]);
        Point3D diff = to.subtract(from);
        double length = diff.magnitude();
        if (length < 1e-6) {
            return null;
        }
        Point3D mid = from.midpoint(to);
        Point3D axis = diff.crossProduct(Rotate.Y_AXIS);
        double angle = Math.toDegrees(Math.acos(diff.normalize().dotProduct(Rotate.Y_AXIS)));
        Cylinder c = new Cylinder(1.6, length, 6);
        c.getTransforms().add(new Translate(mid.getX(), mid.getY(), mid.getZ()));
        if (axis.magnitude() > 1e-9) {
            c.getTransforms().add(new Rotate(-angle, axis));
        }
        return c;
    }
}
