package dev.descent.ui.main;

/** Counts animation frames per second from the timer's nanosecond timestamps. */
final class FrameClock {
    private long windowStart;
    private int frames;
    private double fps;

    void tick(long now) {
        if (windowStart == 0) {
            windowStart = now;
        }
        frames++;
        long elapsed = now - windowStart;
        if (elapsed >= 1_000_000_000L) {
            fps = frames * 1e9 / elapsed;
            frames = 0;
            windowStart = now;
        }
    }

    double framesPerSecond() {
        return fps;
    }
}
