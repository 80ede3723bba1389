package dev.descent.core.expr;

import java.util.Arrays;
import java.util.Optional;

/** The functions a typed f(x, y) may call, with their number of arguments. */
public enum MathFunction {
    SIN("sin", 1), COS("cos", 1), TAN("tan", 1), EXP("exp", 1), LOG("log", 1), SQRT("sqrt", 1), ABS("abs", 1),
    TANH("tanh", 1), SIGMOID("sigmoid", 1), MIN("min", 2), MAX("max", 2);

    private final String text;
    private final int arity;

    MathFunction(String text, int arity) {
        this.text = text;
        this.arity = arity;
    }

    /** The name as typed ("sigmoid"). */
    public String text() {
        return text;
    }

    public int arity() {
        return arity;
    }

    public static Optional<MathFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.text.equals(name)).findFirst();
    }
}
