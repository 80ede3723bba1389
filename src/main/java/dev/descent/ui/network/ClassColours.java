package dev.descent.ui.network;

import javafx.scene.paint.Color;

/** Colours of the classes in class maps and point plots (distinct from the racer colours' roles). */
final class ClassColours {
    private static final Color[] COLOURS = {Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"),
            Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"),
            Color.web("#7f7f7f"), Color.web("#bcbd22"), Color.web("#17becf")};

    private ClassColours() {
    }

    static Color of(int k) {
        return COLOURS[Math.floorMod(k, COLOURS.length)];
    }
}
