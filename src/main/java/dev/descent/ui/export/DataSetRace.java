package dev.descent.ui.export;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.DatasetProblem;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.Problem;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.network.DataSetFigure;
import dev.descent.ui.network.LrRangeResult;
import dev.descent.ui.network.MetricsCsv;
import dev.descent.ui.network.NetworkFrame;
import dev.descent.ui.network.TrainingSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A data-set race to export, shared by the app and the {@code export} command: a
 * {@link TrainingSession} set up exactly as the app's data-set mode sets it up (so a figure
 * shows what the window shows, and the numbers are those of {@code run}: the same engine,
 * {@code TrainingRace}), trained on the calling thread. It writes the figure as PNG
 * ({@link DataSetFigure}: boundaries, curves, both, insides or all, at 1x to 4x), the metrics as
 * CSV ({@code run}'s {@code epochs.csv} format) and the race as an animated GIF (boundary tiles
 * and metric curves side by side, frame by frame, capped, looping). Files are written
 * atomically; rendering runs on the JavaFX thread ({@link FxThread}).
 */
public final class DataSetRace implements AutoCloseable {
    /** GIF frames wider than this are scaled down. */
    public static final int MAX_GIF_WIDTH = 1100;
    /** Boundary tiles of a GIF frame, in layout units. */
    static final double GIF_TILE = 180;

    private final TrainingSession session;
    private final String title;
    private final boolean validation;
    private final int selected;
    private final LrRangeResult lrRange;

    /**
     * @param session    the race (closed by {@link #close()})
     * @param title      the figure's heading
     * @param validation whether validation points are drawn
     * @param selected   the racer whose insides the figure shows
     * @param lrRange    an LR range test result to show with the insides, or null
     */
    public DataSetRace(TrainingSession session, String title, boolean validation, int selected, LrRangeResult lrRange) {
        this.session = session;
        this.title = title == null ? "" : title;
        this.validation = validation;
        this.selected = selected;
        this.lrRange = lrRange;
    }

    /**
     * A fresh race of a data-set preset at step 0 on {@code compute} (the caller closes it after
     * this race), set up as the app's data-set mode sets it up. A relative CSV file is read from
     * {@code folder} (the preset's folder), as {@code run} does. The insides shown are the first
     * racer's.
     *
     * @throws ConfigException when the data, network or a racer does not fit
     */
    public static DataSetRace of(Preset preset, Path folder, Backend compute) {
        if (preset.problem().isSurface()) {
            throw new ConfigException("'" + preset.title() + "' is a surface preset, not a data-set race");
        }
        Preset p = withResolvedFile(preset, folder);
        try (DataModeViewModel model = new DataModeViewModel(new CpuBackend(), CpuBackend::new, "",
                System::nanoTime, Runnable::run)) {
            model.apply(p);
            return new DataSetRace(model.newSession(compute), preset.title(), true, 0, null);
        }
    }

    private static Preset withResolvedFile(Preset p, Path folder) {
        DatasetProblem d = p.problem().dataset();
        if (d.file() == null || folder == null || Path.of(d.file()).isAbsolute()) {
            return p;
        }
        DatasetProblem resolved = new DatasetProblem(d.name(), folder.resolve(d.file()).toString(), d.samples(),
                d.noise(), d.split(), d.normalize());
        return new Preset(p.schemaVersion(), p.title(), p.lesson(), p.seed(), Problem.of(resolved), p.racers(),
                p.network(), p.steps(), p.epochs(), p.stepsPerSecond(), p.topic(), p.variants());
    }

    /** True when {@code text} names a figure kind of a data-set race (boundaries, curves, both, inside, all). */
    public static boolean isKind(String text) {
        return DataSetFigure.Kind.parse(text) != null;
    }

    /** The figure kind named {@code text} (boundaries, curves, both, inside, all). */
    public static DataSetFigure.Kind kind(String text) {
        DataSetFigure.Kind k = DataSetFigure.Kind.parse(text);
        if (k == null) {
            throw new ConfigException("what must be one of boundaries, curves, both, inside, all, was '" + text + "'");
        }
        return k;
    }

    /** Steps run so far. */
    public long steps() {
        return session.frame().steps();
    }

    /** Trains every racer to its end (epochs, early stopping or divergence); returns the final snapshot. */
    public RaceSnapshot runToEnd(BooleanSupplier cancelled) throws IOException {
        while (session.step()) {
            if (cancelled.getAsBoolean()) {
                throw new IOException("cancelled");
            }
        }
        return session.snapshot();
    }

    /** The figure's content now. */
    public DataSetFigure.Content content() {
        NetworkFrame f = session.frame();
        return new DataSetFigure.Content(title, DataSetFigure.subtitle(session, f), f, session.data(), validation,
                selected, DataSetFigure.captions(session), lrRange);
    }

    /** The figure as an opaque image, rendered on the JavaFX thread. */
    public BufferedImage render(DataSetFigure.Kind kind, int scale) {
        if (scale < 1 || scale > FigureOptions.MAX_SCALE) {
            throw new ConfigException("scale must be in [1, " + FigureOptions.MAX_SCALE + "], was " + scale);
        }
        DataSetFigure.Content c = content();
        return FxThread.call(() -> FigureImages.toBuffered(new DataSetFigure().render(c, kind, scale)));
    }

    /** Writes the figure as PNG, atomically; returns the image written. */
    public BufferedImage writePng(DataSetFigure.Kind kind, int scale, Path target) throws IOException {
        BufferedImage image = render(kind, scale);
        ImageFiles.writePng(image, target);
        return image;
    }

    /** Writes the figure named {@code what} (see {@link #kind}) as PNG, atomically. */
    public BufferedImage writePng(String what, int scale, Path target) throws IOException {
        return writePng(kind(what), scale, target);
    }

    /** The epoch metrics of every racer so far ({@link MetricsCsv}). */
    public String csv() {
        return MetricsCsv.of(session.frame(), session.data().validation().size() > 0, session.data().classification());
    }

    /** Writes {@link #csv()} atomically. */
    public void writeCsv(Path target) throws IOException {
        AtomicFiles.write(target, csv());
    }

    /**
     * Steps until every racer has run its epochs: the racers step in lock-step, so this is the
     * largest of (minibatches per epoch) x epochs. Early stopping or divergence may end the race
     * sooner.
     */
    public long plannedSteps() {
        long most = 1;
        for (int i = 0; i < session.racers().size(); i++) {
            var o = session.optionsOf(i);
            long rows = session.dataOf(i).train().size();
            long perEpoch = Math.max(1, (rows + o.batch() - 1) / o.batch());
            most = Math.max(most, perEpoch * o.epochs());
        }
        return most;
    }

    /**
     * Runs the race from step 0 and writes it as an animated GIF: boundary tiles and metric
     * curves side by side, one frame at each of {@link GifOptions#frameSteps} of
     * {@link #plannedSteps} (fewer when the race ends sooner), looping, the last frame held.
     *
     * @param cancelled polled between frames; true stops with an {@link IOException}
     * @return frames written
     */
    public int writeGif(GifOptions gif, BooleanSupplier cancelled, Path target) throws IOException {
        return writeGif(gif, plannedSteps(), cancelled, target);
    }

    /** As {@link #writeGif(GifOptions, BooleanSupplier, Path)}, over the first {@code steps} steps. */
    public int writeGif(GifOptions gif, long steps, BooleanSupplier cancelled, Path target) throws IOException {
        if (steps() != 0) {
            throw new IllegalArgumentException("the race must be at step 0, was at " + steps());
        }
        long[] at = gif.frameSteps(steps);
        DataSetFigure figure = FxThread.call(() -> new DataSetFigure(GIF_TILE));
        int[] written = new int[1];
        ImageFiles.write(target, out -> {
            try (AnimatedGif animation = new AnimatedGif(out)) {
                long done = 0;
                boolean more = true;
                for (int i = 0; i < at.length; i++) {
                    while (done < at[i] && more) {
                        more = session.step();
                        done++;
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new IOException("cancelled");
                    }
                    RaceSnapshot s = session.snapshot();
                    DataSetFigure.Content c = content();
                    BufferedImage image = FxThread.call(() -> FigureImages.toBuffered(
                            figure.render(c, DataSetFigure.Kind.BOTH, 1)));
                    boolean last = i == at.length - 1 || s.finished();
                    animation.add(fit(image, MAX_GIF_WIDTH), last ? gif.holdCentiseconds() : gif.delayCentiseconds());
                    if (s.finished()) {
                        break;
                    }
                }
                written[0] = animation.frames();
            }
        });
        return written[0];
    }

    static BufferedImage fit(BufferedImage image, int maxWidth) {
        if (image.getWidth() <= maxWidth) {
            return image;
        }
        int h = (int) Math.round(image.getHeight() * (double) maxWidth / image.getWidth());
        BufferedImage out = new BufferedImage(maxWidth, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, maxWidth, h, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
