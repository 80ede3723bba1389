package dev.descent.core.compute;

/**
 * The error function in double, accurate to about 1e-15 relative (enough for float kernels).
 * Uses the series {@code erf x = 2/sqrt(pi) sum_n (-1)^n x^(2n+1) / (n! (2n+1))} for |x| < 2.5
 * and the continued fraction of erfc (Abramowitz and Stegun 7.1.14) beyond; GELU needs it.
 */
final class Erf {

    private Erf() {
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax >= 6) {
            return Math.signum(x);
        }
        if (ax < 2.5) {
            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int n = 1; n < 80; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return 2 / Math.sqrt(Math.PI) * sum;
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double f = ax;
        for (int k = 60; k >= 1; k--) {
            f = ax + (k / 2.0) / f;
        }
        double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        return Math.signum(x) * (1 - erfc);
    }
}
