package dev.descent.core.surface;

import dev.descent.core.expr.Expression;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A surface typed by the user as f(x, y). Values come from the plain double evaluator;
 * gradient and Hessian from forward-mode differentiation ({@link DerivativeStructure},
 * order 2), exact to rounding. Where f or a derivative is undefined the result is NaN or
 * infinite, never silently replaced: callers must test {@link Double#isFinite}.
 */
public final class ExpressionSurface implements Surface {

    /** The window a typed surface opens in. */
    public static final ViewWindow DEFAULT_WINDOW = new ViewWindow(-3, 3, -3, 3);

    private final Expression expression;
    private final ViewWindow window;
    /** Computed on first use; a race between threads computes the same list twice, harmlessly. */
    private volatile List<CriticalPoint> criticalPoints;

    public ExpressionSurface(Expression expression, ViewWindow window) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.window = Objects.requireNonNull(window, "window");
    }

    public Expression expression() {
        return expression;
    }

    @Override
    public String id() {
        return "expr";
    }

    @Override
    public String displayName() {
        return "f(x,y) = " + expression.text();
    }

    @Override
    public String formula() {
        return expression.text();
    }

    @Override
    public String note() {
        return "A typed surface: gradient and Hessian by automatic differentiation of the formula.";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public double value(double x, double y) {
        return expression.value(x, y);
    }

    @Override
    public void gradient(double x, double y, double[] out) {
        DerivativeStructure d = expression.derivatives(x, y);
        out[0] = d.getPartialDerivative(1, 0);
        out[1] = d.getPartialDerivative(0, 1);
    }

    @Override
    public void hessian(double x, double y, double[] out) {
        DerivativeStructure d = expression.derivatives(x, y);
        out[0] = d.getPartialDerivative(2, 0);
        out[1] = d.getPartialDerivative(1, 1);
        out[2] = d.getPartialDerivative(0, 2);
    }

    @Override
    public ViewWindow window() {
        return window;
    }

    /**
     * The critical points inside {@link #window()}, found numerically by
     * {@link CriticalPointSearch} on the first call and remembered. The first call costs a few
     * milliseconds warm but up to a few hundred ms in a fresh JVM (see there): make it off the UI
     * thread (for example right after building the surface), later calls are free. A UI thread
     * asks {@link #knownCriticalPoints()} instead.
     */
    @Override
    public List<CriticalPoint> criticalPoints() {
        List<CriticalPoint> points = criticalPoints;
        if (points == null) {
            points = List.copyOf(CriticalPointSearch.find(this, window));
            criticalPoints = points;
        }
        return points;
    }

    /** The critical points if a call to {@link #criticalPoints()} has found them; empty before. Never searches. */
    @Override
    public Optional<List<CriticalPoint>> knownCriticalPoints() {
        return Optional.ofNullable(criticalPoints);
    }
}
