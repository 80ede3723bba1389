package dev.descent.cli;

import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.SurfaceRace;
import dev.descent.core.surface.ViewWindow;
import dev.descent.ui.export.Figure;
import dev.descent.ui.export.FigureImages;
import dev.descent.ui.export.FigureKind;
import dev.descent.ui.export.FigureOptions;
import dev.descent.ui.export.FxThread;
import dev.descent.ui.export.GifOptions;
import dev.descent.ui.export.HeadlessFx;
import dev.descent.ui.export.ImageFiles;
import dev.descent.ui.export.RaceAnimation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code export PRESET.json [--steps N | --epochs N] --png FILE [--scale S] [--what KIND]
 * [--gif FILE] [--csv FILE]}: runs a preset headless and renders the app's figure without a
 * display, through {@code ui.export} on a headless JavaFX toolkit (Monocle, software rendering).
 * A surface preset: title, map with axes, curves, legend; {@value #DEFAULT_STEPS} steps when
 * the preset has no step budget. A data-set preset: trained by the same engine as {@code run}
 * (set up as the app sets it up), its boundary tiles, metric curves and the first racer's
 * insides; the CSV is {@code run}'s {@code epochs.csv}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Run a preset headless and export its figure as PNG, its race as an animated GIF, "
                + "its trajectories as CSV. Needs no display.")
public final class ExportCommand implements Callable<Integer> {
    /** Trace points kept per racer for drawing (the CSV is streamed and never thinned). */
    private static final int TRACE_CAPACITY = 10_000;
    /** Steps of a surface preset without a step budget (sessions saved from the app have none), as the app's GIF. */
    public static final long DEFAULT_STEPS = 300;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET.json", description = "the preset file")
    Path preset;

    @Option(names = "--steps", paramLabel = "N",
            description = "steps of a surface preset (default: the preset's, else " + DEFAULT_STEPS + ")")
    Long steps;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of a data-set preset (default: the preset's)")
    Integer epochs;

    @Option(names = "--backend", defaultValue = "auto",
            description = "auto|cpu|cuda for data-set presets (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--png", paramLabel = "FILE", description = "write the figure as PNG")
    Path png;

    @Option(names = "--scale", paramLabel = "S", description = "PNG scale 1 to 4 (1x, 2x, 4x; default 1)")
    int scale = 1;

    @Option(names = "--what", paramLabel = "KIND", description = "what the figure shows: map|curves|both for a surface "
            + "preset (default both); boundaries|curves|both|inside|all for a data-set preset (default all)")
    String what;

    @Option(names = "--gif", paramLabel = "FILE", description = "write the race as an animated GIF (map and curves)")
    Path gif;

    @Option(names = "--frames", paramLabel = "N", description = "GIF frame cap (default 120)")
    int frames = GifOptions.DEFAULT.maxFrames();

    @Option(names = "--delay", paramLabel = "CS", description = "GIF time per frame in 1/100 s (default 8)")
    int delay = GifOptions.DEFAULT.delayCentiseconds();

    @Option(names = "--csv", paramLabel = "FILE",
            description = "write all trajectories (surface) or the epoch metrics (data set) as CSV, in run's format")
    Path csv;

    @Override
    public Integer call() {
        Preset p = PresetFiles.load(preset);
        if (png == null && gif == null && csv == null) {
            throw new BadInputException("nothing to export: give --png FILE, --gif FILE or --csv FILE");
        }
        if (p.racers().stream().noneMatch(RacerConfig::enabled)) {
            throw new BadInputException(preset + ": the preset has no enabled racers");
        }
        if (!p.problem().isSurface()) {
            return new DataSetExportRun(this, p).call();
        }
        if (epochs != null) {
            throw new BadInputException("--epochs is for data-set presets; a surface preset takes --steps");
        }
        long n = steps != null ? steps : p.steps() > 0 ? p.steps() : DEFAULT_STEPS;
        if (n < 0) {
            throw new BadInputException("--steps must be >= 0, was " + n);
        }
        FigureKind kind = FigureKind.parse(what == null ? "both" : what);
        GifOptions animation = new GifOptions(frames, delay, GifOptions.DEFAULT.holdCentiseconds());
        Preset run = p.withSteps(n);
        ViewWindow window = run.problem().surface().effectiveWindow();
        // as in the app: a surface whose values span decades gets log colours and a log loss axis
        boolean logY = Figure.spansDecades(run.problem().surface().createSurface(), window);
        FigureOptions figure = new FigureOptions(kind, scale, logY);

        HeadlessFx.start();
        if (png != null || csv != null) {
            SurfaceRace race = run.createSurfaceRace(TRACE_CAPACITY);
            if (csv != null) {
                try {
                    AtomicFiles.write(csv, w -> SurfaceRaceOutput.runWithCsv(race, n, w));
                } catch (IOException e) {
                    throw new BadInputException("cannot write '" + csv + "': " + IoMessages.describe(e));
                }
                say("wrote " + csv);
            } else {
                SurfaceRaceOutput.run(race, n);
            }
            if (png != null) {
                Figure f = Figure.of(p.title(), race, window);
                FigureImages images = new FigureImages();
                FigureOptions o = figure;
                BufferedImage image = FxThread.call(() -> images.renderBuffered(f, o));
                try {
                    ImageFiles.writePng(image, png);
                } catch (IOException e) {
                    throw new BadInputException("cannot write '" + png + "': " + IoMessages.describe(e));
                }
                say("wrote " + png + " (" + image.getWidth() + " x " + image.getHeight() + " px)");
            }
        }
        if (gif != null) {
            // the animation always shows map and curves side by side, at 1x
            FigureOptions frame = new FigureOptions(FigureKind.BOTH, 1, logY);
            int count;
            try {
                count = new RaceAnimation().write(run.createSurfaceRace(TRACE_CAPACITY), n, p.title(), window,
                        frame, animation, () -> false, gif);
            } catch (IOException e) {
                throw new BadInputException("cannot write '" + gif + "': " + IoMessages.describe(e));
            }
            say("wrote " + gif + " (" + count + " frames)");
        }
        return 0;
    }

    void say(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
