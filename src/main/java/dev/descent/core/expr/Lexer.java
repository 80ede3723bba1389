package dev.descent.core.expr;

/** Splits f(x, y) text into tokens, one look-ahead, skipping white space. */
final class Lexer {

    enum Kind { NUMBER, NAME, OPERATOR, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, double number, int position) {
        boolean isOperator(char c) {
            return kind == Kind.OPERATOR && text.charAt(0) == c;
        }
    }

    private final String text;
    private int index;
    private Token peeked;

    Lexer(String text) {
        this.text = text;
    }

    Token peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    private Token read() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        int start = index;
        if (index >= text.length()) {
            return new Token(Kind.END, "", 0, start);
        }
        char c = text.charAt(index);
        if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number(start);
        }
        if (isLetter(c)) {
            while (index < text.length() && (isLetter(text.charAt(index)) || isDigit(text.charAt(index))
                    || text.charAt(index) == '_')) {
                index++;
            }
            return new Token(Kind.NAME, text.substring(start, index), 0, start);
        }
        index++;
        switch (c) {
            case '+': case '-': case '*': case '/': case '^':
                return new Token(Kind.OPERATOR, String.valueOf(c), 0, start);
            case '(':
                return new Token(Kind.LPAREN, "(", 0, start);
            case ')':
                return new Token(Kind.RPAREN, ")", 0, start);
            case ',':
                return new Token(Kind.COMMA, ",", 0, start);
            default:
                throw new ExpressionException("unexpected '" + new String(Character.toChars(text.codePointAt(start)))
                        + "'", start);
        }
    }

    private Token number(int start) {
        skipDigits();
        if (index < text.length() && text.charAt(index) == '.') {
            index++;
            skipDigits();
        }
        if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
            int mark = index;
            index++;
            if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
                index++;
            }
            if (index < text.length() && isDigit(text.charAt(index))) {
                skipDigits();
            } else {
                index = mark; // "2e" is the number 2 followed by the name e
            }
        }
        String literal = text.substring(start, index);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new ExpressionException("number '" + shorten(literal) + "' is too large", start);
        }
        return new Token(Kind.NUMBER, literal, value, start);
    }

    /** Keeps messages one line long even for hostile input. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private void skipDigits() {
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
