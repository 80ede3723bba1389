package dev.descent.core.race;

import java.util.List;

/**
 * The default racer colours, in order: a qualitative palette (Tableau 10 plus two) whose
 * neighbours stay distinguishable on the heatmap and for common colour-vision deficiencies.
 */
public final class RacerColours {
    private static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#f0e442");

    private RacerColours() {
    }

    /** The colour of racer {@code index} (0-based), cycling after twelve. */
    public static String colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    public static List<String> palette() {
        return PALETTE;
    }
}
