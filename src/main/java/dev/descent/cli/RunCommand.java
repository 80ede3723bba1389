package dev.descent.cli;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.Backends;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.race.TrainingRaceEpoch;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run PRESET.json [--steps N] [--epochs N] [--out DIR]}: runs a preset headless. A
 * surface preset writes {@code DIR/trajectories.csv} (the {@code optimize} CSV; racer = index
 * among the enabled racers) and {@code DIR/summary.json}; a data-set preset trains through
 * {@link TrainingPlan} and writes {@code DIR/epochs.csv} (the {@code train} CSV plus the
 * per-layer gradient norms) and {@code DIR/summary.json}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a preset headless; writes DIR/trajectories.csv (surfaces) or DIR/epochs.csv (data sets) "
                + "and DIR/summary.json.")
public final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "the preset file")
    Path preset;

    @Option(names = "--steps", paramLabel = "N", description = "steps (default: the preset's)")
    Long steps;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of a data-set preset (default: the preset's)")
    Integer epochs;

    @Option(names = "--backend", defaultValue = "auto", description = "auto|cpu|cuda for data-set presets (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: the current folder)")
    Path out = Path.of(".");

    @Override
    public Integer call() {
        Preset p = PresetFiles.load(preset);
        if (!p.problem().isSurface()) {
            return train(p);
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

    private int train(Preset p) {
        int n = epochs != null ? epochs : p.epochs();
        if (n < 1) {
            throw new BadInputException("--epochs must be >= 1, was " + n);
        }
        if (p.racers().stream().noneMatch(RacerConfig::enabled)) {
            throw new BadInputException(preset + ": the preset has no enabled racers");
        }
        createOut();
        Path csv = out.resolve("epochs.csv");
        Path summary = out.resolve("summary.json");
        Backends.Opened opened = Backends.open(backend);
        try (Backend compute = opened.backend();
             TrainingPlan plan = new TrainingPlan(p.withEpochs(n), preset.toAbsolutePath().getParent(), compute)) {
            boolean classification = plan.dataset().isClassification();
            boolean hasVal = p.problem().dataset().split() > 0;
            List<TrainingRaceEpoch> rows = new ArrayList<>();
            plan.run(rows::add);
            rows.sort(Comparator.comparingInt(TrainingRaceEpoch::epoch).thenComparingInt(TrainingRaceEpoch::racer));
            try {
                AtomicFiles.write(csv, w -> {
                    w.write(TrainCommand.CSV_HEADER + ",grad_norms\n");
                    for (TrainingRaceEpoch e : rows) {
                        w.write(TrainCommand.row(e, hasVal, classification) + "," + gradNorms(e) + "\n");
                    }
                });
                AtomicFiles.write(summary, TrainCommand.summaryJson(opened.why(), plan.results()) + "\n");
            } catch (IOException e) {
                throw new BadInputException("cannot write to '" + out + "': " + IoMessages.describe(e));
            }
        }
        spec.commandLine().getOut().println("wrote " + csv + " and " + summary);
        return 0;
    }

    /** Per dense layer, first to last, ';'-separated: the epoch's mean 2-norm of dL/dW. */
    private static String gradNorms(TrainingRaceEpoch e) {
        if (e.gradientNorms() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (double g : e.gradientNorms()) {
            b.append(b.length() == 0 ? "" : ";").append(g);
        }
        return b.toString();
    }

    private void createOut() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new BadInputException("cannot create '" + out + "': " + IoMessages.describe(e));
        }
    }
}
