package dev.descent.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The app's race engine until {@code core.race.RaceRunner} is merged: ONE engine thread
 * steps all racers in lock-step and publishes an immutable {@link RaceFrame} through a
 * volatile reference; the UI reads it once per animation frame. Commands only set flags
 * and signal, so they answer within one frame; a paused engine waits on a condition and
 * burns no CPU.
 */
public final class LocalRaceEngine implements AutoCloseable {
    /** Most steps taken between two publications, so a frame is never starved. */
    private static final int MAX_BATCH = 20_000;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(8);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final LongSupplier clock;
    private final Thread thread;

    private volatile RaceFrame frame = RaceFrame.EMPTY;

    // guarded by lock
    private RaceSetup pendingSetup;
    private boolean playing;
    private int pendingSteps;
    private boolean closed;
    private double stepsPerSecond = 60;

    // engine thread only
    private List<RacerRun> runs = List.of();
    private int steps;
    private double owed;
    private long lastNanos;
    private final long[] recent = new long[2];
    private double measured;

    /**
     * @param clock nanosecond clock ({@code System::nanoTime} in the app)
     */
    public LocalRaceEngine(LongSupplier clock) {
        this.clock = clock;
        this.thread = new Thread(this::loop, "descent-engine");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The newest picture; safe from any thread. */
    public RaceFrame frame() {
        return frame;
    }

    /** Starts over from {@code setup} (paused state is kept). Configs are copied now. */
    public void reset(RaceSetup setup) {
        command(() -> pendingSetup = setup);
    }

    public void play() {
        command(() -> playing = true);
    }

    public void pause() {
        command(() -> playing = false);
    }

    /** One lock-step; pauses first. */
    public void stepOnce() {
        command(() -> {
            playing = false;
            pendingSteps++;
        });
    }

    /** @param value steps per second, clamped to [1, 100000] */
    public void setStepsPerSecond(double value) {
        command(() -> stepsPerSecond = Math.max(1, Math.min(100_000, value)));
    }

    @Override
    public void close() {
        command(() -> closed = true);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void command(Runnable change) {
        lock.lock();
        try {
            change.run();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            RaceSetup setup;
            boolean play;
            int single;
            double rate;
            lock.lock();
            try {
                while (!closed && pendingSetup == null && !playing && pendingSteps == 0) {
                    wake.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                setup = pendingSetup;
                pendingSetup = null;
                play = playing;
                single = pendingSteps;
                pendingSteps = 0;
                rate = stepsPerSecond;
            } finally {
                lock.unlock();
            }
            if (setup != null) {
                start(setup);
            }
            long now = clock.getAsLong();
            int todo = single;
            if (play) {
                if (lastNanos == 0) {
                    lastNanos = now;
                }
                owed = Math.min(owed + rate * (now - lastNanos) / 1e9, MAX_BATCH);
                todo += (int) owed;
                owed -= (int) owed;
            }
            lastNanos = play ? now : 0;
            for (int i = 0; i < todo; i++) {
                stepAll();
            }
            measure(now, todo);
            publish(play);
            if (play) {
                idle(now);
            }
        }
    }

    private void start(RaceSetup setup) {
        List<RacerRun> fresh = new ArrayList<>();
        for (RacerSetup r : setup.racers()) {
            if (r.enabled()) {
                fresh.add(new RacerRun(r, setup.surface(), setup.x0(), setup.y0()));
            }
        }
        runs = fresh;
        steps = 0;
        owed = 0;
    }

    private void stepAll() {
        boolean any = false;
        for (RacerRun run : runs) {
            if (run.active()) {
                run.step();
                any = true;
            }
        }
        if (any) {
            steps++;
        }
    }

    private void measure(long now, int todo) {
        if (now - recent[0] > 1_000_000_000L) {
            measured = recent[1] * 1e9 / Math.max(1, now - recent[0]);
            recent[0] = now;
            recent[1] = 0;
        }
        recent[1] += todo;
    }

    private void publish(boolean play) {
        List<RacerTrail> trails = new ArrayList<>(runs.size());
        for (RacerRun run : runs) {
            trails.add(run.trail());
        }
        frame = new RaceFrame(trails, steps, play, play ? measured : 0);
    }

    /** Waits for the next tick or a command, whichever comes first. */
    private void idle(long since) {
        long wait = TICK_NANOS - (clock.getAsLong() - since);
        if (wait <= 0) {
            return;
        }
        lock.lock();
        try {
            if (pendingSetup == null && pendingSteps == 0 && playing && !closed) {
                wake.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
