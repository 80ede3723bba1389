package dev.descent.ui.problem;

import dev.descent.core.config.HyperParameter;

/**
 * One slider of a catalogue surface.
 *
 * @param meta  the parameter's metadata
 * @param range slider bounds, stretched to reach {@code value} when it lies outside them (a
 *              preset may set a value past the bounds made from the default)
 * @param value the current value
 */
public record SurfaceParameter(HyperParameter meta, RangeText range, double value) {

    public SurfaceParameter {
        range = range.including(value);
    }

    public String name() {
        return meta.name();
    }

    public SurfaceParameter withValue(double v) {
        return new SurfaceParameter(meta, range, v);
    }
}
