package dev.descent.ui.problem;

import dev.descent.core.config.HyperParameter;

/**
 * One slider of a catalogue surface.
 *
 * @param meta  the parameter's metadata
 * @param range slider bounds
 * @param value the current value
 */
public record SurfaceParameter(HyperParameter meta, RangeText range, double value) {

    public String name() {
        return meta.name();
    }

    public SurfaceParameter withValue(double v) {
        return new SurfaceParameter(meta, range, v);
    }
}
