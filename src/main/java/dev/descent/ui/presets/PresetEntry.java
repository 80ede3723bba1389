package dev.descent.ui.presets;

import dev.descent.core.preset.Preset;

/**
 * A preset the picker offers.
 *
 * @param preset the loaded preset
 * @param source where it came from ("bundled", a file path)
 */
public record PresetEntry(Preset preset, String source) {

    @Override
    public String toString() {
        return preset.title();
    }
}
