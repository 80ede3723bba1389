package dev.descent.core.surface;

/**
 * A point where the gradient vanishes.
 *
 * @param x     position
 * @param y     position
 * @param kind  minimum (global or local), saddle or maximum
 */
public record CriticalPoint(double x, double y, Kind kind) {

    public enum Kind { GLOBAL_MINIMUM, LOCAL_MINIMUM, SADDLE, MAXIMUM }
}
