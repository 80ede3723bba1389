package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.compute.CpuGemms;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What crosses the bus in one training step of K nets, counted on a backend that records its
 * copies: the minibatch indices, one copy of all K nets' parameters, one of all their
 * gradients, the metrics (loss and outputs, one copy per net), one copy of the batch-norm
 * batch statistics, and the host-drawn dropout masks; not a copy per layer and net.
 */
class MlpBatchBusTrafficTest {

    private static final int NETS = 4;
    private static final int ROWS = 10;

    /** The copies one step made: "upload n" / "download n" with the float counts. */
    private final List<String> copies = new ArrayList<>();

    private Backend counting(Backend real) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("upload") || method.getName().equals("download")) {
                        copies.add(method.getName() + " " + args[4]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs two steps as TrainingRace does and returns the copies of the second. */
    private List<String> secondStep(MlpSpec spec) {
        ParameterLayout layout = new ParameterLayout(spec);
        try (CpuBackend cpu = new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 1));
             MlpBatch mlp = new MlpBatch(counting(cpu), spec, NETS, ROWS)) {
            SplittableRandom random = new SplittableRandom(3);
            int rows = 20;
            float[] features = new float[rows * spec.inputs()];
            float[] targets = new float[rows];
            for (int i = 0; i < features.length; i++) {
                features[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < rows; i++) {
                targets[i] = i % spec.outputs();
            }
            mlp.loadTrainingSet(features, targets, rows);
            double[] params = new double[layout.size()];
            for (int i = 0; i < params.length; i++) {
                params[i] = 0.1 * random.nextGaussian();
            }
            for (int p = 0; p < NETS; p++) {
                mlp.setParameters(p, params);
            }
            float[] losses = new float[NETS * ROWS];
            float[] outputs = new float[NETS * ROWS * spec.outputs()];
            double[] grad = new double[layout.size()];
            int[] batch = {0, 3, 5, 7, 9, 11, 13, 15};
            for (int step = 0; step < 2; step++) {
                copies.clear();
                mlp.trainStep(batch, random);
                mlp.losses(losses);
                mlp.outputs(outputs);
                for (int p = 0; p < NETS; p++) {
                    mlp.gradient(p, grad);
                    for (int i = 0; i < params.length; i++) {
                        params[i] -= 0.01 * grad[i];
                    }
                    mlp.setParameters(p, params);
                    mlp.updateRunningStatistics(p);
                }
            }
            return List.copyOf(copies);
        }
    }

    @Test
    void aStepCopiesTheIndicesAndParametersUpAndTheGradientsDownOnceForAllNets() {
        MlpSpec spec = new MlpSpec(3, List.of(8, 6, 5), 3, ActivationSpec.of(Activation.RELU), false, 0, Loss.CE);
        int all = NETS * new ParameterLayout(spec).size();
        int n = 8;
        List<String> expected = new ArrayList<>(List.of("upload " + n, "upload " + all));
        for (int p = 0; p < NETS; p++) {
            expected.add("download " + n);
        }
        for (int p = 0; p < NETS; p++) {
            expected.add("download " + n * 3);
        }
        expected.add("download " + all);
        assertEquals(expected, secondStep(spec));
    }

    @Test
    void batchNormAddsOneDownloadOfTheBatchStatisticsAndDropoutItsMasks() {
        MlpSpec spec = new MlpSpec(3, List.of(8, 6), 3, ActivationSpec.of(Activation.PRELU), true, 0.25, Loss.CE);
        int all = NETS * new ParameterLayout(spec).size();
        int n = 8;
        List<String> expected = new ArrayList<>(List.of("upload " + n, "upload " + n * 8, "upload " + n * 6,
                "upload " + all));
        for (int p = 0; p < NETS; p++) {
            expected.add("download " + n);
        }
        for (int p = 0; p < NETS; p++) {
            expected.add("download " + n * 3);
        }
        expected.add("download " + all);
        expected.add("download " + 2 * NETS * (8 + 6));
        assertEquals(expected, secondStep(spec));
    }
}
