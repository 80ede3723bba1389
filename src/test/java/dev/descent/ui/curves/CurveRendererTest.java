package dev.descent.ui.curves;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.core.race.SurfaceRacer;
import dev.descent.core.race.Trace;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Draws curves offscreen (images need the toolkit) and compares the pixels. */
@ExtendWith(ApplicationExtension.class)
class CurveRendererTest {
    private static final double W = 640;
    private static final double H = 480;

    /** Twelve racers with noisy losses that level off early, each at its own constant learning rate. */
    private static final class Race {
        final List<Trace> traces = new ArrayList<>();
        final double[] rates = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.003, 0.03, 0.3};
        final SplittableRandom random = new SplittableRandom(3);
        int steps;

        Race() {
            for (int k = 0; k < 12; k++) {
                traces.add(new Trace(100_000, SurfaceRacer.COLUMNS));
            }
        }

        void run(int to) {
            for (; steps < to; steps++) {
                for (int k = 0; k < 12; k++) {
                    double loss = 1 + 0.1 * k + 2 * Math.exp(-steps / 200.0) + 0.05 * random.nextGaussian();
                    traces.get(k).append(steps, 0, 0, loss, 0, rates[k]);
                }
            }
        }

        RaceSnapshot frame() {
            List<RacerSnapshot> racers = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                racers.add(new RacerSnapshot("racer " + k, String.format("#%02x%02x%02x", 20 * k, 255 - 20 * k, 90),
                        traces.get(k).snapshot(), steps, -1, null));
            }
            return new RaceSnapshot(racers, steps, false, true, 1000, null, steps);
        }
    }

    @Test
    void updatingAKeptCanvasLooksLikeDrawingEverythingAtOnce(FxRobot robot) {
        Race race = new Race();
        race.run(2100);
        CurveRenderer incremental = new CurveRenderer();
        Canvas kept = new Canvas(W, H);
        WritableImage[] images = new WritableImage[3];
        List<Boolean> fullRedraws = new ArrayList<>();
        robot.interact(() -> {
            PlotStyle style = PlotStyle.light(1);
            // the first update draws everything
            assertTrue(incremental.update(kept.getGraphicsContext2D(), race.frame(), W, H, false, style, true));
            images[0] = kept.snapshot(null, null);
            // 4000 steps more, in frames of 1 to 80 steps: the step axis stays at 5000
            while (race.steps < 4900) {
                race.run(Math.min(4900, race.steps + 1 + race.random.nextInt(80)));
                fullRedraws.add(incremental.update(kept.getGraphicsContext2D(), race.frame(), W, H, false, style, true));
            }
            images[1] = kept.snapshot(null, null);
            Canvas once = new Canvas(W, H);
            assertTrue(new CurveRenderer().update(once.getGraphicsContext2D(), race.frame(), W, H, false, style, true));
            images[2] = once.snapshot(null, null);
        });
        assertTrue(fullRedraws.size() > 50, fullRedraws.size() + " updates");
        assertFalse(fullRedraws.contains(true), "every update only added columns: " + fullRedraws);
        double changed = differing(images[0], images[1]);
        double mismatch = differing(images[1], images[2]);
        assertTrue(changed > 0.02, "the updates drew the new columns: " + changed);
        assertTrue(mismatch < 0.002, "kept canvas vs one drawing: " + mismatch + " of the pixels differ");
    }

    @Test
    void theLearningRateAxisIsLogWhenRatesSpanMoreThanADecadeAndAHalf(FxRobot robot) {
        Race race = new Race();
        race.run(50);
        CurveRenderer wide = new CurveRenderer();
        CurveRenderer narrow = new CurveRenderer();
        RaceSnapshot all = race.frame();
        // racers 3 and 4: lr 0.01 and 0.02, 0.3 decades apart
        RaceSnapshot two = new RaceSnapshot(List.of(all.racers().get(3), all.racers().get(4)), 50, false, true, 0,
                null, 1);
        robot.interact(() -> {
            wide.draw(new Canvas(W, H).getGraphicsContext2D(), all, W, H, false, PlotStyle.light(1), true);
            narrow.draw(new Canvas(W, H).getGraphicsContext2D(), two, W, H, false, PlotStyle.light(1), false);
        });
        assertTrue(wide.lrArea().log(), "0.001 .. 0.5");
        assertEquals(Math.log10(0.001), wide.lrArea().range().min(), 0.25);
        assertFalse(narrow.lrArea().log(), "0.01 .. 0.02");
        // twelve legend entries take rows above the loss panel; none without a legend
        assertTrue(wide.lossArea().y() > narrow.lossArea().y() + 16, wide.lossArea().y() + " vs " + narrow.lossArea().y());
        // a figure's step axis ends at the last step
        assertEquals(50, narrow.lossArea().xMax());
    }

    @Test
    void aValueEscapingTheRangeRedrawsWithAWiderRange(FxRobot robot) {
        Race race = new Race();
        race.run(2100);
        CurveRenderer r = new CurveRenderer();
        Canvas c = new Canvas(W, H);
        boolean[] full = new boolean[1];
        robot.interact(() -> {
            r.update(c.getGraphicsContext2D(), race.frame(), W, H, false, PlotStyle.light(1), true);
            double before = r.lossArea().range().max();
            race.traces.get(0).append(race.steps++, 0, 0, before + 10, 0, 0.001);
            full[0] = r.update(c.getGraphicsContext2D(), race.frame(), W, H, false, PlotStyle.light(1), true);
        });
        assertTrue(full[0], "redrawn");
        assertTrue(r.lossArea().range().contains(1, 14), r.lossArea().range().toString());
    }

    /** Share of pixels where a colour channel differs by more than a quarter. */
    private static double differing(WritableImage a, WritableImage b) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int n = 0;
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int u = pa.getArgb(x, y);
                int v = pb.getArgb(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    if (Math.abs((u >> shift & 0xff) - (v >> shift & 0xff)) > 64) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n / (double) (w * h);
    }
}
