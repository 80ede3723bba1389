package dev.descent.ui.problem;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Spec;
import dev.descent.core.plot.ContourLevels;
import dev.descent.core.plot.SurfaceGrid;
import dev.descent.core.preset.SurfaceProblem;
import dev.descent.core.surface.CriticalPoint;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.SurfaceFactory;
import dev.descent.core.surface.Surfaces;
import dev.descent.core.surface.ViewWindow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The problem being raced on: a catalogue surface with its parameters, or a typed f(x, y);
 * the view window, the common start and the colour scale. A refused parameter or a broken
 * expression keeps the old surface and reports the reason (and, for f(x, y), where).
 *
 * <p>Threads: everything here runs on the UI thread except the critical-point search of a
 * typed surface, which can take a few hundred ms; it runs on the background executor and its
 * result comes back through the UI executor, for the surface still shown only.
 */
public final class ProblemViewModel {
    /** The picker entry that switches to a typed f(x, y). */
    public static final String TYPED = "f(x, y)";

    private final ExpressionCompiler compiler;
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper choice = new ReadOnlyStringWrapper();
    private final ObservableList<SurfaceParameter> parameters = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Surface> surface = new ReadOnlyObjectWrapper<>();
    private final StringProperty expression = new SimpleStringProperty("sin(x) * cos(y) + 0.1 * (x^2 + y^2)");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorPosition = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper failedExpression = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ViewWindow> window = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<double[]> start = new ReadOnlyObjectWrapper<>(new double[] {0, 0});
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<CriticalPoint>> criticalPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final Executor background;
    private final Executor ui;
    /** The surface shown last: the search thread reads it to skip searches for surfaces replaced while queued. */
    private volatile Surface shown;

    /**
     * A model that searches a typed surface's critical points on the calling thread (blocking, for
     * tests and headless use).
     *
     * @param compiler the f(x, y) parser; null hides the typed entry
     */
    public ProblemViewModel(ExpressionCompiler compiler) {
        this(compiler, Runnable::run, Runnable::run);
    }

    /**
     * @param compiler   the f(x, y) parser; null hides the typed entry
     * @param background runs the critical-point search of a typed surface (a daemon thread in the app)
     * @param ui         applies its result on the UI thread ({@code Platform::runLater})
     */
    public ProblemViewModel(ExpressionCompiler compiler, Executor background, Executor ui) {
        this.compiler = compiler;
        this.background = background;
        this.ui = ui;
        for (SurfaceFactory f : Surfaces.all()) {
            choices.add(f.name());
        }
        if (compiler != null) {
            choices.add(TYPED);
        }
        choose(choices.get(0));
    }

    // Properties

    public ObservableList<String> choices() {
        return choices;
    }

    public ReadOnlyStringProperty choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** The sliders of the chosen catalogue surface (empty for f(x, y)). */
    public ObservableList<SurfaceParameter> parameters() {
        return parameters;
    }

    public ReadOnlyObjectProperty<Surface> surfaceProperty() {
        return surface.getReadOnlyProperty();
    }

    /**
     * The critical points of the shown surface as far as they are known: a catalogue surface's
     * at once, a typed one's when the background search has found them (empty until then), never
     * those of a surface no longer shown.
     */
    public ReadOnlyObjectProperty<List<CriticalPoint>> criticalPointsProperty() {
        return criticalPoints.getReadOnlyProperty();
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the expression error points, -1 when none. */
    public ReadOnlyIntegerProperty errorPositionProperty() {
        return errorPosition.getReadOnlyProperty();
    }

    /** The f(x, y) text the error belongs to (what was compiled, not what is typed since), "" when none. */
    public ReadOnlyStringProperty failedExpressionProperty() {
        return failedExpression.getReadOnlyProperty();
    }

    public ObjectProperty<ViewWindow> windowProperty() {
        return window;
    }

    /** The common start (x, y); a fresh array on every change. */
    public ReadOnlyObjectProperty<double[]> startProperty() {
        return start.getReadOnlyProperty();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public boolean typed() {
        return TYPED.equals(choice.get());
    }

    // Commands

    /** Picks a catalogue surface at its default parameters, or the typed f(x, y). */
    public void choose(String name) {
        if (TYPED.equals(name)) {
            choice.set(name);
            parameters.clear();
            applyExpression();
            return;
        }
        List<SurfaceParameter> sliders = sliders(Surfaces.factory(name), Map.of());
        Surface s = Surfaces.create(new Spec(name, Map.of()));
        choice.set(name);
        parameters.setAll(sliders);
        show(s, true);
    }

    /** Sets one catalogue parameter; a refused value keeps the old surface. */
    public boolean setParameter(String key, double value) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SurfaceParameter p : parameters) {
            double v = p.name().equals(key) ? value : p.value();
            values.put(p.name(), p.meta().kind() == HyperParameter.Kind.INT
                    ? Long.toString(Math.round(v)) : SurfaceParameterText.format(v));
        }
        try {
            Surface s = Surfaces.create(new Spec(choice.get(), values));
            // one change, of that parameter only: a listener never sees the list half-updated
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).name().equals(key)) {
                    parameters.set(i, parameters.get(i).withValue(value));
                }
            }
            show(s, false);
            return true;
        } catch (ConfigException e) {
            failedExpression.set("");
            error.set(e.getMessage());
            errorPosition.set(-1);
            return false;
        }
    }

    /** Compiles the expression text; on error the old surface stays and the error says where. */
    public boolean applyExpression() {
        try {
            Surface s = compiler.compile(expression.get());
            show(s, !typedShown());
            return true;
        } catch (ConfigException e) {
            failedExpression.set(expression.get());
            error.set(e.getMessage());
            errorPosition.set(compiler.position(e));
            return false;
        }
    }

    /**
     * Shows a preset's problem. Builds everything first, so a bad problem changes nothing.
     *
     * @throws ConfigException when the surface or expression does not build
     */
    public void load(SurfaceProblem problem) {
        Surface s = problem.createSurface();
        ViewWindow w = problem.effectiveWindow();
        if (problem.surface() != null) {
            String name = Spec.parse(problem.surface()).name();
            List<SurfaceParameter> sliders = sliders(Surfaces.factory(name), s.parameters());
            choice.set(name);
            parameters.setAll(sliders);
        } else {
            if (!choices.contains(TYPED)) {
                throw new ConfigException("typed surfaces are not available in this build");
            }
            expression.set(problem.expression());
            choice.set(TYPED);
            parameters.clear();
        }
        error.set("");
        errorPosition.set(-1);
        failedExpression.set("");
        window.set(w);
        start.set(new double[] {problem.startX(), problem.startY()});
        logScale.set(spansDecades(s, w));
        setSurface(s);
    }

    /** The problem as a preset stores it (the accepted surface, not a broken text being typed). */
    public SurfaceProblem toProblem() {
        double[] s = start.get();
        Surface shown = surface.get();
        if (typedShown()) {
            return new SurfaceProblem(null, shown.formula(), window.get(), s[0], s[1]);
        }
        // the shown surface, also while a broken f(x, y) is being typed over a catalogue one
        Map<String, String> values = new LinkedHashMap<>();
        shown.parameters().forEach((k, v) -> values.put(k, SurfaceParameterText.format(v)));
        return new SurfaceProblem(new Spec(shown.id(), values).toString(), null, window.get(), s[0], s[1]);
    }

    /** Moves the common start. */
    public void setStart(double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            start.set(new double[] {x, y});
        }
    }

    /** Back to the surface's own window. */
    public void resetWindow() {
        if (surface.get() != null) {
            window.set(surface.get().window());
        }
    }

    private static List<SurfaceParameter> sliders(SurfaceFactory factory, Map<String, Double> values) {
        List<SurfaceParameter> sliders = new ArrayList<>();
        for (HyperParameter p : factory.hyperParameters()) {
            if (p.kind() == HyperParameter.Kind.DOUBLE || p.kind() == HyperParameter.Kind.INT) {
                double def = Double.parseDouble(p.defaultValue());
                double value = values.getOrDefault(p.name(), def);
                sliders.add(new SurfaceParameter(p, RangeText.parse(p.range(), def), value));
            }
        }
        return sliders;
    }

    /** Log colours for surfaces like Rosenbrock whose values span decades (the core's rule for contours). */
    static boolean spansDecades(Surface s, ViewWindow w) {
        SurfaceGrid grid = SurfaceGrid.sample(s, w, 64, 64);
        return grid.finiteCount() > 0 && ContourLevels.choose(grid) == ContourLevels.Spacing.LOG;
    }

    private boolean typedShown() {
        return surface.get() != null && "expr".equals(surface.get().id());
    }

    private void show(Surface s, boolean newWindow) {
        error.set("");
        errorPosition.set(-1);
        failedExpression.set("");
        if (newWindow || window.get() == null) {
            ViewWindow w = s.window();
            window.set(w);
            start.set(new double[] {w.xMin() + 0.15 * w.width(), w.yMax() - 0.2 * w.height()});
            logScale.set(spansDecades(s, w));
        }
        setSurface(s);
    }

    /** Shows {@code s} with the critical points known so far; starts their search when none are. */
    private void setSurface(Surface s) {
        Optional<List<CriticalPoint>> known = s.knownCriticalPoints();
        criticalPoints.set(known.orElse(List.of()));
        shown = s;
        surface.set(s);
        if (known.isEmpty()) {
            searchCriticalPoints(s);
        }
    }

    private void searchCriticalPoints(Surface s) {
        background.execute(() -> {
            if (shown != s) {
                return; // replaced while it waited for the search thread
            }
            List<CriticalPoint> found = s.criticalPoints();
            ui.execute(() -> {
                if (surface.get() == s) {
                    criticalPoints.set(found);
                }
            });
        });
    }
}
