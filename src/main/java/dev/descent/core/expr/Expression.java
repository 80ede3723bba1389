package dev.descent.core.expr;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import java.util.function.DoubleBinaryOperator;

/**
 * A parsed f(x, y): one syntax tree with two evaluators, plain {@code double} for grids and
 * {@link DerivativeStructure} (order 2) for exact gradient and Hessian. Immutable and safe to
 * share between threads.
 *
 * <p>Non-finite values are not hidden: where f, a derivative or an intermediate result is
 * undefined (log of a negative, 1/0, sqrt at 0 for the gradient) the result is NaN or
 * infinite and callers test it with {@link Double#isFinite}.
 */
public final class Expression {
    private final String text;
    private final Node root;
    private final DoubleBinaryOperator compiled;
    private final DerivativeEvaluator.Compiled differentiable;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        this.compiled = DoubleEvaluator.compile(root);
        this.differentiable = DerivativeEvaluator.compile(root);
    }

    /**
     * @throws ExpressionException with the character position when the text is not a valid f(x, y)
     */
    public static Expression parse(String text) {
        Node root = ExpressionParser.parse(text);
        return new Expression(text.trim(), root);
    }

    /** The text as typed, trimmed. */
    public String text() {
        return text;
    }

    public Node root() {
        return root;
    }

    /** f(x, y) in plain double arithmetic. */
    public double value(double x, double y) {
        return compiled.applyAsDouble(x, y);
    }

    /**
     * f and its partial derivatives up to order 2 at (x, y): read them with
     * {@code getPartialDerivative(i, j)} for d^(i+j) f / dx^i dy^j. Where f itself is NaN
     * (log of a negative) every derivative is NaN too, so a finite-looking gradient never
     * comes from an undefined point.
     */
    public DerivativeStructure derivatives(double x, double y) {
        DerivativeStructure d = differentiable.apply(
                new DerivativeStructure(DerivativeEvaluator.PARAMETERS, DerivativeEvaluator.ORDER, 0, x),
                new DerivativeStructure(DerivativeEvaluator.PARAMETERS, DerivativeEvaluator.ORDER, 1, y));
        if (Double.isNaN(d.getValue())) {
            double[] nan = new double[6]; // f, f_x, f_xx, f_y, f_xy, f_yy
            java.util.Arrays.fill(nan, Double.NaN);
            return new DerivativeStructure(2, 2, nan);
        }
        return d;
    }

    @Override
    public String toString() {
        return text;
    }
}
