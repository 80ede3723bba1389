package dev.descent.ui.view3d;

import dev.descent.ui.DescentApp;
import dev.descent.ui.export.FigureImages;
import dev.descent.ui.export.ImageChecks;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 3-D tab in the real window (headless, software pipeline): it draws the surface and follows a drag. */
@ExtendWith(ApplicationExtension.class)
class View3DAppTest {
    private DescentApp app;

    @Start
    void start(Stage stage) {
        System.setProperty("descent.session", "none");
        app = new DescentApp();
        app.start(stage);
        stage.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        app.stop();
    }

    @Test
    void theThreeDTabDrawsTheSurfaceAndDragTurnsIt(FxRobot robot) throws Exception {
        robot.clickOn("3-D");
        WaitForAsyncUtils.waitForFxEvents();
        Node view = robot.lookup("#" + View3D.ID).query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> colours(robot, view) > 50);
        BufferedImage before = image(robot, view);
        robot.drag(view).moveBy(120, 40).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage after = image(robot, view);
        int changed = 0;
        for (int y = 0; y < before.getHeight(); y += 4) {
            for (int x = 0; x < before.getWidth(); x += 4) {
                changed += before.getRGB(x, y) != after.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(changed > 500, "the picture turned: " + changed + " samples changed");
        TabPane tabs = (TabPane) robot.lookup(".tab-pane").query();
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        assertTrue(MapTabs.VIEW3D_TAB_ID.equals(selected.getId()));
    }

    private static int colours(FxRobot robot, Node view) {
        return ImageChecks.distinctColours(image(robot, view));
    }

    private static BufferedImage image(FxRobot robot, Node view) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = view.snapshot(new SnapshotParameters(), null));
        return FigureImages.toBuffered(out[0]);
    }
}
