package dev.descent.core.expr;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Compiles a syntax tree once into nested {@link DoubleBinaryOperator}s (x, y) -> f, the
 * fast path for heatmap grids. Non-finite results (log of a negative, 1/0) come out as
 * NaN or infinity, never as an exception.
 */
final class DoubleEvaluator {

    private DoubleEvaluator() {
    }

    static DoubleBinaryOperator compile(Node node) {
        if (node instanceof Node.Constant c) {
            double v = c.value();
            return (x, y) -> v;
        }
        if (node instanceof Node.Variable v) {
            return v.index() == 0 ? (x, y) -> x : (x, y) -> y;
        }
        if (node instanceof Node.Negate n) {
            DoubleBinaryOperator f = compile(n.operand());
            return (x, y) -> -f.applyAsDouble(x, y);
        }
        if (node instanceof Node.Sum s) {
            return sum(s);
        }
        if (node instanceof Node.Product p) {
            return product(p);
        }
        if (node instanceof Node.Power p) {
            return power(p);
        }
        return call((Node.Call) node);
    }

    private static DoubleBinaryOperator sum(Node.Sum s) {
        DoubleBinaryOperator[] terms = compileAll(s.terms());
        double[] signs = new double[terms.length];
        for (int i = 0; i < signs.length; i++) {
            signs[i] = s.subtract().get(i) ? -1 : 1;
        }
        return (x, y) -> {
            double total = 0;
            for (int i = 0; i < terms.length; i++) {
                total += signs[i] * terms[i].applyAsDouble(x, y);
            }
            return total;
        };
    }

    private static DoubleBinaryOperator product(Node.Product p) {
        DoubleBinaryOperator[] factors = compileAll(p.factors());
        boolean[] divide = new boolean[factors.length];
        for (int i = 0; i < divide.length; i++) {
            divide[i] = p.divide().get(i);
        }
        return (x, y) -> {
            double total = factors[0].applyAsDouble(x, y);
            for (int i = 1; i < factors.length; i++) {
                double v = factors[i].applyAsDouble(x, y);
                total = divide[i] ? total / v : total * v;
            }
            return total;
        };
    }

    private static DoubleBinaryOperator power(Node.Power p) {
        DoubleBinaryOperator base = compile(p.base());
        if (p.exponent() instanceof Node.Constant c && c.value() == 2) {
            return (x, y) -> {
                double b = base.applyAsDouble(x, y);
                return b * b;
            };
        }
        DoubleBinaryOperator exponent = compile(p.exponent());
        return (x, y) -> Math.pow(base.applyAsDouble(x, y), exponent.applyAsDouble(x, y));
    }

    private static DoubleBinaryOperator call(Node.Call call) {
        DoubleBinaryOperator a = compile(call.arguments().get(0));
        switch (call.function()) {
            case SIN: return (x, y) -> Math.sin(a.applyAsDouble(x, y));
            case COS: return (x, y) -> Math.cos(a.applyAsDouble(x, y));
            case TAN: return (x, y) -> Math.tan(a.applyAsDouble(x, y));
            case EXP: return (x, y) -> Math.exp(a.applyAsDouble(x, y));
            case LOG: return (x, y) -> Math.log(a.applyAsDouble(x, y));
            case SQRT: return (x, y) -> Math.sqrt(a.applyAsDouble(x, y));
            case ABS: return (x, y) -> Math.abs(a.applyAsDouble(x, y));
            case TANH: return (x, y) -> Math.tanh(a.applyAsDouble(x, y));
            case SIGMOID: return (x, y) -> sigmoid(a.applyAsDouble(x, y));
            default: break;
        }
        DoubleBinaryOperator b = compile(call.arguments().get(1));
        if (call.function() == MathFunction.MIN) {
            return (x, y) -> Math.min(a.applyAsDouble(x, y), b.applyAsDouble(x, y));
        }
        return (x, y) -> Math.max(a.applyAsDouble(x, y), b.applyAsDouble(x, y));
    }

    /** 1 / (1 + exp(-z)), written so that neither branch overflows. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    private static DoubleBinaryOperator[] compileAll(List<Node> nodes) {
        DoubleBinaryOperator[] out = new DoubleBinaryOperator[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(nodes.get(i));
        }
        return out;
    }
}
