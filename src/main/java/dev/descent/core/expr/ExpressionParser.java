package dev.descent.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recursive-descent parser for the f(x, y) grammar:
 * <pre>
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | power                 -x^2 = -(x^2)
 *   power      := primary ('^' unary)?              right-associative: 2^3^2 = 2^9, 2^-1 allowed
 *   primary    := number | 'x' | 'y' | 'pi' | 'e' | function '(' expression (',' expression)* ')'
 *               | '(' expression ')'
 *   number     := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]   |   '.' digits ...
 * </pre>
 * Every nesting level (parenthesis, function call, unary minus, exponent) passes through
 * {@code unary}, which counts depth: more than {@value #MAX_DEPTH} levels is an
 * {@link ExpressionException}, so hostile input cannot overflow the stack here or in the
 * evaluators, which recurse over the same tree. Errors carry the 0-based character position.
 */
public final class ExpressionParser {

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 256;

    private static final String ALLOWED = Stream.concat(Stream.of("x", "y", "pi", "e"),
            Stream.of(MathFunction.values()).map(MathFunction::text)).collect(Collectors.joining(", "));

    private final Lexer lexer;
    private int depth;

    private ExpressionParser(String text) {
        this.lexer = new Lexer(text);
    }

    /** Parses {@code text} into a syntax tree. */
    public static Node parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionException("empty expression", 0);
        }
        ExpressionParser parser = new ExpressionParser(text);
        Node root = parser.expression();
        Lexer.Token end = parser.lexer.peek();
        if (end.kind() != Lexer.Kind.END) {
            throw unexpected(end);
        }
        return root;
    }

    private Node expression() {
        List<Node> terms = new ArrayList<>();
        List<Boolean> subtract = new ArrayList<>();
        terms.add(term());
        subtract.add(false);
        while (lexer.peek().isOperator('+') || lexer.peek().isOperator('-')) {
            subtract.add(lexer.next().isOperator('-'));
            terms.add(term());
        }
        return terms.size() == 1 ? terms.get(0) : new Node.Sum(terms, subtract);
    }

    private Node term() {
        List<Node> factors = new ArrayList<>();
        List<Boolean> divide = new ArrayList<>();
        factors.add(unary());
        divide.add(false);
        while (lexer.peek().isOperator('*') || lexer.peek().isOperator('/')) {
            divide.add(lexer.next().isOperator('/'));
            factors.add(unary());
        }
        return factors.size() == 1 ? factors.get(0) : new Node.Product(factors, divide);
    }

    private Node unary() {
        Lexer.Token token = lexer.peek();
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested deeper than " + MAX_DEPTH + " levels", token.position());
        }
        try {
            if (token.isOperator('-')) {
                lexer.next();
                return new Node.Negate(unary());
            }
            return power();
        } finally {
            depth--;
        }
    }

    private Node power() {
        Node base = primary();
        if (lexer.peek().isOperator('^')) {
            lexer.next();
            return new Node.Power(base, unary());
        }
        return base;
    }

    private Node primary() {
        Lexer.Token token = lexer.next();
        switch (token.kind()) {
            case NUMBER:
                return new Node.Constant(token.number());
            case LPAREN: {
                Node inner = expression();
                expect(Lexer.Kind.RPAREN, "')'");
                return inner;
            }
            case NAME:
                return named(token);
            default:
                throw unexpected(token);
        }
    }

    private Node named(Lexer.Token token) {
        switch (token.text()) {
            case "x":
                return new Node.Variable(0);
            case "y":
                return new Node.Variable(1);
            case "pi":
                return new Node.Constant(Math.PI);
            case "e":
                return new Node.Constant(Math.E);
            default:
                break;
        }
        MathFunction function = MathFunction.named(token.text()).orElseThrow(() -> new ExpressionException(
                "unknown name '" + Lexer.shorten(token.text()) + "'", token.position(), "; allowed: " + ALLOWED));
        Lexer.Token open = lexer.next();
        if (open.kind() != Lexer.Kind.LPAREN) {
            throw new ExpressionException("expected '(' after '" + Lexer.shorten(token.text()) + "'", open.position());
        }
        List<Node> arguments = new ArrayList<>();
        arguments.add(expression());
        while (lexer.peek().kind() == Lexer.Kind.COMMA) {
            lexer.next();
            arguments.add(expression());
        }
        expect(Lexer.Kind.RPAREN, arguments.size() < function.arity() ? "','" : "')'");
        if (arguments.size() != function.arity()) {
            throw new ExpressionException(function.text() + " takes " + function.arity() + " argument"
                    + (function.arity() == 1 ? "" : "s") + ", got " + arguments.size(), token.position());
        }
        return new Node.Call(function, arguments);
    }

    private void expect(Lexer.Kind kind, String what) {
        Lexer.Token token = lexer.next();
        if (token.kind() != kind) {
            throw new ExpressionException("expected " + what, token.position());
        }
    }

    private static ExpressionException unexpected(Lexer.Token token) {
        if (token.kind() == Lexer.Kind.END) {
            return new ExpressionException("unexpected end of input", token.position());
        }
        return new ExpressionException("unexpected '" + Lexer.shorten(token.text()) + "'", token.position());
    }
}
