package dev.descent.ui.map;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib 2.0): perceptually uniform and
 * readable in grey scale and by colour-blind viewers. Nine stops of the published table,
 * linearly interpolated, packed as opaque ARGB.
 */
public final class ColorMap {
    private static final int[] STOPS = {
        0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725};
    private static final int SIZE = 256;
    private static final int[] TABLE = build();

    private ColorMap() {
    }

    /** The ARGB colour at {@code t} in [0, 1] (clamped; NaN gives the first colour). */
    public static int argb(double t) {
        if (!(t > 0)) {
            return TABLE[0];
        }
        if (t >= 1) {
            return TABLE[SIZE - 1];
        }
        return TABLE[(int) (t * (SIZE - 1) + 0.5)];
    }

    private static int[] build() {
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double pos = i / (double) (SIZE - 1) * (STOPS.length - 1);
            int k = Math.min((int) pos, STOPS.length - 2);
            double f = pos - k;
            int a = STOPS[k];
            int b = STOPS[k + 1];
            int r = mix(a >> 16 & 0xff, b >> 16 & 0xff, f);
            int g = mix(a >> 8 & 0xff, b >> 8 & 0xff, f);
            int bl = mix(a & 0xff, b & 0xff, f);
            table[i] = 0xff000000 | r << 16 | g << 8 | bl;
        }
        return table;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
