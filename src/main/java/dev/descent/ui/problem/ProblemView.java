package dev.descent.ui.problem;

import dev.descent.ui.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.Locale;

/** The surface picker, its parameter sliders, the typed f(x, y) field and the colour scale. */
public final class ProblemView extends VBox {
    public static final String SURFACE_PICKER_ID = "surfacePicker";
    public static final String EXPRESSION_ID = "expressionField";
    public static final String EXPRESSION_ERROR_ID = "expressionError";
    /** The failed text under the field with the bad character marked. */
    public static final String EXPRESSION_MARK_ID = "expressionMark";
    /** The marked character itself (a {@link Text} in the mark). */
    public static final String EXPRESSION_BAD_CHAR_ID = "expressionBadChar";

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
        model.parameters().addListener((ListChangeListener<SurfaceParameter>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= !c.wasReplaced();
            }
            if (structural || sliders.getChildren().size() != model.parameters().size()) {
                rebuildSliders();
            }
        });
        rebuildSliders();
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

    private void rebuildSliders() {
        sliders.getChildren().clear();
        for (SurfaceParameter p : model.parameters()) {
            sliders.getChildren().add(slider(p));
        }
    }

    private VBox slider(SurfaceParameter p) {
        RangeText r = p.range();
        boolean log = r.logarithmic();
        Slider s = log ? new Slider(Math.log10(r.min()), Math.log10(r.max()), Math.log10(p.value()))
                : new Slider(r.min(), r.max(), p.value());
        s.setId("param-" + p.name());
        Label label = new Label(text(p.name(), p.value()));
        Tooltip.install(s, new Tooltip(p.meta().help() + " (" + p.meta().range() + ")"));
        boolean[] reverting = {false};
        s.valueProperty().addListener((o, a, b) -> {
            if (reverting[0]) {
                return;
            }
            double v = log ? Math.pow(10, b.doubleValue()) : b.doubleValue();
            if (p.meta().kind() == dev.descent.core.config.HyperParameter.Kind.INT) {
                v = Math.round(v);
            }
            if (model.setParameter(p.name(), v)) {
                label.setText(text(p.name(), v));
            } else {
                // refused (the reason is in the error line): the thumb goes back to the value in use
                double kept = accepted(p.name(), p.value());
                reverting[0] = true;
                s.setValue(log ? Math.log10(kept) : kept);
                reverting[0] = false;
            }
        });
        return new VBox(0, label, s);
    }

    private double accepted(String name, double fallback) {
        return model.parameters().stream().filter(q -> q.name().equals(name)).mapToDouble(SurfaceParameter::value)
                .findFirst().orElse(fallback);
    }

    private static String text(String name, double v) {
        return name + " = " + String.format(Locale.ROOT, "%.4g", v);
    }
}
