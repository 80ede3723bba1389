package dev.descent.core.expr;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionParserTest {

    private static double eval(String text, double x, double y) {
        return Expression.parse(text).value(x, y);
    }

    private static double eval(String text) {
        return eval(text, 0, 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "1 + 2*3; 7",
        "(1 + 2)*3; 9",
        "2*3^2; 18",
        "10 - 4 - 3; 3",
        "64/4/2; 8",
        "2^3^2; 512",
        "(2^3)^2; 64",
        "-2^2; -4",
        "(-2)^2; 4",
        "2^-1; 0.5",
        "2^-1^2; 0.5",
        "--3; 3",
        "3*-2; -6",
        "1 - -1; 2",
        "-3 - 2; -5",
        "1e-3; 0.001",
        "2.5E+2; 250",
        "1E2; 100",
        ".5; 0.5",
        "7.; 7",
        "6/2*3; 9",
        "2 ^ 0.5 ^ 2; 1.189207115002721",
        "  4  ; 4",
    })
    void precedenceAssociativityAndNumbers(String text, double expected) {
        assertEquals(expected, eval(text), 1e-15 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertEquals(-9, eval("-x^2", 3, 0), 0);
        assertEquals(-9, eval("-x^2", -3, 0), 0);
        assertEquals(9, eval("(-x)^2", 3, 0), 0);
        assertEquals(Math.pow(2, -9), eval("2^-x^2", 3, 0), 0);
    }

    @Test
    void variablesAndConstants() {
        assertEquals(1.5, eval("x", 1.5, -2), 0);
        assertEquals(-2, eval("y", 1.5, -2), 0);
        assertEquals(Math.PI, eval("pi"), 0);
        assertEquals(Math.E, eval("e"), 0);
        assertEquals(2 * Math.E, eval("2*e"), 0);
        assertEquals(200, eval("2e2"), 0);
        assertEquals("unexpected 'e' at 1", assertThrows(ExpressionException.class, () -> Expression.parse("2e"))
                .getMessage(), "no implicit multiplication; a dangling exponent marker is the name e");
    }

    @Test
    void everyFunctionMatchesJavaMath() {
        double a = 0.7;
        assertEquals(Math.sin(a), eval("sin(x)", a, 0), 0);
        assertEquals(Math.cos(a), eval("cos(x)", a, 0), 0);
        assertEquals(Math.tan(a), eval("tan(x)", a, 0), 0);
        assertEquals(Math.exp(a), eval("exp(x)", a, 0), 0);
        assertEquals(Math.log(a), eval("log(x)", a, 0), 0);
        assertEquals(Math.sqrt(a), eval("sqrt(x)", a, 0), 0);
        assertEquals(a, eval("abs(x)", -a, 0), 0);
        assertEquals(Math.tanh(a), eval("tanh(x)", a, 0), 0);
        assertEquals(1 / (1 + Math.exp(-a)), eval("sigmoid(x)", a, 0), 1e-16);
        assertEquals(1 / (1 + Math.exp(a)), eval("sigmoid(x)", -a, 0), 1e-16);
        assertEquals(0, eval("sigmoid(x)", -1000, 0), 0);
        assertEquals(1, eval("sigmoid(x)", 1000, 0), 0);
        assertEquals(-1, eval("min(x, y)", 2, -1), 0);
        assertEquals(2, eval("max(x, y)", 2, -1), 0);
        assertEquals(Math.sin(Math.cos(a) * 2), eval("sin(cos(x)*2)", a, 0), 0);
    }

    @Test
    void undefinedValuesComeOutAsNaNOrInfinityNotAsExceptions() {
        assertTrue(Double.isNaN(eval("log(x)", -1, 0)));
        assertTrue(Double.isNaN(eval("sqrt(x)", -1, 0)));
        assertEquals(Double.POSITIVE_INFINITY, eval("1/x", 0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, eval("log(x)", 0, 0));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = ';', value = {
        "(x + y)); unexpected ')' at 7",
        "sin(x + y * 2; expected ')' at 13",
        "(1 + 2; expected ')' at 6",
        "(1 + 2 3); expected ')' at 7",
        "2 x; unexpected 'x' at 2",
        "'x + '; unexpected end of input at 4",
        "x # y; unexpected '#' at 2",
        "*x; unexpected '*' at 0",
        "+x; unexpected '+' at 0",
        "x +* y; unexpected '*' at 3",
        "sin x; expected '(' after 'sin' at 4",
        "sin; expected '(' after 'sin' at 3",
        "min(x); min takes 2 arguments, got 1 at 0",
        "min(x y); expected ',' at 6",
        "sin(x, y); sin takes 1 argument, got 2 at 0",
        "max(x, y, 1); max takes 2 arguments, got 3 at 0",
        "pi(2); unexpected '(' at 2",
        "1e999; number '1e999' is too large at 0",
        "(); unexpected ')' at 1",
        "x,y; unexpected ',' at 1",
        "x..5; unexpected '.' at 1",
        "x y; unexpected 'y' at 2",
    })
    void errorsNameTheCharacterPosition(String text, String message) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1)), e.position());
        assertInstanceOf(ConfigException.class, e);
    }

    @Test
    void unknownNamesListWhatIsAllowed() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse("sinn(x)"));
        assertEquals("unknown name 'sinn' at 0; allowed: x, y, pi, e, sin, cos, tan, exp, log, sqrt, abs, tanh, "
                + "sigmoid, min, max", e.getMessage());
        assertEquals(0, e.position());
        assertEquals(4, assertThrows(ExpressionException.class, () -> Expression.parse("x + X")).position());
        assertTrue(assertThrows(ExpressionException.class, () -> Expression.parse("x + z")).getMessage()
                .startsWith("unknown name 'z'"));
    }

    @Test
    void hugeTokensAreShortenedInMessages() {
        assertEquals("number '1111111111111111111111111111111111111...' is too large at 2",
                assertThrows(ExpressionException.class, () -> Expression.parse("x+" + "1".repeat(100_000))).getMessage());
        assertTrue(assertThrows(ExpressionException.class, () -> Expression.parse("a".repeat(100_000)))
                .getMessage().startsWith("unknown name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' at 0; allowed: x"));
    }

    @Test
    void emptyInputIsAnError() {
        for (String text : new String[] {"", "   ", "\t\n", null}) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(text));
            assertEquals("empty expression at 0", e.getMessage());
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsACleanErrorEvenAtOneHundredThousandLevels() {
        int n = 100_000;
        String[] hostile = {
            "(".repeat(n) + "x" + ")".repeat(n),
            "-".repeat(n) + "x",
            "x^".repeat(n) + "x",
            "sin(".repeat(n) + "x" + ")".repeat(n),
            "(".repeat(n),
        };
        for (String text : hostile) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(text));
            assertTrue(e.getMessage().startsWith("expression nested deeper than 256 levels at "), e.getMessage());
        }
    }

    @Test
    void nestingUpToTheLimitParsesAndEvaluates() {
        int n = 200;
        Expression deep = Expression.parse("(".repeat(n) + "x+1" + ")".repeat(n));
        assertEquals(3, deep.value(2, 0), 0);
        assertEquals(1, deep.derivatives(2, 0).getPartialDerivative(1, 0), 0);
        Expression negations = Expression.parse("-".repeat(200) + "x");
        assertEquals(2, negations.value(2, 0), 0);
    }

    @Test
    void longFlatSumsAreNotNesting() {
        int n = 100_000;
        Expression sum = Expression.parse("x" + "+x".repeat(n - 1));
        assertEquals(n * 0.5, sum.value(0.5, 0), 0);
        assertEquals(n, sum.derivatives(0.5, 0).getPartialDerivative(1, 0), 0);
        Expression product = Expression.parse("1" + "*x".repeat(1000));
        assertEquals(1000, product.derivatives(1, 0).getPartialDerivative(1, 0), 1e-9);
    }
}
