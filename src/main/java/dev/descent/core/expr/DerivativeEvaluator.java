package dev.descent.core.expr;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * Evaluates a syntax tree on Commons Math {@link DerivativeStructure}s in the two free
 * parameters x, y up to order 2: forward-mode automatic differentiation, exact (to rounding)
 * gradient and Hessian. Powers with a constant exponent use {@code pow(int)} / {@code pow(double)}
 * so that {@code x^2} is differentiable at negative x; {@code min}/{@code max} follow the
 * branch taken by the value, as the double evaluator does.
 */
final class DerivativeEvaluator {
    private static final int PARAMETERS = 2;
    private static final int ORDER = 2;

    private DerivativeEvaluator() {
    }

    static DerivativeStructure evaluate(Node root, double x, double y) {
        return eval(root, new DerivativeStructure(PARAMETERS, ORDER, 0, x),
                new DerivativeStructure(PARAMETERS, ORDER, 1, y));
    }

    private static DerivativeStructure eval(Node node, DerivativeStructure x, DerivativeStructure y) {
        if (node instanceof Node.Constant c) {
            return new DerivativeStructure(PARAMETERS, ORDER, c.value());
        }
        if (node instanceof Node.Variable v) {
            return v.index() == 0 ? x : y;
        }
        if (node instanceof Node.Negate n) {
            return eval(n.operand(), x, y).negate();
        }
        if (node instanceof Node.Sum s) {
            DerivativeStructure total = eval(s.terms().get(0), x, y);
            for (int i = 1; i < s.terms().size(); i++) {
                DerivativeStructure t = eval(s.terms().get(i), x, y);
                total = s.subtract().get(i) ? total.subtract(t) : total.add(t);
            }
            return total;
        }
        if (node instanceof Node.Product p) {
            DerivativeStructure total = eval(p.factors().get(0), x, y);
            for (int i = 1; i < p.factors().size(); i++) {
                DerivativeStructure f = eval(p.factors().get(i), x, y);
                total = p.divide().get(i) ? total.divide(f) : total.multiply(f);
            }
            return total;
        }
        if (node instanceof Node.Power p) {
            return power(p, x, y);
        }
        return call((Node.Call) node, x, y);
    }

    private static DerivativeStructure power(Node.Power p, DerivativeStructure x, DerivativeStructure y) {
        DerivativeStructure base = eval(p.base(), x, y);
        if (Node.isConstant(p.exponent())) {
            double c = DoubleEvaluator.compile(p.exponent()).applyAsDouble(0, 0);
            if (c == Math.rint(c) && Math.abs(c) <= 1 << 20) {
                return base.pow((int) c);
            }
            return base.pow(c);
        }
        DerivativeStructure exponent = eval(p.exponent(), x, y);
        if (Node.isConstant(p.base())) {
            return DerivativeStructure.pow(base.getValue(), exponent);
        }
        return base.pow(exponent);
    }

    private static DerivativeStructure call(Node.Call call, DerivativeStructure x, DerivativeStructure y) {
        DerivativeStructure a = eval(call.arguments().get(0), x, y);
        switch (call.function()) {
            case SIN: return a.sin();
            case COS: return a.cos();
            case TAN: return a.tan();
            case EXP: return a.exp();
            case LOG: return a.log();
            case SQRT: return a.sqrt();
            case ABS: return a.abs();
            case TANH: return a.tanh();
            case SIGMOID: {
                // s' = s(1 - s), s'' = s(1 - s)(1 - 2s)
                double s = DoubleEvaluator.sigmoid(a.getValue());
                return a.compose(s, s * (1 - s), s * (1 - s) * (1 - 2 * s));
            }
            default:
                break;
        }
        DerivativeStructure b = eval(call.arguments().get(1), x, y);
        if (Double.isNaN(a.getValue())) {
            return a;
        }
        if (Double.isNaN(b.getValue())) {
            return b;
        }
        boolean takeA = call.function() == MathFunction.MIN ? a.getValue() <= b.getValue() : a.getValue() >= b.getValue();
        return takeA ? a : b;
    }
}
