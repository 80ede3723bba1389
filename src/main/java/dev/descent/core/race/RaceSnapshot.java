package dev.descent.core.race;

import java.util.List;

/**
 * The whole race at one moment, immutable: what the UI draws in one frame.
 *
 * @param racers          one entry per racer in race order
 * @param stepsRun        steps the race has taken since the last reset
 * @param finished        true when every racer has stopped (diverged or out of budget)
 * @param running         true while the runner is playing (false for a model's own snapshot)
 * @param stepsPerSecond  the runner's playback speed (0 for a model's own snapshot)
 * @param failure         an engine failure message (a bug, not a divergence), or null
 * @param version         increases with every publication, so a view can skip unchanged frames
 */
public record RaceSnapshot(List<RacerSnapshot> racers, long stepsRun, boolean finished, boolean running,
                           double stepsPerSecond, String failure, long version) {

    public RaceSnapshot {
        racers = List.copyOf(racers);
    }

    /** A snapshot as a model reports it, before a runner adds its state. */
    public static RaceSnapshot of(List<RacerSnapshot> racers, long stepsRun, boolean finished) {
        return new RaceSnapshot(racers, stepsRun, finished, false, 0, null, 0);
    }

    /** This snapshot with the runner's state. */
    public RaceSnapshot withRunState(boolean nowRunning, double speed, String failureMessage, long newVersion) {
        return new RaceSnapshot(racers, stepsRun, finished, nowRunning, speed, failureMessage, newVersion);
    }

    public long divergedCount() {
        return racers.stream().filter(RacerSnapshot::diverged).count();
    }
}
