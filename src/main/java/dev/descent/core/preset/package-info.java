/**
 * Presets (DESIGN.md, "Presets"): one lecture demonstration per JSON file, as validated records
 * ({@link dev.descent.core.preset.Preset}, {@link dev.descent.core.preset.Problem},
 * {@link dev.descent.core.preset.SurfaceProblem}, {@link dev.descent.core.preset.DatasetProblem},
 * {@link dev.descent.core.preset.NetworkConfig}), read and written by
 * {@link dev.descent.core.preset.PresetFiles} with JSON-path error messages and atomic writes
 * ({@link dev.descent.core.preset.AtomicFiles}).
 */
package dev.descent.core.preset;
