package dev.descent.core.surface;

import dev.descent.core.surface.CriticalPoint.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the critical points of a surface numerically inside a window, for surfaces that do not
 * know theirs (a typed f(x,y)):
 * <ol>
 *   <li>Seeds: on a {@value #GRID} x {@value #GRID} grid over the window, the points where
 *       |grad f|^2 (by central differences of f) is no larger than at any of their 8
 *       neighbours (every critical point is a zero, hence a local minimum, of |grad f|^2).</li>
 *   <li>Refinement: Newton's method on grad f = 0 with the surface's exact Hessian, damped
 *       Levenberg-Marquardt style ({@code d = -(H^2 + lambda I)^-1 H g}, a step kept only when
 *       |g| falls) so a singular Hessian (the monkey saddle's origin) converges instead of
 *       blowing up. A seed counts when |g| falls below {@value #GRADIENT_TOLERANCE} x the largest
 *       |g| on the grid, inside the window.</li>
 *   <li>Classification by the Hessian's eigenvalues: both positive a minimum, both negative a
 *       maximum, opposite signs a saddle. When an eigenvalue is zero to rounding (a degenerate
 *       point: x^4 + y^4, x^3 - 3xy^2) f is compared with its values on a small circle around
 *       the point and at two points along the flat direction instead: all higher a minimum,
 *       all lower a maximum, both a saddle (x^2 + y^3 at the origin). A point
 *       whose gradient also vanishes a little way along the flat direction lies on a line or
 *       region of critical points (the valley floor of x^2, a plateau) and is left out: only
 *       isolated critical points are marked.</li>
 *   <li>Points closer than {@value #MERGE_FRACTION} of the window's size are one point. The
 *       lowest minima (equal to rounding) are {@link Kind#GLOBAL_MINIMUM} (lowest in the
 *       window), the others {@link Kind#LOCAL_MINIMUM}. At most {@value #MAX_POINTS} points are
 *       kept: minima by increasing f, then saddles, then maxima.</li>
 * </ol>
 *
 * <p>Cost: {@value #GRID}^2 x 4 plain evaluations of f for the seeds, then a few exact gradient
 * and Hessian evaluations per seed. Measured on the shared 2-core development machine (JDK 17,
 * load average 4-6), medians of 21 warm runs, range over four runs: {@code x^2 - y^2}
 * 0.2-0.4 ms, the monkey saddle 0.6-3.7 ms, Goldstein-Price typed 2.5-6.6 ms, Himmelblau typed
 * (window -5..5) 4.9-8.0 ms, an egg crate {@code sin(8*x)*cos(8*y) + 0.01*(x^2 + y^2)} (about
 * 460 critical points in the window, 32 kept) 9-20 ms. The first call in a fresh JVM took
 * 9-260 ms (the JIT has not compiled the evaluators yet) and single warm runs under load
 * reached 170 ms: more than a UI frame, so a UI should call it off its thread, e.g. right
 * after building a typed surface.
 */
public final class CriticalPointSearch {

    /** Grid points per axis for the seeds. */
    public static final int GRID = 48;
    /** The most points returned. */
    public static final int MAX_POINTS = 32;
    /** Converged when |grad f| <= this x the largest finite |grad f| on the grid. */
    public static final double GRADIENT_TOLERANCE = 1e-9;
    /** Points closer than this fraction of the window's larger side are the same point. */
    public static final double MERGE_FRACTION = 1e-6;

    private static final int MAX_ITERATIONS = 100;
    /** Step of the central differences that seed the search, as a fraction of the window. */
    private static final double FD_FRACTION = 1e-5;
    private static final int CIRCLE_SAMPLES = 16;
    private static final double CIRCLE_FRACTION = 1e-3;
    /** An eigenvalue is zero when below this x the largest |Hessian entry| on the grid. */
    private static final double EIGEN_TOLERANCE = 1e-7;

    private final Surface surface;
    private final ViewWindow window;
    private final double[] g = new double[2];
    private final double[] h = new double[3];
    private double gradientScale;
    private double hessianScale;

    private CriticalPointSearch(Surface surface, ViewWindow window) {
        this.surface = surface;
        this.window = window;
    }

    /** The critical points of {@code surface} found inside {@code window}, classified; may be empty. */
    public static List<CriticalPoint> find(Surface surface, ViewWindow window) {
        return new CriticalPointSearch(surface, window).run();
    }

    private List<CriticalPoint> run() {
        List<double[]> seeds = seeds();
        List<double[]> found = new ArrayList<>(); // x, y, f, kind ordinal
        double merge = MERGE_FRACTION * Math.max(window.width(), window.height());
        for (double[] seed : seeds) {
            double[] p = refine(seed[0], seed[1]);
            if (p == null) {
                continue;
            }
            boolean known = false;
            for (double[] q : found) {
                known |= Math.hypot(q[0] - p[0], q[1] - p[1]) <= merge;
            }
            if (known) {
                continue;
            }
            Kind kind = classify(p[0], p[1]);
            if (kind != null) {
                found.add(new double[] {p[0], p[1], surface.value(p[0], p[1]), kind.ordinal()});
            }
        }
        return ranked(found);
    }

    /** Grid points where |grad f|^2 is a local minimum over their neighbours; sets the scales. */
    private List<double[]> seeds() {
        double[][] norm = new double[GRID][GRID];
        double[] xs = new double[GRID];
        double[] ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = window.xMin() + window.width() * i / (GRID - 1);
            ys[i] = window.yMin() + window.height() * i / (GRID - 1);
        }
        // central differences of the plain value for the seeds (about 25x cheaper than the exact
        // gradient of a typed surface); the refinement below uses the exact derivatives
        double hx = FD_FRACTION * window.width();
        double hy = FD_FRACTION * window.height();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double gx = (surface.value(xs[i] + hx, ys[j]) - surface.value(xs[i] - hx, ys[j])) / (2 * hx);
                double gy = (surface.value(xs[i], ys[j] + hy) - surface.value(xs[i], ys[j] - hy)) / (2 * hy);
                double n = Math.hypot(gx, gy); // |grad f|, whose local minima are those of |grad f|^2
                norm[i][j] = Double.isFinite(n) ? n : Double.POSITIVE_INFINITY;
                if (Double.isFinite(n)) {
                    gradientScale = Math.max(gradientScale, n);
                }
                if (i % 4 == 0 && j % 4 == 0) { // the curvature's scale from a coarser grid
                    surface.hessian(xs[i], ys[j], h);
                    double largest = Math.max(Math.abs(h[0]), Math.max(Math.abs(h[1]), Math.abs(h[2])));
                    if (Double.isFinite(largest)) {
                        hessianScale = Math.max(hessianScale, largest);
                    }
                }
            }
        }
        List<double[]> seeds = new ArrayList<>();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                if (norm[i][j] != Double.POSITIVE_INFINITY && isLocalMinimum(norm, i, j)) {
                    seeds.add(new double[] {xs[i], ys[j], norm[i][j]});
                }
            }
        }
        seeds.sort(Comparator.comparingDouble(s -> s[2]));
        return seeds;
    }

    private static boolean isLocalMinimum(double[][] norm, int i, int j) {
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                int a = i + di;
                int b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && b >= 0 && a < GRID && b < GRID && norm[a][b] < norm[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Damped Newton on grad f = 0 from (x, y), until no step lowers |g| or the step is below
     * rounding; the point if |g| is then within tolerance and it lies in the window, else null.
     */
    private double[] refine(double x, double y) {
        double size = Math.max(window.width(), window.height());
        surface.gradient(x, y, g);
        double norm = Math.hypot(g[0], g[1]);
        // H and g divided by the curvature's scale: H^2 stays finite for 1e300*(x^2 + y^2)
        double scale = hessianScale > 0 && Double.isFinite(hessianScale) ? hessianScale : 1;
        double lambda = 1e-12;
        for (int it = 0; it < MAX_ITERATIONS && Double.isFinite(norm) && norm > 0; it++) {
            surface.hessian(x, y, h);
            double gx = g[0];
            double gy = g[1];
            // (H^2 + lambda I) d = -H g, H = [a b; b c]
            double a = h[0] / scale;
            double b = h[1] / scale;
            double c = h[2] / scale;
            double hgx = (a * gx + b * gy) / scale;
            double hgy = (b * gx + c * gy) / scale;
            double m00 = a * a + b * b;
            double m01 = a * b + b * c;
            double m11 = b * b + c * c;
            double step = Double.NaN;
            for (int attempt = 0; attempt < 40 && Double.isNaN(step); attempt++) {
                double p00 = m00 + lambda;
                double p11 = m11 + lambda;
                double det = p00 * p11 - m01 * m01;
                if (det > 0 && Double.isFinite(det)) {
                    double dx = -(p11 * hgx - m01 * hgy) / det;
                    double dy = -(p00 * hgy - m01 * hgx) / det;
                    surface.gradient(x + dx, y + dy, g);
                    double next = Math.hypot(g[0], g[1]);
                    if (Double.isFinite(next) && next < norm) {
                        x += dx;
                        y += dy;
                        norm = next;
                        lambda /= 10;
                        step = Math.hypot(dx, dy);
                        break;
                    }
                }
                lambda = Math.max(lambda * 10, Double.MIN_NORMAL);
            }
            if (Double.isNaN(step)) {
                g[0] = gx;
                g[1] = gy;
                break;
            }
            if (step <= 1e-15 * (Math.abs(x) + Math.abs(y) + size)
                    || Math.abs(x - (window.xMin() + window.xMax()) / 2) > size
                    || Math.abs(y - (window.yMin() + window.yMax()) / 2) > size) {
                break;
            }
        }
        double margin = 1e-9 * size;
        boolean inside = x >= window.xMin() - margin && x <= window.xMax() + margin
                && y >= window.yMin() - margin && y <= window.yMax() + margin;
        return norm <= tolerance() && inside && Double.isFinite(surface.value(x, y)) ? new double[] {x, y} : null;
    }

    private double tolerance() {
        return GRADIENT_TOLERANCE * (gradientScale > 0 ? gradientScale : 1);
    }

    /** Minimum (as LOCAL_MINIMUM), saddle or maximum; null for a flat region or an undefined Hessian. */
    private Kind classify(double x, double y) {
        surface.hessian(x, y, h);
        double mean = (h[0] + h[2]) / 2;
        double radius = Math.hypot((h[0] - h[2]) / 2, h[1]);
        double high = mean + radius;
        double low = mean - radius;
        if (!Double.isFinite(high) || !Double.isFinite(low)) {
            return null;
        }
        double zero = EIGEN_TOLERANCE * (hessianScale > 0 ? hessianScale : 1);
        if (Math.abs(high) > zero && Math.abs(low) > zero) {
            if (low > 0) {
                return Kind.LOCAL_MINIMUM;
            }
            return high < 0 ? Kind.MAXIMUM : Kind.SADDLE;
        }
        // the direction of the eigenvalue nearest zero: a line of critical points runs along it
        double flat = Math.abs(low) <= Math.abs(high) ? low : high;
        double vx = h[1];
        double vy = flat - h[0];
        if (Math.hypot(vx, vy) == 0) {
            vx = flat - h[2];
            vy = h[1];
        }
        if (Math.hypot(vx, vy) == 0) {
            vx = 1;
            vy = 0;
        }
        double r = CIRCLE_FRACTION * Math.max(window.width(), window.height()) / Math.hypot(vx, vy);
        if (gradientNorm(x + r * vx, y + r * vy) <= tolerance() && gradientNorm(x - r * vx, y - r * vy) <= tolerance()) {
            return null;
        }
        return classifyByNeighbours(x, y, vx * r, vy * r);
    }

    private double gradientNorm(double x, double y) {
        surface.gradient(x, y, g);
        double n = Math.hypot(g[0], g[1]);
        return Double.isFinite(n) ? n : Double.POSITIVE_INFINITY;
    }

    /**
     * Compares f at (x, y) with f on a small circle around it and at +-(dx, dy) along the flat
     * direction (where the second-order term vanishes, a cubic one such as y^3 in x^2 + y^3 decides).
     */
    private Kind classifyByNeighbours(double x, double y, double dx, double dy) {
        double f0 = surface.value(x, y);
        double r = CIRCLE_FRACTION * Math.max(window.width(), window.height());
        double tie = 1e-12 * Math.max(1, Math.abs(f0));
        boolean above = false;
        boolean below = false;
        for (int k = 0; k < CIRCLE_SAMPLES + 2; k++) {
            double px;
            double py;
            if (k < CIRCLE_SAMPLES) {
                double t = 2 * Math.PI * (k + 0.5) / CIRCLE_SAMPLES;
                px = x + r * Math.cos(t);
                py = y + r * Math.sin(t);
            } else {
                double sign = k == CIRCLE_SAMPLES ? 1 : -1;
                px = x + sign * dx;
                py = y + sign * dy;
            }
            double f = surface.value(px, py);
            if (!Double.isFinite(f)) {
                return null;
            }
            above |= f > f0 + tie;
            below |= f < f0 - tie;
        }
        if (above && below) {
            return Kind.SADDLE;
        }
        if (above) {
            return Kind.LOCAL_MINIMUM;
        }
        return below ? Kind.MAXIMUM : null;
    }

    /** Minima by f (the lowest global), saddles, maxima; at most {@link #MAX_POINTS}. */
    private static List<CriticalPoint> ranked(List<double[]> found) {
        found.sort(Comparator.<double[]>comparingDouble(p -> rank((int) p[3])).thenComparingDouble(p -> p[2]));
        double lowest = Double.NaN;
        List<CriticalPoint> out = new ArrayList<>();
        for (double[] p : found) {
            if (out.size() == MAX_POINTS) {
                break;
            }
            Kind kind = Kind.values()[(int) p[3]];
            if (kind == Kind.LOCAL_MINIMUM) {
                if (Double.isNaN(lowest)) {
                    lowest = p[2];
                }
                if (p[2] - lowest <= 1e-9 * Math.max(1, Math.abs(lowest))) {
                    kind = Kind.GLOBAL_MINIMUM;
                }
            }
            out.add(new CriticalPoint(p[0], p[1], kind));
        }
        return List.copyOf(out);
    }

    private static int rank(int kind) {
        return kind == Kind.LOCAL_MINIMUM.ordinal() ? 0 : kind == Kind.SADDLE.ordinal() ? 1 : 2;
    }
}
