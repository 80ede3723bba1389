package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.DeviceBuffer;
import dev.descent.core.compute.Strided;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Batch norm and dropout against PyTorch. The numbers below were printed by
 * {@code tools/golden/nn.py} (torch 2.x, float64); the float backend must match them to float
 * precision.
 */
class TorchGoldenTest {
    // batch norm net: Linear(3,4) -> BatchNorm1d(4) -> Tanh -> Linear(4,2), MSE
    static final double[] X_A = {-0.038314852863550186, -1.0795990228652954, 0.9933933019638062, 0.10744792968034744, -0.7377917170524597, 0.042527906596660614, -0.0833350121974945, -0.24089553952217102, -1.3765215873718262, 0.5097130537033081, -1.1259267330169678, 0.4549652338027954, 0.8722151517868042, 0.23557710647583008, -2.20832896232605, 0.05009191483259201, -0.02169065922498703, -0.3601570725440979};
    static final double[] X_B = {2.8354735374450684, -0.4344026744365692, -2.3794476985931396, -1.3978630304336548, 0.8094859719276428, 1.5191906690597534, -1.4202815294265747, 1.6437188386917114, -1.7797883749008179, -1.9878045320510864, -1.0906529426574707, -0.08984728157520294, 1.964742660522461, -0.4972553551197052, 2.1420400142669678};
    static final double[] X_C = {-1.4967423677444458, -0.36511343717575073, -0.29642221331596375, 0.3186660706996918, 2.5863089561462402, 0.24954445660114288, 0.5242878794670105, -0.38284581899642944, 2.6178228855133057, 1.0649834871292114, -1.1886883974075317, -1.9249801635742188};
    static final double[] T_A = {1.0751657485961914, 0.10123439133167267, -1.2177655696868896, 0.3346470892429352, 1.0940381288528442, 2.236276388168335, 1.2521966695785522, 0.5912718772888184, -0.004275265149772167, 0.2156931757926941, -0.2945813834667206, -0.4734145700931549};
    static final double[] W0 = {0.9117746949195862, 0.6976497769355774, -0.15805897116661072, 0.4714092016220093, 1.1337966918945312, 0.48248228430747986, 1.3889256715774536, -0.43221965432167053, -0.0300738625228405, -0.541742205619812, 1.5191668272018433, -0.3559289872646332};
    static final double[] B0 = {-0.17559568583965302, -0.21256139874458313, 0.6378114223480225, 0.09951572120189667};
    static final double[] GAMMA = {0.6875821352005005, 1.3705549240112305, 0.7755985856056213, 0.759564995765686};
    static final double[] BETA = {0.004759590607136488, -0.13317997753620148, -0.25880420207977295, -0.0005686815129593015};
    static final double[] W1 = {-0.09661930799484253, -0.7094194293022156, 0.6363205909729004, 0.13422895967960358, 0.5225206613540649, -0.5827944874763489, -1.121071219444275, 0.7230971455574036};
    static final double[] B1 = {-0.18733017146587372, 0.04433100298047066};
    static final double LOSS_A = 1.1458531740670255;
    static final double[] GRAD_W0 = {-0.05071853728558653, 0.012273400791497083, -0.055284010737569486, 0.06013383188451334, 0.036785181375187034, 0.09258917152156156, 0.09702588626727866, -0.6534455772892371, -0.15082346004657263, 0.09826739850946042, -0.09445925017259232, 0.8730758255123215};
    static final double[] GRAD_B0 = {5.204170427930421e-18, 2.7755575615628914e-17, 1.3877787807814457e-17, 2.220446049250313e-16};
    static final double[] GRAD_GAMMA = {-0.09734397533215058, -0.02795329322889143, 0.07993915358190108, 0.3842907829680731};
    static final double[] GRAD_BETA = {0.33144354078410915, -0.13557314713529867, 0.02689640294513551, 0.22000448577173154};
    static final double[] GRAD_W1 = {0.04893634152650251, 0.14909251086160874, -0.034784027496360725, 0.12325417566265083, 0.3391983727155539, 0.04861616832771152, -0.3411636701048215, 0.13221315969328762};
    static final double[] GRAD_B1 = {-0.6188570881778014, -0.4093101764361835};
    static final double[] RUNNING_MEAN_1 = {-0.05091308170849969, -0.006497612958025327, -0.07085021092189102, 0.05704655422058015};
    static final double[] RUNNING_VAR_1 = {0.9718461073932203, 1.0076893640739522, 1.0434307310317958, 0.9131329550810893};
    static final double[] RUNNING_MEAN_2 = {-0.05336138409463341, -0.016656717651958575, -0.005857260174668241, 0.06169928054415302};
    static final double[] RUNNING_VAR_2 = {1.2700686281264397, 1.2904204953131455, 1.989209496157548, 1.0446470503551157};
    static final double[] EVAL_OUT_C = {-0.524293398668195, 0.4587560746674836, 1.4866842718657698, -1.5525677268300986, 0.10194212317130535, -0.8270891866359563, -1.1339053689989327, 1.5314564063056098};
    // dropout and alpha dropout, p = 0.2, on a constant input 5.0
    static final double DROPOUT_KEPT = 6.25;
    static final double ALPHA_DROPPED = -1.2361598485763778;
    static final double ALPHA_KEPT = 4.7035578793617585;
    static final double ALPHA_MEAN_N01 = 0.00022003745976975002;
    static final double ALPHA_VAR_N01 = 1.0012126611988323;
    private static final double TOL = 2e-5;

    @Test
    void batchNormNetMatchesTorchForwardBackwardRunningStatisticsAndInference() {
        MlpSpec spec = new MlpSpec(3, List.of(4), 2, ActivationSpec.of(Activation.TANH), true, 0, Loss.MSE);
        ParameterLayout layout = new ParameterLayout(spec);
        double[] params = new double[layout.size()];
        System.arraycopy(W0, 0, params, layout.weight(0), W0.length);
        System.arraycopy(B0, 0, params, layout.bias(0), B0.length);
        System.arraycopy(GAMMA, 0, params, layout.gamma(0), GAMMA.length);
        System.arraycopy(BETA, 0, params, layout.beta(0), BETA.length);
        System.arraycopy(W1, 0, params, layout.weight(1), W1.length);
        System.arraycopy(B1, 0, params, layout.bias(1), B1.length);
        float[] x = new float[X_A.length + X_B.length];
        float[] t = new float[11 * 2];
        for (int i = 0; i < X_A.length; i++) {
            x[i] = (float) X_A[i];
        }
        for (int i = 0; i < X_B.length; i++) {
            x[X_A.length + i] = (float) X_B[i];
        }
        for (int i = 0; i < T_A.length; i++) {
            t[i] = (float) T_A[i];
        }
        try (CpuBackend backend = new CpuBackend(); MlpBatch mlp = new MlpBatch(backend, spec, 1, 6)) {
            mlp.setParameters(0, params);
            mlp.loadTrainingSet(x, t, 11);
            mlp.trainStep(new int[] {0, 1, 2, 3, 4, 5}, new SplittableRandom(1));
            float[] losses = new float[12];
            mlp.losses(losses);
            double loss = 0;
            for (float l : losses) {
                loss += l / 12.0;
            }
            assertEquals(LOSS_A, loss, TOL, "loss");
            double[] grad = new double[layout.size()];
            mlp.gradient(0, grad);
            assertSection(GRAD_W0, grad, layout.weight(0), "dW0");
            assertSection(GRAD_B0, grad, layout.bias(0), "db0");
            assertSection(GRAD_GAMMA, grad, layout.gamma(0), "dgamma");
            assertSection(GRAD_BETA, grad, layout.beta(0), "dbeta");
            assertSection(GRAD_W1, grad, layout.weight(1), "dW1");
            assertSection(GRAD_B1, grad, layout.bias(1), "db1");
            mlp.updateRunningStatistics(0);
            double[] stats = mlp.runningStatistics(0);
            assertSection(RUNNING_MEAN_1, stats, 0, "running mean after 1 batch");
            assertSection(RUNNING_VAR_1, stats, 4, "running var after 1 batch (unbiased)");
            mlp.trainStep(new int[] {6, 7, 8, 9, 10}, new SplittableRandom(1));
            mlp.updateRunningStatistics(0);
            stats = mlp.runningStatistics(0);
            assertSection(RUNNING_MEAN_2, stats, 0, "running mean after 2 batches");
            assertSection(RUNNING_VAR_2, stats, 4, "running var after 2 batches");
            float[] xc = new float[X_C.length];
            for (int i = 0; i < xc.length; i++) {
                xc[i] = (float) X_C[i];
            }
            float[] out = new float[8];
            mlp.predict(xc, 4, out, null);
            for (int i = 0; i < out.length; i++) {
                assertEquals(EVAL_OUT_C[i], out[i], TOL, "inference output " + i);
            }
        }
    }

    @Test
    void batchOfOneRowInTrainingIsAClearError() {
        MlpSpec spec = new MlpSpec(3, List.of(4), 2, ActivationSpec.of(Activation.TANH), true, 0, Loss.MSE);
        try (CpuBackend backend = new CpuBackend(); MlpBatch mlp = new MlpBatch(backend, spec, 1, 6)) {
            mlp.loadTrainingSet(new float[6], new float[4], 2);
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.descent.core.config.ConfigException.class,
                    () -> mlp.trainStep(new int[] {0}, new SplittableRandom(1)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least 2 rows"), e.getMessage());
        }
    }

    @Test
    void invertedDropoutKeepsTorchsScaledValueAndDropsAboutP() {
        int n = 200_000;
        float[] mask = new float[n];
        DropoutMasks.inverted(0.2, new SplittableRandom(3), mask, n);
        float[] out = applyToConstant(mask, null, 5f);
        int dropped = 0;
        for (float v : out) {
            if (v == 0f) {
                dropped++;
            } else {
                assertEquals(DROPOUT_KEPT, v, 1e-6);
            }
        }
        double sigma = Math.sqrt(n * 0.2 * 0.8);
        assertEquals(0.2 * n, dropped, 5 * sigma, "dropped units");
    }

    @Test
    void alphaDropoutGivesTorchsKeptAndDroppedValuesAndKeepsMeanAndVariance() {
        int n = 1_000_000;
        float[] mask = new float[n];
        float[] shift = new float[n];
        DropoutMasks.alpha(0.2, new SplittableRandom(4), mask, shift, n);
        float[] constant = applyToConstant(mask, shift, 5f);
        for (int i = 0; i < 1000; i++) {
            assertEquals(mask[i] == 0f ? ALPHA_DROPPED : ALPHA_KEPT, constant[i], 1e-5, "value " + i);
        }
        SplittableRandom normal = new SplittableRandom(5);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double y = normal.nextGaussian() * mask[i] + shift[i];
            sum += y;
            sumSq += y * y;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        // torch's own sample: mean ALPHA_MEAN_N01, variance ALPHA_VAR_N01; both estimate 0 and 1
        assertEquals(ALPHA_MEAN_N01, mean, 0.005, "mean");
        assertEquals(ALPHA_VAR_N01, var, 0.01, "variance");
    }

    private static float[] applyToConstant(float[] mask, float[] shift, float value) {
        int n = mask.length;
        try (CpuBackend backend = new CpuBackend()) {
            DeviceBuffer x = backend.allocate(n);
            DeviceBuffer m = backend.allocate(n);
            DeviceBuffer s = backend.allocate(n);
            float[] xs = new float[n];
            java.util.Arrays.fill(xs, value);
            backend.upload(xs, 0, x, 0, n);
            backend.upload(mask, 0, m, 0, n);
            if (shift != null) {
                backend.upload(shift, 0, s, 0, n);
            }
            backend.multiplyMask(1, n, Strided.shared(x), Strided.shared(m), shift == null ? null : Strided.shared(s),
                    Strided.shared(x));
            float[] out = new float[n];
            backend.download(x, 0, out, 0, n);
            return out;
        }
    }

    private static void assertSection(double[] expected, double[] actual, int offset, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[offset + i], TOL * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}
