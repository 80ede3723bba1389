package dev.descent.ui.problem;

import dev.descent.core.config.ConfigException;
import dev.descent.core.surface.Surface;

/** Turns typed f(x, y) text into a surface (the core parser, passed in). */
@FunctionalInterface
public interface ExpressionCompiler {

    /**
     * @throws ConfigException when the text does not parse; {@link #position} tells where
     */
    Surface compile(String text);

    /** The 0-based character position a parse error points at, -1 when unknown. */
    default int position(ConfigException error) {
        return -1;
    }
}
