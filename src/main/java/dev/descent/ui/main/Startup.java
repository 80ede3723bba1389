package dev.descent.ui.main;

import dev.descent.core.surface.Surfaces;
import dev.descent.ui.problem.ExpressionCompiler;

/** What a fresh window starts with. */
public final class Startup {
    private Startup() {
    }

    /** The core's f(x, y) parser; null while this build has none. */
    public static ExpressionCompiler expressionCompiler() {
        return null;
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
        Surfaces.all();
    }
}
