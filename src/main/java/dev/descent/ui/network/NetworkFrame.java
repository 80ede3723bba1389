package dev.descent.ui.network;

import java.util.List;

/**
 * The newest picture of a data-set race beyond its {@code RaceSnapshot}: per racer the class
 * map over the input plane, the epoch history and the weights. Computed on the engine thread,
 * read by the animation timer.
 *
 * @param racers   in race order
 * @param plane    {x0, x1, y0, y1} of the grid, in scaled feature units
 * @param gridSize cells per side
 * @param classes  outputs per cell (1 for a fitted curve or a two-class bce net)
 * @param steps    minibatch steps when it was computed
 * @param version  increases with every computation
 */
public record NetworkFrame(List<RacerFrame> racers, double[] plane, int gridSize, int classes, long steps,
                           long version) {

    public NetworkFrame {
        racers = List.copyOf(racers);
    }
}
