package dev.descent.ui.race;

import java.util.List;

/**
 * An immutable picture of the race that the views read once per animation frame.
 *
 * @param racers   the enabled racers, in list order
 * @param steps    lock-step count so far
 * @param running  whether the race is playing
 * @param stepsPerSecondMeasured steps actually taken per second over the last second
 */
public record RaceFrame(List<RacerTrail> racers, int steps, boolean running, double stepsPerSecondMeasured) {

    public RaceFrame {
        racers = List.copyOf(racers);
    }

    public static final RaceFrame EMPTY = new RaceFrame(List.of(), 0, false, 0);

    public long divergedCount() {
        return racers.stream().filter(RacerTrail::diverged).count();
    }
}
