package dev.descent.core.expr;

import dev.descent.core.config.ConfigException;

/**
 * A typed f(x, y) that cannot be parsed. The message ends with the 0-based character
 * position of the problem ("unexpected ')' at 7"); {@link #position()} gives it as a number
 * so an editor can put the caret there.
 */
public final class ExpressionException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public ExpressionException(String problem, int position) {
        this(problem, position, "");
    }

    /**
     * @param detail appended after the position ("; allowed: x, y, ...")
     */
    public ExpressionException(String problem, int position, String detail) {
        super(problem + " at " + position + detail);
        this.position = position;
    }

    /** 0-based index into the expression text. */
    public int position() {
        return position;
    }
}
