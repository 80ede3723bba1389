package dev.descent.ui.export;

import dev.descent.core.config.ConfigException;

import java.util.Locale;

/** What an exported figure shows: the map, the loss/lr curves, or both side by side. */
public enum FigureKind {
    MAP, CURVES, BOTH;

    /** The kind named {@code text} ("map", "curves", "both"; any case). */
    public static FigureKind parse(String text) {
        for (FigureKind k : values()) {
            if (k.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new ConfigException("what must be one of map, curves, both, was '" + text + "'");
    }

    public boolean hasMap() {
        return this != CURVES;
    }

    public boolean hasCurves() {
        return this != MAP;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
