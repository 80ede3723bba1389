package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TrainingRaceEpoch;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout rules of the data-set views, without the toolkit. */
class DataModeLayoutTest {

    @Test
    void eightBoundaryTilesUseTheWidthOfAWidePane() {
        // the old square tiles left about 400 px empty beside a 2 x 2 block in a 900 x 500 pane
        double[] g = BoundaryView.layout(8, 900, 500, 30);
        int columns = (int) g[0];
        int rows = (int) g[1];
        assertTrue(columns * rows >= 8, "room for every tile");
        assertTrue(columns * g[2] >= 0.85 * 900, "tiles span the width: " + columns + " x " + g[2]);
        double aspect = g[2] / (g[3] - 30);
        assertTrue(aspect >= BoundaryView.MIN_ASPECT - 1e-9 && aspect <= BoundaryView.MAX_ASPECT + 1e-9,
                "plot aspect " + aspect);
    }

    @Test
    void oneTileInATallPaneStaysNearSquare() {
        double[] g = BoundaryView.layout(1, 300, 900, 20);
        assertEquals(1, (int) g[0]);
        double aspect = g[2] / (g[3] - 20);
        assertEquals(BoundaryView.MIN_ASPECT, aspect, 1e-9);
    }

    @Test
    void eightHistogramsGetCellsAtLeastTheMinimumHeight() {
        // the inside row of a 1920 x 1080 window: about 320 x 260 per plot
        double w = 320;
        double h = 260;
        double min = InsideViews.Activations.MIN_CELL_HEIGHT;
        int columns = InsideViews.Activations.columns(8, w, h, min, 130);
        int rows = (8 + columns - 1) / columns;
        assertTrue(h / rows >= min, "cell height " + h / rows + " with " + columns + " columns");
        assertTrue(w / columns >= 130 - 1e-9);
        assertEquals(1, InsideViews.Activations.columns(2, w, h, min, 130), "two layers stack in one column");
        // the old layout gave each of 8 layers (260 - 24) / 8 = 29.5 px, 26 of them text: bars of 3.5 px
        assertTrue(h / rows - 2 * 11 * 1.35 > 20, "bars beside the labels keep most of the cell");
    }

    @Test
    void layerColoursAreDistinctAndTheOutputLayerNeverSharesAHiddenLayersColour() {
        Color ink = Color.web("#24292f");
        for (int layers = 2; layers <= 10; layers++) {
            Set<Color> seen = new HashSet<>();
            for (int l = 0; l < layers; l++) {
                assertTrue(seen.add(InsideViews.denseLayerColour(l, layers, ink)), layers + " layers: layer " + l);
            }
        }
        // the old palette had L1 and L5 in two greens
        assertNotEquals(InsideViews.layerColour(0), InsideViews.layerColour(4));
    }

    @Test
    void curvesKeepTheLowestAndHighestPointOfEachPixelColumn() {
        int m = 3000;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = 10 + 100.0 * i / m;  // 3000 epochs over 100 pixels
            ys[i] = i == 1234 ? -50 : i == 2345 ? 80 : Math.sin(i * 0.37);
        }
        double[] x = xs.clone();
        double[] y = ys.clone();
        int n = CanvasPane.decimate(x, y, m);
        assertTrue(n <= 2 * 101 + 2, "points kept: " + n);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
            if (i > 0) {
                assertTrue(x[i] >= x[i - 1], "x stays in order");
            }
        }
        assertEquals(-50, lo, "the lowest spike survives");
        assertEquals(80, hi, "the highest spike survives");
        assertEquals(xs[0], x[0]);
        assertEquals(xs[m - 1], x[n - 1], "the newest point is kept");
        double[] few = {1, 2, 3};
        assertEquals(3, CanvasPane.decimate(few, new double[] {5, 6, 7}, 3), "a short curve is kept whole");
    }

    private static TrainingRaceEpoch epoch(int racer, int epoch) {
        return new TrainingRaceEpoch(racer, "r" + racer, epoch, epoch * 10L, 0.5, 0.4, 0.8, 0.8, 0.1,
                new double[] {1, 1}, new double[] {0}, new double[] {1});
    }

    private static RacerFrame racer(int index, int epochs, Integer stoppedAt, String diverged) {
        MlpSpec spec = new MlpSpec(2, List.of(4), 2, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        return new RacerFrame("r" + index, "#1f77b4", spec, null,
                IntStream.rangeClosed(1, epochs).mapToObj(e -> epoch(index, e)).toList(), new double[0], diverged,
                List.of(), stoppedAt);
    }

    @Test
    void theStopMarkerComesFromTheEnginesStopNotFromBeingBehindInEpochs() {
        // a full-batch racer racing a batch-1 racer in lock-step is many epochs "ahead": no one stopped
        assertNull(MetricCurvesView.stopMarkerEpoch(racer(0, 3, null, null)));
        assertEquals(22, MetricCurvesView.stopMarkerEpoch(racer(1, 22, 22, null)));
        assertNull(MetricCurvesView.stopMarkerEpoch(racer(2, 5, null, "diverged at step 40: loss not finite")));
    }

    @Test
    void metricsCsvIsRunsEpochsCsvFormatOrderedByEpochThenRacer() {
        NetworkFrame f = new NetworkFrame(List.of(racer(0, 2, null, null), racer(1, 1, null, null)),
                new double[] {0, 1, 0, 1}, 2, 2, 20, 1);
        List<String> lines = MetricsCsv.of(f, true, true).lines().toList();
        assertEquals("racer,label,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr,grad_norms", lines.get(0));
        assertEquals("0,r0,1,10,0.5,0.4,0.8,0.8,0.1,1.0;1.0", lines.get(1));
        assertEquals("1,r1,1,10,0.5,0.4,0.8,0.8,0.1,1.0;1.0", lines.get(2));
        assertEquals("0,r0,2,20,0.5,0.4,0.8,0.8,0.1,1.0;1.0", lines.get(3));
        assertEquals("0,r0,1,10,0.5,,,,0.1,1.0;1.0", MetricsCsv.of(f, false, false).lines().toList().get(1),
                "no validation and regression: those columns empty, as run writes them");
    }
}
