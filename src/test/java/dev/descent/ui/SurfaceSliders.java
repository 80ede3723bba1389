package dev.descent.ui;

import dev.descent.ui.problem.ProblemView;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the surface panel's parameter sliders and their labels from the scene graph. */
final class SurfaceSliders {
    /** The ravine's kappa slider moves in decades (its range ">= 1" spans two): its thumb sits at log10(kappa). */
    private static final String IN_DECADES = "kappa";

    private SurfaceSliders() {
    }

    static Slider slider(FxRobot robot, String name) {
        return robot.lookup("#" + ProblemView.PARAMETER_SLIDER_ID + name).queryAs(Slider.class);
    }

    /**
     * Asserts that the panel shows exactly these parameters ({@code name, value, name, value, ...}):
     * each slider's thumb and the number in the label above it.
     */
    static void assertShown(FxRobot robot, Object... namesAndValues) {
        WaitForAsyncUtils.waitForFxEvents();
        int shown = robot.lookup(s -> s instanceof Slider && s.getId() != null
                && s.getId().startsWith(ProblemView.PARAMETER_SLIDER_ID) && s.isVisible()).queryAll().size();
        assertEquals(namesAndValues.length / 2, shown, "parameter sliders shown");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            double value = ((Number) namesAndValues[i + 1]).doubleValue();
            Slider s = slider(robot, name);
            double thumb = name.equals(IN_DECADES) ? Math.pow(10, s.getValue()) : s.getValue();
            assertEquals(value, thumb, 1e-9 * Math.max(1, Math.abs(value)), name + "'s thumb");
            String text = robot.lookup("#" + ProblemView.PARAMETER_LABEL_ID + name).queryAs(Label.class).getText();
            String prefix = name + " = ";
            assertTrue(text.startsWith(prefix), text);
            assertEquals(String.format(Locale.ROOT, "%.4g", value), text.substring(prefix.length()), name + "'s label");
        }
    }
}
