package dev.descent.core.surface;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 2-D loss surface f(x, y) with exact first and second derivatives. Parameters are part
 * of a surface's identity: a Rosenbrock with b = 10 is another surface than b = 100.
 */
public interface Surface {

    /** Registry name ("rosenbrock") or "expr" for a typed surface. */
    String id();

    /** Title for legends ("Rosenbrock (a=1, b=100)"). */
    String displayName();

    /** The formula as text ("(a - x)^2 + b*(y - x^2)^2"). */
    String formula();

    /** One-line teaching note ("a curved, flat-bottomed valley: ..."). */
    String note();

    /** The parameter values that define this surface, in display order; empty when none. */
    Map<String, Double> parameters();

    double value(double x, double y);

    /**
     * @param out where (df/dx, df/dy) is stored. Modified.
     */
    void gradient(double x, double y, double[] out);

    /**
     * @param out where (d2f/dx2, d2f/dxdy, d2f/dy2) is stored. Modified.
     */
    void hessian(double x, double y, double[] out);

    /** The window shown by default. */
    ViewWindow window();

    /**
     * Known minima, saddles and maxima (may be empty). A typed surface searches for them on the
     * first call, which can take a few hundred ms: a UI thread uses {@link #knownCriticalPoints()}.
     */
    List<CriticalPoint> criticalPoints();

    /**
     * The critical points if they are known without a search: a catalogue surface's always, a
     * typed surface's once {@link #criticalPoints()} has run, empty before. Never blocks.
     * Surfaces whose {@link #criticalPoints()} is slow override this.
     */
    default Optional<List<CriticalPoint>> knownCriticalPoints() {
        return Optional.of(criticalPoints());
    }
}
