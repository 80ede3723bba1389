package dev.descent.core.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every optimizer against trajectories that {@code torch.optim} produced in float64
 * ({@code tools/golden/optimizers.py}): several 2-D surfaces and a 10-D quadratic, default and
 * non-default hyper-parameters, and runs whose lr and momentum/beta1 change between steps.
 * The gradients below repeat the generator's expressions operation for operation, so both
 * sides feed the optimizers identical gradients.
 */
class OptimizerGoldenTest {
    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-12;
    static final double A11 = 18.64;
    static final double A12 = -23.52;
    static final double A22 = 32.36;

    static JsonNode golden;
    static double[][] quadA;
    static double[] quadB;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OptimizerGoldenTest.class.getResourceAsStream("/golden/optimizers.json.gz")) {
            assertNotNull(in, "golden/optimizers.json.gz is missing");
            golden = new ObjectMapper().readTree(new GZIPInputStream(in));
        }
        JsonNode a = golden.get("quad10").get("A");
        quadA = new double[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            quadA[i] = doubles(a.get(i));
        }
        quadB = doubles(golden.get("quad10").get("b"));
    }

    static double[] gradient(String surface, double[] p) {
        double x = p[0];
        double y = p.length > 1 ? p[1] : 0;
        switch (surface) {
            case "bowl":
                return new double[] {2 * x, 2 * y};
            case "ravine":
                return new double[] {A11 * x + A12 * y, A12 * x + A22 * y};
            case "rosenbrock":
                return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
            case "beale": {
                double t1 = 1.5 - x + x * y;
                double t2 = 2.25 - x + x * y * y;
                double t3 = 2.625 - x + x * y * y * y;
                return new double[] {2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y * y * y - 1),
                        2 * t1 * x + 2 * t2 * (2 * x * y) + 2 * t3 * (3 * x * y * y)};
            }
            case "quad10": {
                double[] g = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    double s = 0.0;
                    for (int j = 0; j < p.length; j++) {
                        s += quadA[i][j] * p[j];
                    }
                    g[i] = s - quadB[i];
                }
                return g;
            }
            default:
                throw new IllegalArgumentException(surface);
        }
    }

    @TestFactory
    List<DynamicTest> everyOptimizerFollowsTorchTrajectories() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            int horizon = c.get("horizon").asInt();
            String label = c.get("spec").asText() + " on " + c.get("surface").asText()
                    + (c.get("lr").isNull() ? "" : " (lr and momentum rewritten every step)")
                    + (horizon < c.get("steps").asInt() ? " (first " + horizon + " steps)" : "");
            tests.add(DynamicTest.dynamicTest(label, () -> replay(c)));
        }
        return tests;
    }

    @Test
    void goldenFileCoversEveryRegisteredOptimizerAndSurface() {
        Set<String> optimizers = new HashSet<>();
        Set<String> surfaces = new HashSet<>();
        int scheduled = 0;
        for (JsonNode c : golden.get("cases")) {
            optimizers.add(c.get("spec").asText().split(" ")[0]);
            surfaces.add(c.get("surface").asText());
            scheduled += c.get("lr").isNull() ? 0 : 1;
        }
        for (OptimizerFactory f : Optimizers.all()) {
            assertTrue(optimizers.contains(f.name()), f.name() + " has no golden trajectory");
        }
        assertEquals(Set.of("bowl", "ravine", "rosenbrock", "beale", "quad10"), surfaces);
        assertTrue(scheduled >= 20, "scheduled runs: " + scheduled);
        for (JsonNode c : golden.get("cases")) {
            assertTrue(c.get("horizon").asInt() >= 50, c.get("spec").asText() + " compared too briefly");
        }
    }

    private static void replay(JsonNode c) {
        String surface = c.get("surface").asText();
        double[] params = doubles(c.get("start"));
        Optimizer optimizer = Optimizers.create(c.get("spec").asText(), params.length);
        double[] lrs = c.get("lr").isNull() ? null : doubles(c.get("lr"));
        double[] momenta = c.get("momentum").isNull() ? null : doubles(c.get("momentum"));
        // Where torch's not-exactly-rounded sqrt meets a chaotic stretch, the generator measured
        // how long a 2-ulp difference stays below 1e-11 and compares only that far.
        int steps = c.get("horizon").asInt();
        boolean complete = steps == c.get("steps").asInt();
        int every = c.get("keep_every").asInt();
        JsonNode path = c.get("path");
        StepTrace last = null;
        for (int t = 0; t < steps; t++) {
            double lr = lrs == null ? optimizer.baseLearningRate() : lrs[t];
            double momentum = momenta == null ? Double.NaN : momenta[t];
            last = optimizer.step(params, gradient(surface, params), new StepContext(lr, momentum));
            if ((t + 1) % every == 0) {
                assertClose(doubles(path.get((t + 1) / every - 1)), params, "position after step " + (t + 1));
            }
        }
        Map<String, Double> scalars = last.scalars();
        if (complete) {
            assertMoment(c.get("final_first"), last.firstMoment(), "first moment after the last step");
            assertMoment(c.get("final_second"), last.secondMoment(), "second moment after the last step");
            c.get("final_scalars").fields().forEachRemaining(e -> {
                Double value = scalars.get(e.getKey());
                assertNotNull(value, "trace scalar " + e.getKey() + " is missing");
                assertClose(new double[] {e.getValue().asDouble()}, new double[] {value}, e.getKey());
            });
        }
    }

    private static void assertMoment(JsonNode expected, double[] actual, String what) {
        if (expected.isNull()) {
            assertNull(actual, what + " should be absent");
        } else {
            assertNotNull(actual, what + " is missing");
            assertClose(doubles(expected), actual, what);
        }
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (!(Math.abs(a - e) <= Math.max(RELATIVE * Math.abs(e), ABSOLUTE))) {
                fail(what + ", component " + i + ": expected " + e + " but was " + a
                        + " (relative error " + Math.abs(a - e) / Math.abs(e) + ")");
            }
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
