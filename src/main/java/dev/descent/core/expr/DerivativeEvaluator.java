package dev.descent.core.expr;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

import java.util.List;

/**
 * Compiles a syntax tree once into a function on Commons Math {@link DerivativeStructure}s
 * in the two free parameters x, y up to order 2: forward-mode automatic differentiation,
 * exact (to rounding) gradient and Hessian. Powers with a constant exponent use
 * {@code pow(int)} / {@code pow(double)} so that {@code x^2} is differentiable at negative x;
 * {@code min}/{@code max} follow the branch taken by the value, as the double evaluator does.
 */
final class DerivativeEvaluator {
    static final int PARAMETERS = 2;
    static final int ORDER = 2;

    /** f(x, y) on derivative structures. */
    @FunctionalInterface
    interface Compiled {
        DerivativeStructure apply(DerivativeStructure x, DerivativeStructure y);
    }

    private DerivativeEvaluator() {
    }

    static Compiled compile(Node node) {
        if (node instanceof Node.Constant c) {
            DerivativeStructure constant = new DerivativeStructure(PARAMETERS, ORDER, c.value());
            return (x, y) -> constant;
        }
        if (node instanceof Node.Variable v) {
            return v.index() == 0 ? (x, y) -> x : (x, y) -> y;
        }
        if (node instanceof Node.Negate n) {
            Compiled f = compile(n.operand());
            return (x, y) -> f.apply(x, y).negate();
        }
        if (node instanceof Node.Sum s) {
            Compiled[] terms = compileAll(s.terms());
            List<Boolean> subtract = s.subtract();
            return (x, y) -> {
                DerivativeStructure total = terms[0].apply(x, y);
                for (int i = 1; i < terms.length; i++) {
                    DerivativeStructure t = terms[i].apply(x, y);
                    total = subtract.get(i) ? total.subtract(t) : total.add(t);
                }
                return total;
            };
        }
        if (node instanceof Node.Product p) {
            Compiled[] factors = compileAll(p.factors());
            List<Boolean> divide = p.divide();
            return (x, y) -> {
                DerivativeStructure total = factors[0].apply(x, y);
                for (int i = 1; i < factors.length; i++) {
                    DerivativeStructure f = factors[i].apply(x, y);
                    total = divide.get(i) ? total.divide(f) : total.multiply(f);
                }
                return total;
            };
        }
        if (node instanceof Node.Power p) {
            return power(p);
        }
        return call((Node.Call) node);
    }

    private static Compiled power(Node.Power p) {
        Compiled base = compile(p.base());
        if (Node.isConstant(p.exponent())) {
            double c = DoubleEvaluator.compile(p.exponent()).applyAsDouble(0, 0);
            if (c == Math.rint(c) && Math.abs(c) <= 1 << 20) {
                int n = (int) c;
                return (x, y) -> base.apply(x, y).pow(n);
            }
            return (x, y) -> base.apply(x, y).pow(c);
        }
        Compiled exponent = compile(p.exponent());
        if (Node.isConstant(p.base())) {
            double b = DoubleEvaluator.compile(p.base()).applyAsDouble(0, 0);
            return (x, y) -> DerivativeStructure.pow(b, exponent.apply(x, y));
        }
        return (x, y) -> base.apply(x, y).pow(exponent.apply(x, y));
    }

    private static Compiled call(Node.Call call) {
        Compiled a = compile(call.arguments().get(0));
        switch (call.function()) {
            case SIN: return (x, y) -> a.apply(x, y).sin();
            case COS: return (x, y) -> a.apply(x, y).cos();
            case TAN: return (x, y) -> a.apply(x, y).tan();
            case EXP: return (x, y) -> a.apply(x, y).exp();
            case LOG: return (x, y) -> a.apply(x, y).log();
            case SQRT: return (x, y) -> a.apply(x, y).sqrt();
            case ABS: return (x, y) -> a.apply(x, y).abs();
            case TANH: return (x, y) -> a.apply(x, y).tanh();
            case SIGMOID: return (x, y) -> sigmoid(a.apply(x, y));
            default: break;
        }
        Compiled b = compile(call.arguments().get(1));
        boolean min = call.function() == MathFunction.MIN;
        return (x, y) -> {
            DerivativeStructure u = a.apply(x, y);
            DerivativeStructure v = b.apply(x, y);
            if (Double.isNaN(u.getValue())) {
                return u;
            }
            if (Double.isNaN(v.getValue())) {
                return v;
            }
            boolean takeU = min ? u.getValue() <= v.getValue() : u.getValue() >= v.getValue();
            return takeU ? u : v;
        };
    }

    /** Chain rule with s' = s(1 - s), s'' = s(1 - s)(1 - 2s), stable for large |z|. */
    private static DerivativeStructure sigmoid(DerivativeStructure z) {
        double s = DoubleEvaluator.sigmoid(z.getValue());
        return z.compose(s, s * (1 - s), s * (1 - s) * (1 - 2 * s));
    }

    private static Compiled[] compileAll(List<Node> nodes) {
        Compiled[] out = new Compiled[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(nodes.get(i));
        }
        return out;
    }
}
