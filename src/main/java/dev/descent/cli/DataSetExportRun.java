package dev.descent.cli;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.Backends;
import dev.descent.core.preset.Preset;
import dev.descent.ui.export.DataSetRace;
import dev.descent.ui.export.FigureOptions;
import dev.descent.ui.export.GifOptions;
import dev.descent.ui.export.HeadlessFx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code export} for a data-set preset: trains it headless (the app's set-up, the engine of
 * {@code run}) and writes the GIF (frame by frame while it trains), then the final figure as
 * PNG and the epoch metrics as CSV. With a GIF, the PNG and CSV come from the same run.
 */
final class DataSetExportRun {
    private final ExportCommand command;
    private final Preset preset;

    DataSetExportRun(ExportCommand command, Preset preset) {
        this.command = command;
        this.preset = preset;
    }

    int call() {
        if (command.steps != null) {
            throw new BadInputException("--steps is for surface presets; a data-set preset takes --epochs");
        }
        int n = command.epochs != null ? command.epochs : preset.epochs();
        if (n < 1) {
            throw new BadInputException(command.epochs != null ? "--epochs must be >= 1, was " + n
                    : command.preset + ": the preset has no epoch budget: give --epochs N");
        }
        String what = command.what == null ? "all" : command.what;
        if (!DataSetRace.isKind(what)) {
            throw new BadInputException("--what for a data-set preset must be one of boundaries, curves, both, inside, "
                    + "all, was '" + command.what + "'");
        }
        if (command.scale < 1 || command.scale > FigureOptions.MAX_SCALE) {
            throw new BadInputException("--scale must be in [1, " + FigureOptions.MAX_SCALE + "], was " + command.scale);
        }
        GifOptions gif = new GifOptions(command.frames, command.delay, GifOptions.DEFAULT.holdCentiseconds());
        Backends.Opened opened = Backends.open(command.backend);
        Path folder = command.preset.toAbsolutePath().getParent();
        HeadlessFx.start();
        try (Backend compute = opened.backend();
             DataSetRace race = DataSetRace.of(preset.withEpochs(n), folder, compute)) {
            if (command.gif != null) {
                int count = write(command.gif, () -> race.writeGif(gif, () -> false, command.gif));
                command.say("wrote " + command.gif + " (" + count + " frames)");
            }
            try {
                race.runToEnd(() -> false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (command.csv != null) {
                write(command.csv, () -> {
                    race.writeCsv(command.csv);
                    return 0;
                });
                command.say("wrote " + command.csv);
            }
            if (command.png != null) {
                BufferedImage image = write(command.png, () -> race.writePng(what, command.scale, command.png));
                command.say("wrote " + command.png + " (" + image.getWidth() + " x " + image.getHeight() + " px)");
            }
        }
        return 0;
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private static <T> T write(Path file, Io<T> io) {
        try {
            return io.run();
        } catch (IOException e) {
            throw new BadInputException("cannot write '" + file + "': " + IoMessages.describe(e));
        }
    }
}
