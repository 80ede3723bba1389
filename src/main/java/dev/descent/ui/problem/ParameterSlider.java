package dev.descent.ui.problem;

import dev.descent.core.config.HyperParameter;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * One catalogue parameter in the surface panel: a label with the value in use over a slider
 * (moving in decades when its range spans two or more). It shows whatever parameter it is
 * given, so it follows the surface shown however that changed; only the user's own moves
 * go to the model.
 */
final class ParameterSlider extends VBox {
    private final ProblemViewModel model;
    private final Slider slider;
    private final Label label = new Label();
    private final boolean decades;
    /** The model's parameter as last shown: what a refused move goes back to. */
    private SurfaceParameter shown;
    /** Set while {@link #show} moves the thumb: that move is the model's and must not go back to it. */
    private boolean showing;

    ParameterSlider(SurfaceParameter p, ProblemViewModel model) {
        this.model = model;
        RangeText r = p.range();
        decades = r.logarithmic();
        slider = new Slider(thumb(r.min()), thumb(r.max()), thumb(p.value()));
        slider.setId(ProblemView.PARAMETER_SLIDER_ID + p.name());
        label.setId(ProblemView.PARAMETER_LABEL_ID + p.name());
        Tooltip.install(slider, new Tooltip(p.meta().help() + " (" + p.meta().range() + ")"));
        slider.valueProperty().addListener((o, a, b) -> moved(b.doubleValue()));
        getChildren().addAll(label, slider);
        show(p);
    }

    /** Whether this row can show {@code p}: the same parameter on a slider of the same range. */
    boolean fits(SurfaceParameter p) {
        return p.meta().equals(shown.meta()) && p.range().equals(shown.range());
    }

    /** Shows {@code p}'s value in the label and on the thumb (which stays put if it already reads it). */
    void show(SurfaceParameter p) {
        shown = p;
        label.setText(p.name() + " = " + String.format(Locale.ROOT, "%.4g", p.value()));
        if (value(slider.getValue()) != p.value()) {
            showing = true;
            try {
                slider.setValue(thumb(p.value()));
            } finally {
                showing = false;
            }
        }
    }

    private void moved(double thumb) {
        if (showing) {
            return;
        }
        // accepted: the model's list change shows the value in use (rounded for an integer)
        if (!model.setParameter(shown.name(), value(thumb))) {
            show(shown); // refused (the reason is in the error line): back to the value in use
        }
    }

    private double thumb(double value) {
        return decades ? Math.log10(value) : value;
    }

    private double value(double thumb) {
        double v = decades ? Math.pow(10, thumb) : thumb;
        return shown != null && shown.meta().kind() == HyperParameter.Kind.INT ? Math.round(v) : v;
    }
}
