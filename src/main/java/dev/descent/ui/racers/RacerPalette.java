package dev.descent.ui.racers;

import java.util.List;

/**
 * The twelve racer colours; the same values as {@code -dsc-racer-1..12} in descent.css
 * (canvas drawing takes colours as data, the swatches and legends as CSS). Tableau-like hues
 * chosen to read on viridis and on white paper: each is at least 46 CIELAB units from white,
 * 21 from every viridis colour and 34 from each other (RacerPaletteTest); the first ones, which
 * small races use, are the most distinct.
 */
public final class RacerPalette {
    public static final List<String> COLOURS = List.of(
            "#d62728", "#0050ef", "#ff7f0e", "#006d2c", "#8e24aa", "#e377c2",
            "#a65628", "#17becf", "#e6ab02", "#666666", "#93003a", "#ff9da7");

    private RacerPalette() {
    }

    /** The colour for the racer at {@code index} (cycling past twelve). */
    public static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
