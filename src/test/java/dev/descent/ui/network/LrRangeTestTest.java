package dev.descent.ui.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LrRangeTestTest {

    @Test
    void suggestionIsATenthOfTheRateAtTheLowestSmoothedLoss() {
        // loss (log10 lr + 2)^2 + 1 on a log grid from 1e-5 to 1e1: flat, a minimum at 1e-2, then a rise
        int n = 61;
        double[] lrs = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            double e = -5 + 6.0 * i / (n - 1);
            lrs[i] = Math.pow(10, e);
            losses[i] = (e + 2) * (e + 2) + 1;
        }
        LrRangeResult r = LrRangeTest.analyse(lrs, losses);
        // independent smoothing: s_t = (1 - 0.9) sum_k 0.9^(t-k) loss_k / (1 - 0.9^(t+1)); its argmin lags
        // the raw minimum (index 30) because the average still holds the higher losses before it
        int argmin = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            double num = 0;
            for (int k = 0; k <= t; k++) {
                num += 0.1 * Math.pow(0.9, t - k) * losses[k];
            }
            double s = num / (1 - Math.pow(0.9, t + 1));
            assertEquals(s, r.smoothed()[t], 1e-9);
            if (s < best) {
                best = s;
                argmin = t;
            }
        }
        assertEquals(argmin, r.minLossIndex());
        assertEquals(true, argmin > 30, "the smoothed minimum lags the raw one, was " + argmin);
        assertEquals(lrs[r.minLossIndex()] / 10, r.suggestedMaxLr(), 0);
        assertEquals(r.suggestedMaxLr() / 10, r.suggestedMinLr(), 0);
        // the first smoothed value is the first loss (bias correction)
        assertEquals(losses[0], r.smoothed()[0], 1e-12);
    }

    @Test
    void noFiniteLossGivesNoSuggestion() {
        LrRangeResult r = LrRangeTest.analyse(new double[] {1e-3, 1e-2}, new double[] {Double.NaN, Double.NaN});
        assertEquals(-1, r.minLossIndex());
        assertEquals(Double.NaN, r.suggestedMaxLr());
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new LrRangeTest(1, 1, 10));
    }

    @Test
    void oneCycleSpecStartsAtATenthOfMax() {
        assertEquals("onecycle max_lr=0.0300000 total_steps=500 div_factor=10",
                LrRangeTest.oneCycle(0.03, 500).toString());
    }
}
