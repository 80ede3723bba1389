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

import java.util.Locale;

/** The surface picker, its parameter sliders, the typed f(x, y) field and the colour scale. */
public final class ProblemView extends VBox {
    public static final String SURFACE_PICKER_ID = "surfacePicker";
    public static final String EXPRESSION_ID = "expressionField";
    public static final String EXPRESSION_ERROR_ID = "expressionError";

    private final ProblemViewModel model;
    private final ComboBox<String> picker = new ComboBox<>();
    private final VBox sliders = new VBox(4);
    private final TextField expression = new TextField();
    private final Label mark = new Label();
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
        model.errorPositionProperty().addListener((o, a, b) -> markPosition(b.intValue()));
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

    private void markPosition(int position) {
        boolean on = position >= 0;
        expression.getStyleClass().remove(Styles.INVALID);
        if (on) {
            expression.getStyleClass().add(Styles.INVALID);
            int end = Math.min(position + 1, expression.getLength());
            expression.selectRange(Math.min(position, end), end);
            mark.setText(" ".repeat(position) + "^");
        } else {
            mark.setText("");
        }
        mark.setVisible(on);
        mark.setManaged(on);
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
        s.valueProperty().addListener((o, a, b) -> {
            double v = log ? Math.pow(10, b.doubleValue()) : b.doubleValue();
            if (p.meta().kind() == dev.descent.core.config.HyperParameter.Kind.INT) {
                v = Math.round(v);
            }
            if (model.setParameter(p.name(), v)) {
                label.setText(text(p.name(), v));
            }
        });
        return new VBox(0, label, s);
    }

    private static String text(String name, double v) {
        return name + " = " + String.format(Locale.ROOT, "%.4g", v);
    }
}
