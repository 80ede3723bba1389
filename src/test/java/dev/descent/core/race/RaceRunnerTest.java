package dev.descent.core.race;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RaceRunnerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private RaceRunner runner;

    @AfterEach
    void closeRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    private static SurfaceRace bowlRace(long maxSteps, String label) {
        return new SurfaceRace(TestSurfaces.bowl(), 1, 1,
                List.of(RacerConfig.of(label, "#1f77b4", "sgd lr=0.01")), new RaceOptions(1000, maxSteps));
    }

    private RaceSnapshot await(Predicate<RaceSnapshot> condition) throws InterruptedException {
        return runner.awaitSnapshot(condition, TIMEOUT)
                .orElseGet(() -> fail("no snapshot satisfied the condition; last: " + runner.snapshot()));
    }

    /** Waits for a condition on something other than the snapshot, yielding; never a fixed sleep. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.yield();
        }
    }

    @Test
    void aNewRunnerIsPausedAtTheStartWithASnapshot() {
        runner = RaceRunner.start(bowlRace(100, "a"), 60);
        RaceSnapshot s = runner.snapshot();
        assertFalse(s.running());
        assertEquals(0, s.stepsRun());
        assertEquals(1, s.racers().get(0).trace().size());
        assertEquals(60, s.stepsPerSecond());
    }

    @Test
    void stepOnceTakesExactlyOneStepAndStaysPaused() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(100, "a"), 60);
        runner.stepOnce();
        RaceSnapshot s = await(x -> x.stepsRun() == 1);
        assertFalse(s.running());
        runner.stepOnce();
        runner.stepOnce();
        s = await(x -> x.stepsRun() == 3);
        assertEquals(4, s.racers().get(0).trace().size());
        assertEquals(1 * Math.pow(1 - 0.02, 3), s.racers().get(0).trace().last("x"), 1e-15);
    }

    @Test
    void playRunsAndPauseStopsWithTheThreadWaitingNotSpinning() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(Long.MAX_VALUE, "a"), 100_000);
        runner.play();
        await(x -> x.running() && x.stepsRun() >= 200);
        runner.pause();
        RaceSnapshot paused = await(x -> !x.running());
        Thread engine = runner.engineThread();
        awaitTrue(() -> engine.getState() == Thread.State.WAITING, "the paused engine thread to wait");
        assertEquals(paused.stepsRun(), runner.snapshot().stepsRun(), "no step while paused");
        runner.stepOnce();
        RaceSnapshot after = await(x -> x.stepsRun() != paused.stepsRun());
        assertEquals(paused.stepsRun() + 1, after.stepsRun());
    }

    @Test
    void resetPutsEveryRacerBackAtTheStart() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(100, "a"), 60);
        runner.stepOnce();
        runner.stepOnce();
        await(x -> x.stepsRun() == 2);
        long version = runner.snapshot().version();
        runner.reset();
        RaceSnapshot s = await(x -> x.version() > version && x.stepsRun() == 0);
        assertEquals(1, s.racers().get(0).trace().size());
        assertEquals(1.0, s.racers().get(0).trace().last("x"));
    }

    @Test
    void aFinishedRaceStopsPlayingByItself() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(20, "a"), 100_000);
        runner.play();
        RaceSnapshot s = await(x -> x.finished() && !x.running());
        assertEquals(20, s.stepsRun());
        assertEquals(20, s.racers().get(0).stepsRun());
    }

    @Test
    void loadReplacesTheRace() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(100, "old"), 60);
        runner.load(bowlRace(100, "new"));
        RaceSnapshot s = await(x -> x.racers().get(0).label().equals("new"));
        assertEquals(0, s.stepsRun());
    }

    @Test
    void aFailingModelIsReportedAndPaused() throws InterruptedException {
        Steppable broken = new Steppable() {
            @Override
            public boolean step() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void reset() {
            }

            @Override
            public RaceSnapshot snapshot() {
                return RaceSnapshot.of(List.of(), 0, false);
            }
        };
        runner = RaceRunner.start(broken, 60);
        assertNull(runner.snapshot().failure());
        runner.play();
        RaceSnapshot s = await(x -> x.failure() != null);
        assertTrue(s.failure().contains("boom"), s.failure());
        await(x -> !x.running());
    }

    @Test
    void pauseIsAnsweredQuicklyEvenWhenTheModelCannotKeepUp() throws InterruptedException {
        // each step takes 1 ms of work, far slower than the 100,000 steps/s asked for
        Steppable slow = new Steppable() {
            private long steps;

            @Override
            public boolean step() {
                long until = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                steps++;
                return true;
            }

            @Override
            public void reset() {
                steps = 0;
            }

            @Override
            public RaceSnapshot snapshot() {
                return RaceSnapshot.of(List.of(), steps, false);
            }
        };
        runner = RaceRunner.start(slow, 100_000);
        runner.play();
        await(x -> x.stepsRun() >= 30);
        long asked = System.nanoTime();
        runner.pause();
        await(x -> !x.running());
        long answeredMillis = (System.nanoTime() - asked) / 1_000_000;
        // one slice is 8 ms of steps; 500 ms leaves room for a loaded machine but not for a backlog
        assertTrue(answeredMillis < 500, "pause took " + answeredMillis + " ms");
    }

    @Test
    void closeStopsTheEngineThread() {
        runner = RaceRunner.start(bowlRace(Long.MAX_VALUE, "a"), 100_000);
        runner.play();
        runner.close();
        assertFalse(runner.isAlive());
        runner.play();  // a command after close is harmless
        assertFalse(runner.isAlive());
    }

    @Test
    void speedOutsideOneToOneHundredThousandIsRefused() {
        runner = RaceRunner.start(bowlRace(10, "a"), 1);
        assertThrows(IllegalArgumentException.class, () -> runner.setStepsPerSecond(0.5));
        assertThrows(IllegalArgumentException.class, () -> runner.setStepsPerSecond(100_001));
        assertThrows(IllegalArgumentException.class, () -> runner.setStepsPerSecond(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RaceRunner.start(bowlRace(10, "a"), 0));
    }

    @Test
    void theSpeedIsPublished() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(10, "a"), 1);
        runner.setStepsPerSecond(250);
        runner.stepOnce();
        assertEquals(250, await(x -> x.stepsRun() == 1).stepsPerSecond());
    }

    @Test
    void loadBuiltBuildsTheRaceOnTheEngineThreadBetweenStepsAndHandsOverTheOld() throws InterruptedException {
        SurfaceRace first = bowlRace(Long.MAX_VALUE, "old");
        runner = RaceRunner.start(first, 100_000);
        runner.play();
        await(x -> x.stepsRun() > 10);
        String[] builtOn = new String[1];
        Steppable[] handedOver = new Steppable[1];
        SurfaceRace fresh = runner.loadBuilt(old -> {
            builtOn[0] = Thread.currentThread().getName();
            handedOver[0] = old;
            return bowlRace(100, "new");
        });
        assertEquals("descent-engine", builtOn[0]);
        assertTrue(handedOver[0] == first, "the factory gets the race it replaces");
        RaceSnapshot s = runner.snapshot();
        assertEquals("new", s.racers().get(0).label(), "in place (and published) when loadBuilt returns");
        assertEquals(0, s.stepsRun());
        assertFalse(s.running(), "paused");
        assertEquals(0, fresh.snapshot().stepsRun());
    }

    @Test
    void aFailingFactoryKeepsTheOldRaceAndRethrows() throws InterruptedException {
        runner = RaceRunner.start(bowlRace(100, "old"), 60);
        runner.stepOnce();
        await(x -> x.stepsRun() == 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.loadBuilt(old -> {
                    throw new IllegalArgumentException("bad racer");
                }));
        assertEquals("bad racer", e.getMessage());
        runner.stepOnce();
        RaceSnapshot s = await(x -> x.stepsRun() == 2);
        assertEquals("old", s.racers().get(0).label());
    }

    @Test
    void closeWaitsForTheStepInProgressThenFreesOnTheEngineThread() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stepping = new java.util.concurrent.atomic.AtomicBoolean();
        Steppable blocking = new Steppable() {
            @Override
            public boolean step() {
                stepping.set(true);
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stepping.set(false);
                return true;
            }

            @Override
            public void reset() {
            }

            @Override
            public RaceSnapshot snapshot() {
                return RaceSnapshot.of(List.of(), 0, false);
            }
        };
        runner = RaceRunner.start(blocking, 60);
        runner.stepOnce();
        assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
        String[] freedOn = new String[1];
        boolean[] freedDuringStep = new boolean[1];
        Thread closer = new Thread(() -> runner.close(last -> {
            freedOn[0] = Thread.currentThread().getName();
            freedDuringStep[0] = stepping.get();
        }), "closer");
        closer.start();
        // longer than the second the runner used to wait before giving up on the engine
        closer.join(1500);
        assertTrue(closer.isAlive(), "close still waits for the step in progress");
        release.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive());
        assertFalse(runner.isAlive());
        assertEquals("descent-engine", freedOn[0]);
        assertFalse(freedDuringStep[0], "the race is freed after its last step");
    }

    @Test
    void callOnEngineAfterCloseRunsOnTheCaller() {
        runner = RaceRunner.start(bowlRace(10, "a"), 60);
        assertEquals("descent-engine", runner.callOnEngine(m -> Thread.currentThread().getName()));
        runner.close();
        assertEquals(Thread.currentThread().getName(), runner.callOnEngine(m -> Thread.currentThread().getName()));
    }
}
