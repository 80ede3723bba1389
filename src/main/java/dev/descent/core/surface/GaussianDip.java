package dev.descent.core.surface;

/**
 * One Gaussian dip {@code -depth * exp(-((x - cx)^2 + (y - cy)^2) / s)} and its derivatives:
 * <pre>
 *   E = exp(-q/s),  d/dx = depth E 2dx/s,  d2/dx2 = -depth E (4dx^2/s^2 - 2/s),  d2/dxdy = -depth E 4 dx dy/s^2
 * </pre>
 */
record GaussianDip(double cx, double cy, double depth, double s) {

    double value(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        return -depth * Math.exp(-(dx * dx + dy * dy) / s);
    }

    /** Adds this dip's gradient to {@code out}. Modified. */
    void addGradient(double x, double y, double[] out) {
        double dx = x - cx;
        double dy = y - cy;
        double e = depth * Math.exp(-(dx * dx + dy * dy) / s);
        out[0] += e * 2 * dx / s;
        out[1] += e * 2 * dy / s;
    }

    /** Adds this dip's Hessian (xx, xy, yy) to {@code out}. Modified. */
    void addHessian(double x, double y, double[] out) {
        double dx = x - cx;
        double dy = y - cy;
        double e = depth * Math.exp(-(dx * dx + dy * dy) / s);
        out[0] -= e * (4 * dx * dx / (s * s) - 2 / s);
        out[1] -= e * 4 * dx * dy / (s * s);
        out[2] -= e * (4 * dy * dy / (s * s) - 2 / s);
    }
}
