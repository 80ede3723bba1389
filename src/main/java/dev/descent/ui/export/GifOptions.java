package dev.descent.ui.export;

import dev.descent.core.config.ConfigException;

/**
 * How a race becomes an animation.
 *
 * @param maxFrames         the frame cap, in [2, {@value #MAX_FRAMES}]; frames are spread evenly over the steps
 * @param delayCentiseconds time per frame in 1/100 s, in [2, 500] (browsers treat 0 and 1 as 10)
 * @param holdCentiseconds  how long the last frame stays before the loop restarts, in [2, 1000]
 */
public record GifOptions(int maxFrames, int delayCentiseconds, int holdCentiseconds) {
    public static final int MAX_FRAMES = 600;
    /** 120 frames, 8/100 s each (about 10 s), the last held 2 s. */
    public static final GifOptions DEFAULT = new GifOptions(120, 8, 200);

    public GifOptions {
        if (maxFrames < 2 || maxFrames > MAX_FRAMES) {
            throw new ConfigException("frames must be in [2, " + MAX_FRAMES + "], was " + maxFrames);
        }
        if (delayCentiseconds < 2 || delayCentiseconds > 500) {
            throw new ConfigException("delay must be in [2, 500] centiseconds, was " + delayCentiseconds);
        }
        if (holdCentiseconds < 2 || holdCentiseconds > 1000) {
            throw new ConfigException("hold must be in [2, 1000] centiseconds, was " + holdCentiseconds);
        }
    }

    /**
     * The steps at which frames are taken for a race of {@code steps} steps: 0, then evenly
     * spaced, the last one {@code steps}; at most {@link #maxFrames()}, no repeats.
     */
    public long[] frameSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, was " + steps);
        }
        int n = (int) Math.min(maxFrames, steps + 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? 0 : Math.round(i * (double) steps / (n - 1));
        }
        return out;
    }
}
