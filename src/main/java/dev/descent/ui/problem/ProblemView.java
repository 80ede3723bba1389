package dev.descent.ui.problem;

import dev.descent.ui.Styles;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;

/** The surface picker, the parameter sliders of the surface shown, the typed f(x, y) field and the colour scale. */
public final class ProblemView extends VBox {
    public static final String SURFACE_PICKER_ID = "surfacePicker";
    public static final String EXPRESSION_ID = "expressionField";
    public static final String EXPRESSION_ERROR_ID = "expressionError";
    /** The failed text under the field with the bad character marked. */
    public static final String EXPRESSION_MARK_ID = "expressionMark";
    /** The marked character itself (a {@link Text} in the mark). */
    public static final String EXPRESSION_BAD_CHAR_ID = "expressionBadChar";
    /** A parameter's slider is {@code PARAMETER_SLIDER_ID + name} ("param-kappa"). */
    public static final String PARAMETER_SLIDER_ID = "param-";
    /** The label above it, with the value in use ("kappa = 50.00"), is {@code PARAMETER_LABEL_ID + name}. */
    public static final String PARAMETER_LABEL_ID = "paramLabel-";

    private final ProblemViewModel model;
    private final ComboBox<String> picker = new ComboBox<>();
    private final VBox sliders = new VBox(4);
    private final TextField expression = new TextField();
    private final TextFlow mark = new TextFlow();
    private final Label error = new Label();
    private final VBox typedBox = new VBox(2);
    private final CheckBox logScale = new CheckBox("Log colour scale");
    private final Button resetView = new Button("Reset view");
    private final Label note = new Label();

    public ProblemView(ProblemViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        setSpacing(6);
        Label title = new Label("Surface");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        picker.setId(SURFACE_PICKER_ID);
        picker.setMaxWidth(Double.MAX_VALUE);
        expression.setId(EXPRESSION_ID);
        expression.getStyleClass().add(Styles.EXPRESSION_FIELD);
        expression.setPromptText("f(x, y), e.g. x^2 + 10*y^2");
        expression.setTooltip(new Tooltip("Type f(x, y) and press Enter: + - * / ^, sin cos exp log sqrt abs tanh ..."));
        mark.setId(EXPRESSION_MARK_ID);
        mark.getStyleClass().add(Styles.EXPRESSION_MARK);
        error.setId(EXPRESSION_ERROR_ID);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        note.getStyleClass().add(Styles.HINT);
        note.setWrapText(true);
        typedBox.getChildren().addAll(expression, mark);
        HBox row = new HBox(8, logScale, resetView);
        HBox.setHgrow(logScale, Priority.ALWAYS);
        getChildren().addAll(title, picker, note, sliders, typedBox, error, row);
        setPadding(new Insets(0, 0, 4, 0));
    }

    private void bindViewModel() {
        picker.setItems(model.choices());
        picker.setValue(model.choiceProperty().get());
        picker.setOnAction(e -> {
            if (picker.getValue() != null && !picker.getValue().equals(model.choiceProperty().get())) {
                model.choose(picker.getValue());
            }
        });
        model.choiceProperty().addListener((o, a, b) -> {
            picker.setValue(b);
            showTyped(model.typed());
        });
        showTyped(model.typed());
        expression.textProperty().bindBidirectional(model.expressionProperty());
        expression.setOnAction(e -> model.applyExpression());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        javafx.beans.InvalidationListener remark = o -> markPosition(model.errorPositionProperty().get());
        model.errorPositionProperty().addListener(remark);
        model.failedExpressionProperty().addListener(remark);
        model.errorProperty().addListener(remark);
        markPosition(model.errorPositionProperty().get());
        model.surfaceProperty().addListener((o, a, b) -> note.setText(b == null ? "" : b.formula() + "\n" + b.note()));
        if (model.surfaceProperty().get() != null) {
            note.setText(model.surfaceProperty().get().formula() + "\n" + model.surfaceProperty().get().note());
        }
        logScale.selectedProperty().bindBidirectional(model.logScaleProperty());
        resetView.setOnAction(e -> model.resetWindow());
        model.parameters().addListener((javafx.beans.InvalidationListener) o -> showParameters());
        showParameters();
    }

    private void showTyped(boolean typed) {
        typedBox.setVisible(typed);
        typedBox.setManaged(typed);
    }

    /**
     * Marks where a typed f(x, y) went wrong: the field turns red with the caret on the spot,
     * and under it the failed text with the bad character in red and underlined (a text flow,
     * so it stays right however the field scrolls; a long text shows the part around the spot).
     */
    private void markPosition(int position) {
        String failed = model.failedExpressionProperty().get();
        boolean on = position >= 0 && !model.errorProperty().get().isEmpty();
        expression.getStyleClass().remove(Styles.INVALID);
        mark.getChildren().clear();
        if (on) {
            expression.getStyleClass().add(Styles.INVALID);
            if (failed.equals(expression.getText())) {
                int end = Math.min(position + 1, expression.getLength());
                expression.selectRange(Math.min(position, end), end);
            }
            ErrorMark m = ErrorMark.of(failed, position);
            Text bad = new Text(m.bad());
            bad.setId(EXPRESSION_BAD_CHAR_ID);
            bad.getStyleClass().add(Styles.EXPRESSION_BAD_CHAR);
            bad.setUnderline(true);
            mark.getChildren().addAll(echo(m.before()), bad, echo(m.after()));
        }
        mark.setVisible(on);
        mark.setManaged(on);
    }

    private static Text echo(String text) {
        Text t = new Text(text);
        t.getStyleClass().add(Styles.EXPRESSION_ECHO);
        return t;
    }

    /**
     * Shows the model's parameters, whichever way they changed (a slider, a preset, another
     * surface): the rows stay when they show the same parameters on the same ranges, so a thumb
     * being dragged stays under the pointer; otherwise new rows replace them. The values always
     * come from the model, never from what a row showed before.
     */
    private void showParameters() {
        List<SurfaceParameter> parameters = model.parameters();
        ObservableList<Node> rows = sliders.getChildren();
        boolean fit = rows.size() == parameters.size();
        for (int i = 0; fit && i < rows.size(); i++) {
            fit = ((ParameterSlider) rows.get(i)).fits(parameters.get(i));
        }
        if (!fit) {
            rows.setAll(parameters.stream().map(p -> new ParameterSlider(p, model)).toList());
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            ((ParameterSlider) rows.get(i)).show(parameters.get(i));
        }
    }
}
