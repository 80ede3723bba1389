package dev.descent.core.surface;

/** Numbers as a reader writes them in names and formulas: "100", "0.5", "1.0E-4". */
final class SurfaceText {

    private SurfaceText() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
