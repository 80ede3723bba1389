package dev.descent.core.nn;

import dev.descent.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Initialisation statistics against the closed-form variances of the papers (and torch's init docs). */
class InitTest {
    private static final int FAN_IN = 250;
    private static final int FAN_OUT = 120;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // spec, closed-form variance for fan_in 250, fan_out 120, largest |w| (0 = unbounded)
            "glorot_uniform, 0.005405405405405406, 0.12734290799340265",  // 2/(250+120); a = sqrt(6/370)
            "xavier_normal,  0.005405405405405406, 0",
            "he_uniform,     0.008, 0.15491933384829668",                   // 2/250; a = sqrt(6/250)
            "kaiming_normal, 0.008, 0",
            "lecun_uniform,  0.004, 0.10954451150103323",                   // 1/250; a = sqrt(3/250)
            "lecun_normal,   0.004, 0",
            "torch,          0.0013333333333333333, 0.06324555320336758",   // 1/(3*250); a = 1/sqrt(250)
            "normal std=0.2, 0.04, 0",
            "uniform a=0.3,  0.03, 0.3",                                     // a^2/3
    })
    void sampleVarianceMatchesTheClosedForm(String spec, double variance, double bound) {
        Init init = Init.parse(spec);
        assertEquals(variance, init.weightVariance(FAN_IN, FAN_OUT), 1e-15);
        double[] w = new double[FAN_IN * FAN_OUT];
        double[] b = new double[FAN_OUT];
        init.fill(w, b, FAN_IN, FAN_OUT, new SplittableRandom(7));
        double mean = 0;
        for (double v : w) {
            mean += v / w.length;
        }
        double var = 0;
        double max = 0;
        for (double v : w) {
            var += (v - mean) * (v - mean) / (w.length - 1);
            max = Math.max(max, Math.abs(v));
        }
        // the sample variance of n = 30000 draws has relative standard error <= sqrt(2/n) = 0.8%
        assertEquals(variance, var, 0.04 * variance, spec + " variance");
        assertEquals(0, mean, 5 * Math.sqrt(variance / w.length), spec + " mean");
        if (bound > 0) {
            assertTrue(max <= bound, spec + ": |w| " + max + " > " + bound);
            assertTrue(max > 0.99 * bound, spec + ": the bound is not reached: " + max);
        }
    }

    @Test
    void torchDefaultDrawsTheBiasFromTheSameBoundOthersUseTheConstant() {
        double[] w = new double[FAN_IN * 400];
        double[] b = new double[400];
        Init.torchDefault().fill(w, b, FAN_IN, 400, new SplittableRandom(8));
        double max = 0;
        for (double v : b) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= 1 / Math.sqrt(FAN_IN) && max > 0.9 / Math.sqrt(FAN_IN), "bias bound " + max);
        Init.parse("he_normal bias=0.1").fill(w, b, FAN_IN, 400, new SplittableRandom(8));
        for (double v : b) {
            assertEquals(0.1, v);
        }
    }

    @Test
    void zerosAndConstantGiveEqualWeights() {
        double[] w = new double[12];
        double[] b = new double[4];
        Init.parse("constant value=0.5").fill(w, b, 3, 4, new SplittableRandom(1));
        for (double v : w) {
            assertEquals(0.5, v);
        }
        Init.parse("zeros").fill(w, b, 3, 4, new SplittableRandom(1));
        for (double v : w) {
            assertEquals(0, v);
        }
    }

    @Test
    void badSpecsNameTheProblem() {
        assertTrue(assertThrows(ConfigException.class, () -> Init.parse("glorot")).getMessage().contains("known:"));
        assertTrue(assertThrows(ConfigException.class, () -> Init.parse("normal std=-1")).getMessage()
                .contains("std must be >= 0"));
        assertTrue(assertThrows(ConfigException.class, () -> Init.parse("he_normal sigma=1")).getMessage()
                .contains("unknown parameter 'sigma'"));
    }
}
