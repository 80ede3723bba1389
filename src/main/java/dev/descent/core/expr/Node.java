package dev.descent.core.expr;

import java.util.List;

/**
 * The syntax tree of a typed f(x, y). Chains of {@code +}/{@code -} and of {@code *}/{@code /}
 * are single n-ary nodes, so the tree is only as deep as the text's nesting (which the
 * parser caps), never as long as a sum.
 */
public sealed interface Node {

    /** A number, {@code pi} or {@code e}. */
    record Constant(double value) implements Node {
    }

    /** {@code x} (index 0) or {@code y} (index 1). */
    record Variable(int index) implements Node {
    }

    /** Unary minus. */
    record Negate(Node operand) implements Node {
    }

    /** {@code t0 (+|-) t1 (+|-) ...}; {@code subtract.get(i)} is the sign before term i (false for term 0). */
    record Sum(List<Node> terms, List<Boolean> subtract) implements Node {
        public Sum {
            terms = List.copyOf(terms);
            subtract = List.copyOf(subtract);
        }
    }

    /** {@code f0 (*|/) f1 (*|/) ...}; {@code divide.get(i)} is the operator before factor i (false for factor 0). */
    record Product(List<Node> factors, List<Boolean> divide) implements Node {
        public Product {
            factors = List.copyOf(factors);
            divide = List.copyOf(divide);
        }
    }

    /** {@code base ^ exponent} (right-associative). */
    record Power(Node base, Node exponent) implements Node {
    }

    /** A function call with its arguments. */
    record Call(MathFunction function, List<Node> arguments) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** True when the subtree reads neither x nor y. */
    static boolean isConstant(Node node) {
        if (node instanceof Constant) {
            return true;
        }
        if (node instanceof Variable) {
            return false;
        }
        if (node instanceof Negate n) {
            return isConstant(n.operand());
        }
        if (node instanceof Sum s) {
            return s.terms().stream().allMatch(Node::isConstant);
        }
        if (node instanceof Product p) {
            return p.factors().stream().allMatch(Node::isConstant);
        }
        if (node instanceof Power p) {
            return isConstant(p.base()) && isConstant(p.exponent());
        }
        return ((Call) node).arguments().stream().allMatch(Node::isConstant);
    }
}
