package dev.descent.core.race;

/**
 * A race the {@link RaceRunner} can drive: a surface race, a network training race. All three
 * methods are called from the runner's engine thread only.
 */
public interface Steppable {

    /**
     * Advances every running racer by one step.
     *
     * @return true while something is left to run; false once every racer has stopped
     *         (diverged or reached the step budget), after which the runner pauses
     */
    boolean step();

    /** Back to the start: every racer at step 0 with fresh optimizer and schedule state. */
    void reset();

    /** An immutable picture of the race now (cheap: called after every batch of steps). */
    RaceSnapshot snapshot();
}
