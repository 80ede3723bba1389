package dev.descent.ui.problem;

/** A surface parameter written as a spec value: "100" rather than "100.0", full precision otherwise. */
final class SurfaceParameterText {
    private SurfaceParameterText() {
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
