package dev.descent.ui.inspector;

import dev.descent.ui.Styles;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Shows an {@link InspectorText.Content} across the full width: the update rule, this step's
 * numbers in it, and the curvature with its warning, in three columns that wrap long lines
 * and scroll when the panel is short.
 */
public final class InspectorView extends ScrollPane {
    public static final String ID = "inspector";
    public static final String WARNING_ID = "inspectorWarning";
    public static final String NUMBERS_ID = "inspectorNumbers";
    public static final String RULE_ID = "inspectorRule";
    public static final String CURVATURE_ID = "inspectorCurvature";
    public static final String TITLE_ID = "inspectorTitle";

    private final Label title = new Label("Inspector: select a racer");
    private final Label rule = new Label();
    private final Label numbers = new Label();
    private final Label curvature = new Label();
    private final Label warning = new Label();

    public InspectorView() {
        setId(ID);
        getStyleClass().add(Styles.INSPECTOR);
        title.setId(TITLE_ID);
        rule.setId(RULE_ID);
        numbers.setId(NUMBERS_ID);
        curvature.setId(CURVATURE_ID);
        warning.setId(WARNING_ID);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        warning.getStyleClass().add(Styles.WARNING);
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.INSPECTOR_GRID);
        int[] percent = {25, 50, 25};
        for (int p : percent) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        grid.add(title, 0, 0, 3, 1);
        grid.add(column("Update rule", rule), 0, 1);
        grid.add(column("This step", numbers), 1, 1);
        VBox right = column("Curvature", curvature, warning);
        right.visibleProperty().bind(curvature.textProperty().isNotEmpty().or(warning.textProperty().isNotEmpty()));
        grid.add(right, 2, 1);
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static VBox column(String heading, Label... labels) {
        Label h = new Label(heading);
        h.getStyleClass().add(Styles.HINT);
        VBox box = new VBox(2, h);
        for (Label l : labels) {
            if (!l.getStyleClass().contains(Styles.WARNING)) {
                l.getStyleClass().add(Styles.FORMULA);
            }
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(l);
        }
        GridPane.setValignment(box, VPos.TOP);
        return box;
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
