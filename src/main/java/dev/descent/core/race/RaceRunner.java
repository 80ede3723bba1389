package dev.descent.core.race;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Owns the one engine thread that steps a {@link Steppable} race. Commands (play, pause,
 * step, reset, speed, load, close) may come from any thread and take effect within a few
 * milliseconds; the newest {@link RaceSnapshot} is published through a volatile reference that
 * a view reads once per animation frame with {@link #snapshot()}.
 *
 * <p>Pacing: while playing, the engine aims at {@code stepsPerSecond} steps per wall-clock
 * second, stepping in slices of at most {@link #SLICE_NANOS} and publishing after each. If the
 * model cannot keep up it runs as fast as it can without trying to catch up later. When paused
 * (or ahead of time) the thread waits on a condition: it burns no core.
 *
 * <p>The model is touched by the engine thread only (after {@link #start} hands it over).
 * A race whose construction touches a compute backend is built there too
 * ({@link #loadBuilt}), so one thread does all the backend work of a runner's races, and
 * {@link #close(Consumer)} frees them there after the last step.
 * A runtime exception from the model pauses the runner and is reported in
 * {@link RaceSnapshot#failure()}.
 */
public final class RaceRunner implements AutoCloseable {
    /** Lowest playback speed. */
    public static final double MIN_STEPS_PER_SECOND = 1;
    /** Highest playback speed. */
    public static final double MAX_STEPS_PER_SECOND = 100_000;
    /** Longest run of steps between two looks at the commands, in nanoseconds (8 ms). */
    public static final long SLICE_NANOS = 8_000_000L;
    /** Longest wait between two publications while playing slowly, in nanoseconds. */
    private static final long MAX_WAIT_NANOS = 50_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition commandArrived = lock.newCondition();
    private final Condition snapshotPublished = lock.newCondition();
    private final Thread thread;

    // guarded by lock
    private boolean playing;
    private boolean closed;
    private int pendingSteps;
    private boolean resetRequested;
    private Steppable pendingModel;
    private double stepsPerSecond;
    private long commandCount;
    private String failure;
    private long version;
    private final ArrayDeque<EngineJob<?>> jobs = new ArrayDeque<>();

    // engine thread only
    private Steppable model;
    private long paceStartNanos;
    private long pacedSteps;
    private long stepsTaken;
    private double pacedRate;

    private volatile RaceSnapshot snapshot;

    private RaceRunner(Steppable model, double stepsPerSecond) {
        this.model = model;
        this.stepsPerSecond = checkSpeed(stepsPerSecond);
        this.snapshot = model.snapshot().withRunState(false, stepsPerSecond, null, 0);
        this.thread = new Thread(this::engineLoop, "descent-engine");
        this.thread.setDaemon(true);
    }

    /**
     * Starts a paused runner on its own engine thread.
     *
     * @param model          the race; from now on only the engine thread touches it
     * @param stepsPerSecond the playback speed, in [1, 100000]
     */
    public static RaceRunner start(Steppable model, double stepsPerSecond) {
        RaceRunner runner = new RaceRunner(model, stepsPerSecond);
        runner.thread.start();
        return runner;
    }

    // Commands

    /** Runs at the set speed until paused, finished or closed. */
    public void play() {
        command(() -> playing = true);
    }

    public void pause() {
        command(() -> playing = false);
    }

    /** Pauses and takes exactly one step. */
    public void stepOnce() {
        command(() -> {
            playing = false;
            pendingSteps++;
        });
    }

    /** Pauses and puts every racer back at the start. */
    public void reset() {
        command(() -> {
            playing = false;
            pendingSteps = 0;
            resetRequested = true;
        });
    }

    /** Pauses and replaces the race (for example after a racer was edited); the old one is dropped. */
    public void load(Steppable newModel) {
        if (newModel == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        command(() -> {
            playing = false;
            pendingSteps = 0;
            resetRequested = false;
            pendingModel = newModel;
        });
    }

    /**
     * Pauses, builds a new race on the engine thread between two steps and runs it in place of
     * the old one; returns it once it is in place (its first snapshot published). The factory
     * gets the old race, which the engine no longer uses, so it may free it there. When the
     * factory throws, the old race stays (paused) and the exception is rethrown here.
     */
    public <T extends Steppable> T loadBuilt(Function<Steppable, T> factory) {
        return submit(new EngineJob<>(factory, true), () -> {
            playing = false;
            pendingSteps = 0;
            resetRequested = false;
            pendingModel = null;
        });
    }

    /**
     * Runs {@code job} on the engine thread between two steps, with the current race, and waits
     * for its result (its exception is rethrown here). After {@link #close()} it runs on the
     * calling thread, as nothing else touches the race any more.
     */
    public <T> T callOnEngine(Function<Steppable, T> job) {
        return submit(new EngineJob<>(job, false), () -> { });
    }

    /** @param speed steps per second, in [1, 100000] */
    public void setStepsPerSecond(double speed) {
        checkSpeed(speed);
        command(() -> stepsPerSecond = speed);
    }

    /** Stops the engine thread and waits for it to end (after the step it may be in). */
    @Override
    public void close() {
        close(m -> { });
    }

    /**
     * Stops the engine thread after the step it may be in, runs {@code last} on it with the
     * final race (to free device memory on the thread that used it), and waits for the thread
     * to end. Jobs queued before run first.
     */
    public void close(Consumer<Steppable> last) {
        EngineJob<Void> job = new EngineJob<>(m -> {
            last.accept(m);
            return null;
        }, false);
        lock.lock();
        try {
            if (!closed && thread.isAlive()) {
                jobs.add(job);
            }
            closed = true;
            playing = false;
            commandCount++;
            commandArrived.signalAll();
        } finally {
            lock.unlock();
        }
        joinEngine();
        if (job.claim()) {
            // closed before, or the engine thread died (an Error) before it ran the job: nobody
            // else touches the model now
            last.accept(model);
        }
    }

    private void joinEngine() {
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // Queries

    /** The newest published picture of the race; never null. */
    public RaceSnapshot snapshot() {
        return snapshot;
    }

    /** True until {@link #close()} has stopped the engine thread. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** The engine thread, for tests that check it waits instead of spinning. */
    Thread engineThread() {
        return thread;
    }

    /**
     * Waits until a published snapshot satisfies {@code condition}, or the timeout passes.
     *
     * @return the first satisfying snapshot, or empty on timeout
     */
    public Optional<RaceSnapshot> awaitSnapshot(Predicate<RaceSnapshot> condition, Duration timeout)
            throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!condition.test(snapshot)) {
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = snapshotPublished.awaitNanos(remaining);
            }
            return Optional.of(snapshot);
        } finally {
            lock.unlock();
        }
    }

    /** A job for the engine thread and the result its caller waits for; run exactly once. */
    private static final class EngineJob<T> {
        final Function<Steppable, T> work;
        final boolean replacesModel;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicBoolean claimed = new AtomicBoolean();

        EngineJob(Function<Steppable, T> work, boolean replacesModel) {
            this.work = work;
            this.replacesModel = replacesModel;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }

    private <T> T submit(EngineJob<T> job, Runnable change) {
        if (Thread.currentThread() == thread) {
            job.claim();
            return runHere(job);
        }
        boolean queued = false;
        lock.lock();
        try {
            if (!closed && thread.isAlive()) {
                change.run();
                jobs.add(job);
                queued = true;
                commandCount++;
                commandArrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (!queued) {
            joinEngine();
            job.claim();
            return runHere(job);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.result.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!thread.isAlive() && job.claim()) {
                        return runHere(job);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a job on this thread (the engine thread, or any thread once the engine has ended). */
    @SuppressWarnings("unchecked")
    private <T> T runHere(EngineJob<T> job) {
        T out = job.work.apply(model);
        if (job.replacesModel) {
            model = (Steppable) out;
            lock.lock();
            try {
                failure = null;
            } finally {
                lock.unlock();
            }
            paceStartNanos = -1;
            publish();
        }
        return out;
    }

    /** Engine thread: runs the jobs taken from the queue, each completing its caller's future. */
    private void runJobs(List<EngineJob<?>> due) {
        for (EngineJob<?> job : due) {
            if (!job.claim()) {
                continue;
            }
            complete(job);
        }
    }

    private <T> void complete(EngineJob<T> job) {
        try {
            job.result.complete(runHere(job));
        } catch (RuntimeException e) {
            job.result.completeExceptionally(e);
        } catch (Error e) {
            job.result.completeExceptionally(e);
            throw e;
        }
    }

    private void command(Runnable change) {
        lock.lock();
        try {
            change.run();
            commandCount++;
            commandArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static double checkSpeed(double speed) {
        if (!(speed >= MIN_STEPS_PER_SECOND && speed <= MAX_STEPS_PER_SECOND)) {
            throw new IllegalArgumentException("stepsPerSecond must be in [1, 100000], was " + speed);
        }
        return speed;
    }

    // Engine thread

    private void engineLoop() {
        long seenCommands = -1;
        while (true) {
            Steppable newModel;
            boolean doReset;
            int steps;
            boolean play;
            double speed;
            boolean changed = false;
            List<EngineJob<?>> due;
            boolean exit;
            lock.lock();
            try {
                // a command that only changes state (pause, speed) still wakes the engine to publish it
                while (!closed && !playing && pendingSteps == 0 && !resetRequested && pendingModel == null
                        && jobs.isEmpty() && commandCount == seenCommands) {
                    commandArrived.awaitUninterruptibly();
                }
                due = new ArrayList<>(jobs);
                jobs.clear();
                exit = closed;
            } finally {
                lock.unlock();
            }
            runJobs(due);
            if (exit) {
                return;
            }
            lock.lock();
            try {
                newModel = pendingModel;
                pendingModel = null;
                doReset = resetRequested;
                resetRequested = false;
                steps = pendingSteps;
                pendingSteps = 0;
                play = playing;
                speed = stepsPerSecond;
                if (commandCount != seenCommands || newModel != null || doReset) {
                    paceStartNanos = -1;
                    seenCommands = commandCount;
                    changed = true;
                }
                if (newModel != null || doReset) {
                    failure = null;
                }
            } finally {
                lock.unlock();
            }
            try {
                if (newModel != null) {
                    model = newModel;
                }
                if (doReset) {
                    model.reset();
                }
                boolean more = true;
                for (int i = 0; i < steps && more; i++) {
                    more = model.step();
                    changed = true;
                }
                if (play && more) {
                    long before = stepsTaken;
                    more = playSlice(speed);
                    changed |= stepsTaken != before;
                }
                if (!more) {
                    setPlaying(false);
                    changed = true;
                }
            } catch (RuntimeException e) {
                lock.lock();
                try {
                    failure = "engine failure: " + e;
                    playing = false;
                } finally {
                    lock.unlock();
                }
                changed = true;
            }
            if (changed) {
                publish();
            }
            if (play) {
                waitForNextStep(seenCommands);
            }
        }
    }

    /** Takes the steps due at this speed, for at most one slice; false when the model finished. */
    private boolean playSlice(double speed) {
        long now = System.nanoTime();
        if (paceStartNanos < 0 || pacedRate != speed) {
            paceStartNanos = now;
            pacedSteps = 0;
            pacedRate = speed;
        }
        long due = (long) Math.floor((now - paceStartNanos) * speed / 1e9) + 1 - pacedSteps;
        long maxBacklog = (long) Math.ceil(speed / 4);
        if (due > maxBacklog + 1) {
            // far behind (a slow model): keep at most a quarter second of backlog, never race to catch up
            paceStartNanos = now - (long) (maxBacklog * 1e9 / speed);
            pacedSteps = 0;
            due = maxBacklog + 1;
        }
        long sliceEnd = now + SLICE_NANOS;
        for (long i = 0; i < due; i++) {
            boolean more = model.step();
            pacedSteps++;
            stepsTaken++;
            if (!more) {
                return false;
            }
            if (System.nanoTime() > sliceEnd) {
                break;
            }
        }
        return true;
    }

    /** While playing ahead of time: sleeps on the command condition until the next step is due. */
    private void waitForNextStep(long seenCommands) {
        if (paceStartNanos < 0) {
            return;
        }
        long nextDue = paceStartNanos + (long) Math.ceil(pacedSteps * 1e9 / pacedRate);
        long wait = Math.min(MAX_WAIT_NANOS, nextDue - System.nanoTime());
        if (wait <= 0) {
            return;
        }
        lock.lock();
        try {
            if (commandCount == seenCommands && !closed) {
                commandArrived.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            // nobody but close() should stop this thread; an interrupt ends it as close() would
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private void setPlaying(boolean value) {
        lock.lock();
        try {
            playing = value;
        } finally {
            lock.unlock();
        }
    }

    private void publish() {
        RaceSnapshot fresh;
        try {
            fresh = model.snapshot();
        } catch (RuntimeException e) {
            fresh = snapshot;
            lock.lock();
            try {
                failure = "engine failure: " + e;
                playing = false;
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            version++;
            snapshot = fresh.withRunState(playing, stepsPerSecond, failure, version);
            snapshotPublished.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
