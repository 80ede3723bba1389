package dev.descent.ui.inspector;

import dev.descent.ui.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** Shows an {@link InspectorText.Content}: rule, numbers, curvature, warning. */
public final class InspectorView extends HBox {
    public static final String ID = "inspector";
    public static final String WARNING_ID = "inspectorWarning";

    private final Label title = new Label("Inspector: select a racer");
    private final Label rule = new Label();
    private final Label numbers = new Label();
    private final Label curvature = new Label();
    private final Label warning = new Label();

    public InspectorView() {
        setId(ID);
        getStyleClass().add(Styles.INSPECTOR);
        setSpacing(24);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        rule.getStyleClass().add(Styles.FORMULA);
        numbers.getStyleClass().add(Styles.FORMULA);
        curvature.getStyleClass().add(Styles.FORMULA);
        warning.setId(WARNING_ID);
        warning.getStyleClass().add(Styles.WARNING);
        warning.setWrapText(true);
        VBox left = new VBox(4, title, rule);
        // the numbers never give way (the rule is elided first when the panel is narrow)
        numbers.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox middle = new VBox(2, numbers);
        VBox right = new VBox(4, curvature, warning);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, middle, right);
    }

    public void show(InspectorText.Content c) {
        if (c == null) {
            title.setText("Inspector: select a racer");
            rule.setText("");
            numbers.setText("");
            curvature.setText("");
            warning.setText("");
            return;
        }
        title.setText(c.title());
        rule.setText(join(c.rule()));
        numbers.setText(join(c.numbers()));
        curvature.setText(join(c.curvature()));
        warning.setText(c.warning().orElse(""));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
