package dev.descent.core.surface;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Optional;

/**
 * Curvature facts of a quadratic surface f = 1/2 p^T H p + b^T p + c, whose Hessian H is
 * the same everywhere: eigenvalues (Commons Math {@link EigenDecomposition}), condition
 * number and the learning-rate limits under which gradient descent converges along every
 * direction of positive curvature:
 * <pre>
 *   gradient descent:        lr * lambda_max < 2
 *   heavy-ball momentum beta: lr * lambda_max < 2 + 2*beta
 * </pre>
 * (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017). A direction with negative
 * curvature (a saddle) grows for every lr > 0.
 *
 * @param lambdaMin the smaller Hessian eigenvalue
 * @param lambdaMax the larger Hessian eigenvalue
 */
public record QuadraticAnalysis(double lambdaMin, double lambdaMax) {

    public QuadraticAnalysis {
        if (!(lambdaMin <= lambdaMax)) {
            throw new IllegalArgumentException("lambdaMin must be <= lambdaMax, was " + lambdaMin + " > " + lambdaMax);
        }
    }

    /** Eigenvalues of the symmetric Hessian {@code [[hxx, hxy], [hxy, hyy]]}. */
    public static QuadraticAnalysis ofHessian(double hxx, double hxy, double hyy) {
        EigenDecomposition e = new EigenDecomposition(
                new Array2DRowRealMatrix(new double[][] {{hxx, hxy}, {hxy, hyy}}));
        double[] ev = e.getRealEigenvalues();
        return new QuadraticAnalysis(Math.min(ev[0], ev[1]), Math.max(ev[0], ev[1]));
    }

    /**
     * The analysis when {@code surface} is quadratic, i.e. its Hessian is the same (to 1e-9
     * relative) at the centre and corners of its window; empty otherwise.
     */
    public static Optional<QuadraticAnalysis> of(Surface surface) {
        ViewWindow w = surface.window();
        double[][] points = {
            {(w.xMin() + w.xMax()) / 2, (w.yMin() + w.yMax()) / 2},
            {w.xMin(), w.yMin()}, {w.xMax(), w.yMax()}, {w.xMin(), w.yMax()}, {w.xMax(), w.yMin()},
            {w.xMin() + 0.37 * w.width(), w.yMin() + 0.71 * w.height()}};
        double[] first = new double[3];
        double[] h = new double[3];
        surface.hessian(points[0][0], points[0][1], first);
        double size = Math.abs(first[0]) + Math.abs(first[1]) + Math.abs(first[2]);
        if (!(size > 0) || !Double.isFinite(size)) {
            return Optional.empty();
        }
        for (double[] p : points) {
            surface.hessian(p[0], p[1], h);
            for (int i = 0; i < 3; i++) {
                if (!(Math.abs(h[i] - first[i]) <= 1e-9 * size)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(ofHessian(first[0], first[1], first[2]));
    }

    /** lambda_max / lambda_min when both are positive, else infinity (not positive definite). */
    public double conditionNumber() {
        return lambdaMin > 0 ? lambdaMax / lambdaMin : Double.POSITIVE_INFINITY;
    }

    /** The largest stable learning rate for momentum {@code beta} (0 = plain GD): (2 + 2 beta) / lambda_max. */
    public double lrLimit(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), was " + beta);
        }
        return lambdaMax > 0 ? (2 + 2 * beta) / lambdaMax : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code lr} with momentum {@code beta} converges along every positive-curvature direction. */
    public boolean stable(double lr, double beta) {
        return lr < lrLimit(beta);
    }

    /** True when some direction has negative curvature, where every lr > 0 moves away. */
    public boolean hasNegativeCurvature() {
        return lambdaMin < 0;
    }
}
