package dev.descent.cli;

import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.SurfaceRace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code run PRESET.json [--steps N] [--out DIR]}: runs a surface preset headless and writes
 * {@code DIR/trajectories.csv} (the {@code optimize} CSV; racer = index among the enabled
 * racers) and {@code DIR/summary.json}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a preset headless; writes DIR/trajectories.csv and DIR/summary.json.")
public final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "the preset file")
    Path preset;

    @Option(names = "--steps", paramLabel = "N", description = "steps (default: the preset's)")
    Long steps;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: the current folder)")
    Path out = Path.of(".");

    @Override
    public Integer call() {
        Preset p = PresetFiles.load(preset);
        if (!p.problem().isSurface()) {
            throw new BadInputException(preset + ": data-set presets need the training engine, "
                    + "which this build does not have yet");
        }
        long n = steps != null ? steps : p.steps();
        if (n < 0) {
            throw new BadInputException("--steps must be >= 0, was " + n);
        }
        if (p.racers().stream().noneMatch(RacerConfig::enabled)) {
            throw new BadInputException(preset + ": the preset has no enabled racers");
        }
        SurfaceRace race = p.withSteps(n).createSurfaceRace(16);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new BadInputException("cannot create '" + out + "': " + IoMessages.describe(e));
        }
        Path csv = out.resolve("trajectories.csv");
        Path summary = out.resolve("summary.json");
        try {
            AtomicFiles.write(csv, w -> SurfaceRaceOutput.runWithCsv(race, n, w));
        } catch (IOException e) {
            throw new BadInputException("cannot write '" + csv + "': " + IoMessages.describe(e));
        }
        SurfaceRaceOutput.writeSummary(race, summary);
        spec.commandLine().getOut().println("wrote " + csv + " and " + summary);
        return 0;
    }
}
