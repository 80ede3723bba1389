package dev.descent.ui.export;

import dev.descent.core.config.ConfigException;

/**
 * How a figure is rendered.
 *
 * @param kind  map, curves or both side by side
 * @param scale pixels per layout unit, an integer in [1, {@value #MAX_SCALE}] (1x, 2x, 4x for
 *              print); the layout is the same at every scale, only sharper
 * @param logY  loss curves on a log axis
 */
public record FigureOptions(FigureKind kind, int scale, boolean logY) {
    public static final int MAX_SCALE = 4;

    public FigureOptions {
        if (kind == null) {
            throw new ConfigException("what must be one of map, curves, both, was null");
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new ConfigException("scale must be in [1, " + MAX_SCALE + "], was " + scale);
        }
    }

    public FigureOptions withKind(FigureKind k) {
        return new FigureOptions(k, scale, logY);
    }

    public FigureOptions withScale(int s) {
        return new FigureOptions(kind, s, logY);
    }
}
