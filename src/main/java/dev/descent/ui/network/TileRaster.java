package dev.descent.ui.network;

/**
 * Rasterises one decision-boundary tile into ARGB pixels in plain Java: the class map
 * bilinearly interpolated from its grid colours, then the points stamped on top (training as
 * filled discs with a light rim, validation as rings). One {@code drawImage} per tile instead of
 * thousands of canvas calls keeps the frame cheap under the software renderer.
 */
final class TileRaster {
    private TileRaster() {
    }

    /**
     * @param cells  grid colours (ARGB), {@code g x g}, row-major from the top-left
     * @param size   tile side in pixels
     * @return ARGB pixels, {@code size x size}
     */
    static int[] background(int[] cells, int g, int size) {
        int[] px = new int[size * size];
        for (int y = 0; y < size; y++) {
            double gy = (y + 0.5) / size * g - 0.5;
            int y0 = clamp((int) Math.floor(gy), g);
            int y1 = clamp(y0 + 1, g);
            double fy = Math.max(0, Math.min(1, gy - y0));
            for (int x = 0; x < size; x++) {
                double gx = (x + 0.5) / size * g - 0.5;
                int x0 = clamp((int) Math.floor(gx), g);
                int x1 = clamp(x0 + 1, g);
                double fx = Math.max(0, Math.min(1, gx - x0));
                px[y * size + x] = mix(mix(cells[y0 * g + x0], cells[y0 * g + x1], fx),
                        mix(cells[y1 * g + x0], cells[y1 * g + x1], fx), fy);
            }
        }
        return px;
    }

    /** Stamps a disc (filled) or a ring of radius r at (cx, cy). Modifies {@code px}. */
    static void stamp(int[] px, int size, double cx, double cy, double r, int argb, boolean filled) {
        int xa = Math.max(0, (int) Math.floor(cx - r - 1));
        int xb = Math.min(size - 1, (int) Math.ceil(cx + r + 1));
        int ya = Math.max(0, (int) Math.floor(cy - r - 1));
        int yb = Math.min(size - 1, (int) Math.ceil(cy + r + 1));
        int rim = 0xFFFFFFFF;
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                if (filled) {
                    if (d <= r - 0.8) {
                        px[y * size + x] = argb;
                    } else if (d <= r) {
                        px[y * size + x] = rim;
                    }
                } else if (d <= r + 0.9 && d >= r - 0.9) {
                    px[y * size + x] = argb;
                }
            }
        }
    }

    private static int clamp(int i, int g) {
        return Math.max(0, Math.min(g - 1, i));
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int gr = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return 0xFF000000 | (r << 16) | (gr << 8) | bl;
    }

    static int argb(javafx.scene.paint.Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
