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
 * Shows an {@link InspectorText.Content} across the full width: the title with the warning
 * under it; on the left the update rule and the curvature, on the right this step's numbers.
 * Long lines wrap, and the panel scrolls when it is short.
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
        // left: the rule and the curvature, as wide as they need up to a third of the panel;
        // right: this step's numbers, the longest lines, in the rest
        for (Priority grow : new Priority[] {Priority.NEVER, Priority.ALWAYS}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(grow);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        rule.maxWidthProperty().bind(grid.widthProperty().multiply(0.32));
        curvature.maxWidthProperty().bind(rule.maxWidthProperty());
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());
        grid.add(new VBox(2, title, warning), 0, 0, 2, 1);
        VBox left = column("Update rule", rule);
        Label curvatureHeading = heading("Curvature");
        curvatureHeading.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        curvatureHeading.visibleProperty().bind(curvature.textProperty().isNotEmpty());
        curvatureHeading.managedProperty().bind(curvatureHeading.visibleProperty());
        curvature.getStyleClass().add(Styles.FORMULA);
        curvature.setWrapText(true);
        left.getChildren().addAll(curvatureHeading, curvature);
        grid.add(left, 0, 1);
        VBox right = column("This step", numbers);
        // no preferred width of its own: the longest line must not push the columns around
        // every update; it takes what the left leaves and wraps in it
        right.setMinWidth(0);
        right.setPrefWidth(0);
        numbers.setMinWidth(0);
        numbers.setPrefWidth(0);
        numbers.setMaxWidth(Double.MAX_VALUE);
        grid.add(right, 1, 1);
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static VBox column(String heading, Label formulas) {
        formulas.getStyleClass().add(Styles.FORMULA);
        formulas.setWrapText(true);
        VBox box = new VBox(2, heading(heading), formulas);
        GridPane.setValignment(box, VPos.TOP);
        return box;
    }

    private static Label heading(String text) {
        Label h = new Label(text);
        h.getStyleClass().add(Styles.HINT);
        return h;
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
