package dev.descent.ui.view3d;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.problem.ProblemViewModel;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * The contour map and the 3-D view as two tabs. The 3-D view is JavaFX 3-D
 * ({@link SurfaceView3D}) where the pipeline supports it, else the canvas version
 * ({@link ProjectedView3D}); it is only updated while its tab shows, at most four times a second (the software pipeline draws the 3-D view in tens of milliseconds).
 */
public final class MapTabs extends TabPane {
    public static final String MAP_TAB_ID = "map-tab";
    public static final String VIEW3D_TAB_ID = "view3d-tab";
    private static final long UPDATE_NANOS = 250_000_000L;

    private final ProblemViewModel problem;
    private final View3D view3d;
    private final Tab tab3d;
    private long lastUpdate;

    public MapTabs(Node map, ProblemViewModel problem) {
        this.problem = problem;
        this.view3d = Platform.isSupported(ConditionalFeature.SCENE3D) ? new SurfaceView3D() : new ProjectedView3D();
        Tab mapTab = new Tab("Map", map);
        mapTab.setId(MAP_TAB_ID);
        tab3d = new Tab("3-D", (Node) view3d);
        tab3d.setId(VIEW3D_TAB_ID);
        mapTab.setClosable(false);
        tab3d.setClosable(false);
        getTabs().addAll(mapTab, tab3d);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        ((Region) view3d).setMinSize(200, 200);
        tab3d.selectedProperty().addListener((o, a, b) -> lastUpdate = 0);
    }

    public View3D view3d() {
        return view3d;
    }

    /** Called once per animation frame: refreshes the 3-D view when it shows. */
    public void redraw(RaceSnapshot frame, long now) {
        if (!tab3d.isSelected() || problem.surfaceProperty().get() == null) {
            return;
        }
        if (lastUpdate != 0 && now - lastUpdate < UPDATE_NANOS) {
            return;
        }
        lastUpdate = now;
        view3d.show(problem.surfaceProperty().get(), problem.windowProperty().get(),
                problem.logScaleProperty().get(), frame);
    }
}
