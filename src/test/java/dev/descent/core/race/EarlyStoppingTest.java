package dev.descent.core.race;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.EarlyStopping.Mode;
import dev.descent.core.race.EarlyStopping.Options;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vectors from Keras's own tests ({@code keras/src/callbacks/early_stopping_test.py}, Keras 3)
 * and hand-computed sequences for min_delta, max mode, warm-up and non-finite values.
 */
class EarlyStoppingTest {

    /** What a training loop sees after feeding {@code values}: epochs run and weights it ends with. */
    private record Run(int epochsRun, int stoppedEpoch, int bestEpoch, int finalWeights) {
    }

    /**
     * Keras's DummyModel loop: the weights of epoch e are the number e; stop when asked;
     * at the end restore the best epoch's weights when the stopper says so.
     */
    private static Run run(EarlyStopping stopper, double[] values, int externalStopAt) {
        int weights = -1;
        int snapshot = -1;
        int epochsRun = 0;
        for (int epoch = 0; epoch < values.length; epoch++) {
            epochsRun++;
            weights = epoch;
            boolean stop = stopper.shouldStop(epoch, values[epoch]);
            if (stopper.isNewBest()) {
                snapshot = weights;
            }
            if (stop || epoch == externalStopAt) {
                break;
            }
        }
        if (stopper.shouldRestoreBestWeights()) {
            weights = snapshot;
        }
        return new Run(epochsRun, stopper.stoppedEpoch(), stopper.bestEpoch(), weights);
    }

    private static Options options(String monitor, int patience, Double baseline, boolean restore) {
        return new Options(monitor, Mode.AUTO, 0, patience, baseline, restore, 0);
    }

    @Test
    void kerasPatienceCaseStopsAtMaxOfPatienceAndOnePlusTwo() {
        double[] losses = {10.0, 9.0, 8.0, 9.0, 8.9, 8.8, 8.7, 8.6, 8.5};
        for (int patience = 0; patience <= 3; patience++) {
            EarlyStopping stopper = new EarlyStopping(options("loss", patience, null, false));
            Run r = run(stopper, losses, -1);
            assertEquals(Math.max(patience, 1) + 2, r.stoppedEpoch(), "patience " + patience);
            assertEquals(2, r.bestEpoch());
            assertEquals(8.0, stopper.best());
        }
    }

    @Test
    void kerasRestoreCaseEndsWithTheWeightsOfTheBestEpoch() {
        EarlyStopping stopper = new EarlyStopping(options("val_loss", 2, null, true));
        Run r = run(stopper, new double[] {0.2, 0.15, 0.1, 0.11, 0.12}, -1);
        assertEquals(5, r.epochsRun());
        assertEquals(4, r.stoppedEpoch());
        assertEquals(2, r.finalWeights());
        assertTrue(stopper.shouldRestoreBestWeights());
    }

    @Test
    void kerasBaselineNeverBeatenStopsAfterPatienceAndRestoresTheBestOfThoseEpochs() {
        EarlyStopping stopper = new EarlyStopping(options("val_loss", 5, 0.5, true));
        Run r = run(stopper, new double[] {0.9, 0.8, 0.7, 0.71, 0.72, 0.73}, -1);
        assertEquals(5, r.epochsRun());
        assertEquals(2, r.finalWeights());
        assertTrue(stopper.reason().contains("baseline 0.5"), stopper.reason());
    }

    @Test
    void kerasExternalStopStillRestoresTheBestWeights() {
        EarlyStopping stopper = new EarlyStopping(options("val_loss", 5, 0.5, true));
        Run r = run(stopper, new double[] {0.9, 0.8, 0.7, 0.71, 0.72, 0.73}, 3);
        assertEquals(4, r.epochsRun());
        assertEquals(-1, r.stoppedEpoch());
        assertEquals(2, r.finalWeights());
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        EarlyStopping stopper = new EarlyStopping(options("val_loss", 2, null, false));
        Run r = run(stopper, new double[] {0.2, 0.15, 0.1, 0.11, 0.12}, -1);
        assertEquals(4, r.finalWeights());
        assertFalse(stopper.shouldRestoreBestWeights());
    }

    @Test
    void kerasModeInferenceCases() {
        assertEquals(Mode.MAX, EarlyStopping.resolve("val_mse", Mode.MAX));
        assertEquals(Mode.MIN, EarlyStopping.resolve("val_loss", Mode.MIN));
        assertEquals(Mode.MIN, EarlyStopping.resolve("val_mse", Mode.AUTO));
        assertEquals(Mode.MIN, EarlyStopping.resolve("loss", Mode.AUTO));
        assertEquals(Mode.MAX, EarlyStopping.resolve("acc", Mode.AUTO));
        assertEquals(Mode.MAX, EarlyStopping.resolve("val_accuracy", Mode.AUTO));
        assertEquals(Mode.MIN, EarlyStopping.resolve("hinge", Mode.AUTO));
        assertEquals(Mode.MAX, EarlyStopping.resolve("f1_score", Mode.AUTO));
        assertEquals(Mode.MIN, EarlyStopping.resolve("train_loss", Mode.AUTO));
        assertEquals(Mode.MAX, EarlyStopping.resolve("train_accuracy", Mode.AUTO));
        assertEquals("early stopping: cannot tell whether monitor 'unknown' should go down or up; give mode=min or"
                + " mode=max", assertThrows(ConfigException.class,
                        () -> new EarlyStopping(options("unknown", 0, null, false))).getMessage());
    }

    @Test
    void minDeltaMustBeExceededToCountAsImprovement() {
        // min: v improves on r when v + 0.1 < r. 1.0 -> 0.95 is no improvement (wait 1 >= 1: stop at 1)
        Options o = new Options("val_loss", Mode.MIN, 0.1, 1, null, false, 0);
        EarlyStopping a = new EarlyStopping(o);
        assertFalse(a.shouldStop(0, 1.0));
        assertTrue(a.shouldStop(1, 0.95));
        // patience 2: 0.85 + 0.1 < 1.0 improves (best 0.85), 0.84 does not, 0.80 does not either
        EarlyStopping b = new EarlyStopping(new Options("val_loss", Mode.MIN, 0.1, 2, null, false, 0));
        assertFalse(b.shouldStop(0, 1.0));
        assertFalse(b.shouldStop(1, 0.95));
        assertFalse(b.shouldStop(2, 0.85));
        assertEquals(2, b.bestEpoch());
        assertFalse(b.shouldStop(3, 0.84));
        assertTrue(b.shouldStop(4, 0.80));
        assertEquals(0.85, b.best());
    }

    @Test
    void maxModeStopsWhenAccuracyStopsRising() {
        EarlyStopping s = new EarlyStopping(new Options("val_accuracy", Mode.AUTO, 0, 1, null, false, 0));
        assertFalse(s.shouldStop(0, 0.5));
        assertFalse(s.shouldStop(1, 0.6));
        assertTrue(s.shouldStop(2, 0.6));
        assertEquals(1, s.bestEpoch());
        assertEquals("no improvement of val_accuracy for 1 epochs", s.reason());
    }

    @Test
    void patienceZeroNeverStopsAtEpochZeroAsInKeras() {
        EarlyStopping s = new EarlyStopping(new Options("val_loss", Mode.MAX, 0, 0, 100.0, false, 0));
        assertFalse(s.shouldStop(0, 1.0), "epoch 0 never stops on patience");
        assertTrue(s.shouldStop(1, 0.5));
    }

    @Test
    void warmUpEpochsAreNotMonitored() {
        EarlyStopping s = new EarlyStopping(new Options("val_loss", Mode.MIN, 0, 0, null, false, 2));
        assertFalse(s.shouldStop(0, 5));
        assertFalse(s.shouldStop(1, 9));
        assertEquals(-1, s.bestEpoch());
        assertFalse(s.shouldStop(2, 3));
        assertEquals(2, s.bestEpoch());
        assertTrue(s.shouldStop(3, 3));
    }

    @Test
    void aNonFiniteValueStopsAtOnceAndKeepsTheLastFiniteBest() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            EarlyStopping s = new EarlyStopping(new Options("val_loss", Mode.MIN, 0, 10, null, true, 0));
            assertFalse(s.shouldStop(0, 1));
            assertFalse(s.shouldStop(1, 0.5));
            assertTrue(s.shouldStop(2, bad));
            assertEquals(2, s.stoppedEpoch());
            assertEquals(1, s.bestEpoch());
            assertEquals(0.5, s.best());
            assertTrue(s.shouldRestoreBestWeights());
            assertEquals("val_loss was " + bad + " at epoch 2", s.reason());
            assertTrue(s.shouldStop(3, 0.1), "stays stopped");
            assertFalse(s.isNewBest());
        }
        EarlyStopping first = new EarlyStopping(new Options("val_loss", Mode.MIN, 0, 10, null, true, 3));
        assertTrue(first.shouldStop(0, Double.NaN), "even in warm-up and at epoch 0");
        assertFalse(first.shouldRestoreBestWeights(), "nothing to restore");
    }

    @Test
    void epochsMustIncrease() {
        EarlyStopping s = new EarlyStopping(Options.DEFAULTS);
        s.shouldStop(0, 1);
        assertThrows(IllegalArgumentException.class, () -> s.shouldStop(0, 1));
    }

    @Test
    void parsesTheCommandLineFormWithKerasNamesAndDefaults() {
        Options o = Options.parse("patience=5 min_delta=0.01 restore_best_weights=true");
        assertEquals(new Options("val_loss", Mode.AUTO, 0.01, 5, null, true, 0), o);
        assertEquals(new Options("train_accuracy", Mode.MAX, 0, 0, 0.9, false, 2),
                Options.parse("monitor=train_accuracy mode=max baseline=0.9 start_from_epoch=2"));
        assertEquals(Options.DEFAULTS, Options.parse(""));
        assertEquals("early-stopping: unknown parameter 'patiense'; allowed: monitor, mode, min_delta, patience,"
                + " baseline, restore_best_weights, start_from_epoch",
                assertThrows(ConfigException.class, () -> Options.parse("patiense=5")).getMessage());
        assertEquals("early stopping: patience must be >= 0, was -1",
                assertThrows(ConfigException.class, () -> Options.parse("patience=-1")).getMessage());
        assertEquals("early stopping: min_delta must be finite and >= 0, was -0.1",
                assertThrows(ConfigException.class, () -> Options.parse("min_delta=-0.1")).getMessage());
        assertEquals("early-stopping: mode must be one of min|max|auto, was 'up'",
                assertThrows(ConfigException.class, () -> Options.parse("mode=up")).getMessage());
    }
}
