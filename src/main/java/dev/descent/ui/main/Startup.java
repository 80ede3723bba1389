package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.core.expr.ExpressionException;
import dev.descent.core.surface.Surface;
import dev.descent.core.surface.Surfaces;
import dev.descent.ui.problem.ExpressionCompiler;

/** What a fresh window starts with. */
public final class Startup {
    private Startup() {
    }

    /** The core's f(x, y) parser, whose errors carry the character position. */
    public static ExpressionCompiler expressionCompiler() {
        return new ExpressionCompiler() {
            @Override
            public Surface compile(String text) {
                return Surfaces.expression(text);
            }

            @Override
            public int position(ConfigException error) {
                return error instanceof ExpressionException e ? e.position() : -1;
            }
        };
    }

    /** A first-start problem and racer line-up. */
    public static void populate(MainViewModel model) {
        for (String preferred : new String[] {"rosenbrock", "ravine", "bowl"}) {
            if (model.problem().choices().contains(preferred)) {
                model.problem().choose(preferred);
                break;
            }
        }
        DefaultRacers.fill(model.racers());
    }
}
