package dev.descent.core.expr;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded robustness test: random token soup, random characters and grammar-built valid
 * expressions. Only {@link ExpressionException} may come out of the parser; valid input must
 * evaluate in both evaluators without throwing; every parse finishes quickly.
 */
class ExpressionFuzzTest {

    private static final String[] TOKENS = {
        "x", "y", "pi", "e", "1", "2.5", "1e-3", "3E+2", ".5", "+", "-", "*", "/", "^", "(", ")", ",", " ",
        "sin", "cos", "min", "max", "log", "sqrt", "sigmoid", "sinn", "#", ".", "e+", "1e", "((", "))", "--", "^-",
    };

    @Test
    void onlyTheParsersOwnExceptionEverComesOutAndEveryParseIsQuick() {
        SplittableRandom random = new SplittableRandom(20261122);
        int valid = 0;
        int invalid = 0;
        long slowest = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = switch (i % 4) {
                case 0 -> tokenSoup(random);
                case 1 -> randomCharacters(random);
                default -> grammar(random, 0);
            };
            long start = System.nanoTime();
            try {
                Expression f = Expression.parse(text);
                valid++;
                double x = -3 + 6 * random.nextDouble();
                double y = -3 + 6 * random.nextDouble();
                f.value(x, y);
                f.derivatives(x, y);
            } catch (ExpressionException e) {
                invalid++;
                int length = text.length();
                assertTrue(e.position() >= 0 && e.position() <= length, "position " + e.position() + " outside '"
                        + text + "'");
            } catch (RuntimeException | StackOverflowError e) {
                fail("'" + text + "' threw " + e, e);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertTrue(valid > 8_000 && invalid > 8_000, "valid " + valid + ", invalid " + invalid);
        assertTrue(slowest < Duration.ofMillis(5000).toNanos(), "slowest parse took " + slowest / 1e6 + " ms");
    }

    @Test
    void hugeHostileInputsFailFastWithoutStackOverflow() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 50; i++) {
                StringBuilder sb = new StringBuilder();
                int n = 50_000 + random.nextInt(50_000);
                String[] openers = {"(", "-", "sin(", "x^", "min(x,", "2*("};
                for (int k = 0; k < n; k++) {
                    sb.append(openers[random.nextInt(openers.length)]);
                }
                sb.append('x');
                try {
                    Expression.parse(sb.toString());
                    fail("accepted nesting of " + n);
                } catch (ExpressionException expected) {
                    assertTrue(expected.getMessage().startsWith("expression nested deeper than 256"),
                            expected.getMessage());
                }
            }
        });
    }

    private static String tokenSoup(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return sb.toString();
    }

    private static String randomCharacters(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                sb.append("xy0123456789.eE+-*/^(), \t"
                        .charAt(random.nextInt(25)));
            } else if (pick < 9) {
                sb.append((char) (32 + random.nextInt(95)));
            } else {
                sb.appendCodePoint(random.nextInt(0x1F600));
            }
        }
        return sb.toString();
    }

    /** A valid expression of bounded depth. */
    private static String grammar(SplittableRandom random, int depth) {
        int choice = depth > 6 ? random.nextInt(4) : random.nextInt(11);
        switch (choice) {
            case 0: return "x";
            case 1: return "y";
            case 2: return random.nextBoolean() ? "pi" : "e";
            case 3: return Double.toString(Math.round(random.nextDouble() * 1000) / 100.0);
            case 4: return "-" + grammar(random, depth + 1);
            case 5: return "(" + grammar(random, depth + 1) + ")";
            case 6: {
                String[] ops = {" + ", " - ", "*", "/", "^"};
                return grammar(random, depth + 1) + ops[random.nextInt(ops.length)] + grammar(random, depth + 1);
            }
            case 7: return "min(" + grammar(random, depth + 1) + ", " + grammar(random, depth + 1) + ")";
            default: {
                MathFunction[] unary = {MathFunction.SIN, MathFunction.COS, MathFunction.TAN, MathFunction.EXP,
                    MathFunction.LOG, MathFunction.SQRT, MathFunction.ABS, MathFunction.TANH, MathFunction.SIGMOID};
                return unary[random.nextInt(unary.length)].text() + "(" + grammar(random, depth + 1) + ")";
            }
        }
    }
}
