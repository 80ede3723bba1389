package dev.descent.core.surface;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptive half of a catalogue surface (names, formula, window, known critical
 * points); subclasses give f, its gradient and its Hessian.
 */
abstract class CatalogueSurface implements Surface {
    private final String id;
    private final String displayName;
    private final String formula;
    private final String note;
    private final Map<String, Double> parameters;
    private final ViewWindow window;
    private final List<CriticalPoint> criticalPoints;

    CatalogueSurface(String id, String displayName, String formula, String note, Map<String, Double> parameters,
                     ViewWindow window, List<CriticalPoint> criticalPoints) {
        this.id = id;
        this.displayName = displayName;
        this.formula = formula;
        this.note = note;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.window = window;
        this.criticalPoints = List.copyOf(criticalPoints);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final String formula() {
        return formula;
    }

    @Override
    public final String note() {
        return note;
    }

    @Override
    public final Map<String, Double> parameters() {
        return parameters;
    }

    @Override
    public final ViewWindow window() {
        return window;
    }

    @Override
    public final List<CriticalPoint> criticalPoints() {
        return criticalPoints;
    }
}
