package dev.descent.ui.racers;

import java.util.List;

/**
 * The twelve racer colours; the same values as {@code -dsc-racer-1..12} in descent.css
 * (canvas drawing takes colours as data, the swatches and legends as CSS).
 */
public final class RacerPalette {
    public static final List<String> COLOURS = List.of(
            "#ff4d4d", "#ff9f1c", "#2ec4ff", "#f15bb5", "#ffffff", "#9b5de5",
            "#00f5a0", "#ffe14d", "#8d6e63", "#1a1a1a", "#b0bec5", "#ff006e");

    private RacerPalette() {
    }

    /** The colour for the racer at {@code index} (cycling past twelve). */
    public static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
