package dev.descent.ui.network;

/**
 * Pixel helpers for the decision-boundary tiles, in plain Java: the points are stamped into one
 * ARGB array (training as filled discs with a light rim, validation as rings) that becomes a
 * single image, instead of thousands of canvas calls that the software renderer would
 * rasterise one by one.
 */
final class TileRaster {
    private static final int RIM = 0xFFFFFFFF;

    private TileRaster() {
    }

    /**
     * Stamps a disc (filled, with a white rim) or a ring of radius r centred at (cx, cy) into a
     * w x h row-major image. Modifies {@code px}; pixels outside the image are skipped.
     */
    static void stamp(int[] px, int w, int h, double cx, double cy, double r, int argb, boolean filled) {
        int xa = Math.max(0, (int) Math.floor(cx - r - 1));
        int xb = Math.min(w - 1, (int) Math.ceil(cx + r + 1));
        int ya = Math.max(0, (int) Math.floor(cy - r - 1));
        int yb = Math.min(h - 1, (int) Math.ceil(cy + r + 1));
        // squared radii of the disc's core, its rim and the ring's inner and outer edge
        double core = r > 0.8 ? (r - 0.8) * (r - 0.8) : 0;
        double disc = r * r;
        double inner = r > 0.9 ? (r - 0.9) * (r - 0.9) : 0;
        double outer = (r + 0.9) * (r + 0.9);
        for (int y = ya; y <= yb; y++) {
            double dy = y + 0.5 - cy;
            for (int x = xa; x <= xb; x++) {
                double dx = x + 0.5 - cx;
                double d2 = dx * dx + dy * dy;
                if (filled) {
                    if (d2 <= core) {
                        px[y * w + x] = argb;
                    } else if (d2 <= disc) {
                        px[y * w + x] = RIM;
                    }
                } else if (d2 <= outer && d2 >= inner) {
                    px[y * w + x] = argb;
                }
            }
        }
    }

    static int argb(javafx.scene.paint.Color c) {
        return rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Opaque ARGB from components in [0, 1]. */
    static int rgb(double r, double g, double b) {
        return 0xFF000000 | (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
