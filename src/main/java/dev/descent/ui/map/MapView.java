package dev.descent.ui.map;

import dev.descent.ui.Styles;
import dev.descent.ui.problem.ProblemViewModel;
import dev.descent.core.race.RaceSnapshot;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;

import java.util.function.IntSupplier;

/**
 * The map: two stacked canvases and a layer of nodes (see {@link MapLayers}: an opaque base
 * with the heatmap and the trails, a transparent canvas with the selected trail, both extended
 * ten times a second, and small nodes for what moves every frame). Click or drag
 * (left button) sets the common start; scroll zooms around the pointer; drag with the right
 * button, or Shift + left, pans. Redrawn by {@link #redraw} once per animation frame when
 * something changed.
 */
public final class MapView extends Pane {
    public static final String ID = "map";
    /** Heatmap samples per screen pixel: 1, so the software pipeline blits without scaling. */
    private static final double RESOLUTION = 1;

    private final ProblemViewModel problem;
    /** Offscreen: the heatmap and contours are drawn here once and kept as an image. */
    private final Canvas background = new Canvas();
    /** The base layer; it also takes the mouse. */
    private final Canvas canvas = new Canvas();
    private final Canvas selectedTrail = new Canvas();
    private final MapOverlay overlay = new MapOverlay();
    private final MapLayers layers = new MapLayers();
    private Object backgroundKey;
    private WritableImage backgroundImage;
    private final MapRenderer renderer = new MapRenderer();
    private int drawnSelected = -2;
    private double dragX;
    private double dragY;
    private boolean panning;
    private boolean dirty = true;
    private RaceSnapshot drawn;
    private double lineScale = 1;
    private long drawnCursor = -1;

    public MapView(ProblemViewModel problem) {
        this.problem = problem;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId(ID);
        getStyleClass().add(Styles.PLOT);
        selectedTrail.setMouseTransparent(true);
        // an opaque background makes this pane the render root of the map's dirty region: the
        // software pipeline then paints neither the window's backgrounds under it nor the split
        // panes' clips (which it renders as masks), half its time per frame before
        setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        getChildren().addAll(canvas, selectedTrail, overlay);
        setMinSize(200, 200);
    }

    private void bindViewModel() {
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        selectedTrail.widthProperty().bind(widthProperty());
        selectedTrail.heightProperty().bind(heightProperty());
        overlay.prefWidthProperty().bind(widthProperty());
        overlay.prefHeightProperty().bind(heightProperty());
        widthProperty().addListener(o -> overlay.resize(getWidth(), getHeight()));
        heightProperty().addListener(o -> overlay.resize(getWidth(), getHeight()));
        canvas.widthProperty().addListener(o -> dirty = true);
        canvas.heightProperty().addListener(o -> dirty = true);
        problem.surfaceProperty().addListener(o -> dirty = true);
        // a typed surface's critical points arrive from the background search after it is shown
        problem.criticalPointsProperty().addListener(o -> dirty = true);
        problem.windowProperty().addListener(o -> dirty = true);
        problem.startProperty().addListener(o -> dirty = true);
        problem.logScaleProperty().addListener(o -> dirty = true);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(e -> panning = false);
        canvas.setOnScroll(this::scrolled);
    }

    public void setLineScale(double scale) {
        lineScale = scale;
        dirty = true;
    }

    /** Marks the picture stale (selection or theme changed). */
    public void invalidate() {
        dirty = true;
    }

    /**
     * Draws the frame when it or the view changed.
     *
     * @param now the frame's time in nanoseconds (the animation timer's)
     */
    public void redraw(RaceSnapshot frame, IntSupplier selected, long cursorStep, long now) {
        int selectedIndex = selected.getAsInt();
        if (!dirty && frame == drawn && cursorStep == drawnCursor && selectedIndex == drawnSelected) {
            return;
        }
        drawnCursor = cursorStep;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2 || problem.surfaceProperty().get() == null) {
            return;
        }
        double[] start = problem.startProperty().get();
        MapPicture picture = new MapPicture(problem.surfaceProperty().get(), problem.criticalPointsProperty().get(),
                problem.windowProperty().get(), problem.logScaleProperty().get(), frame, selectedIndex, start[0],
                start[1], lineScale, cursorStep);
        Object key = java.util.List.of(picture.surface(), picture.criticalPoints(), picture.window(),
                picture.logScale(), w, h, lineScale);
        if (!key.equals(backgroundKey)) {
            background.setWidth(w);
            background.setHeight(h);
            renderer.drawBackground(background.getGraphicsContext2D(), picture, w, h, RESOLUTION);
            backgroundImage = background.snapshot(null, null);
            backgroundKey = key;
        }
        if (dirty) {
            layers.invalidate();
        }
        layers.draw(canvas.getGraphicsContext2D(), selectedTrail.getGraphicsContext2D(), overlay, picture,
                backgroundImage, w, h, now);
        drawn = frame;
        drawnSelected = selectedIndex;
        dirty = false;
    }

    private MapProjection projection() {
        return new MapProjection(problem.windowProperty().get(), Math.max(1, canvas.getWidth()),
                Math.max(1, canvas.getHeight()));
    }

    private void pressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        panning = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || e.isShiftDown();
        if (!panning && e.getButton() == MouseButton.PRIMARY) {
            MapProjection p = projection();
            problem.setStart(p.x(e.getX()), p.y(e.getY()));
        }
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            problem.windowProperty().set(projection().pan(e.getX() - dragX, e.getY() - dragY));
            dragX = e.getX();
            dragY = e.getY();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            MapProjection p = projection();
            problem.setStart(p.x(e.getX()), p.y(e.getY()));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(0.9, e.getDeltaY() / 40.0);
        problem.windowProperty().set(projection().zoom(e.getX(), e.getY(), factor));
    }
}
