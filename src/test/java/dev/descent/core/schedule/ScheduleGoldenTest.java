package dev.descent.core.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every schedule against torch.optim.lr_scheduler, step by step: the files under
 * {@code golden/schedules/} come from {@code tools/golden/schedules.py} (torch 2.13, float64,
 * SGD and Adam, several hundred steps). Row t is torch's lr (and cycled momentum / beta1)
 * after t scheduler steps; Descent must give it after t {@code advance} calls, to 1e-12 relative.
 */
class ScheduleGoldenTest {
    private static final String DIR = "/golden/schedules/";
    private static final double REL = 1e-12;

    /** One torch run: the spec, the optimizer's lr and momentum, then per step loss, lr, momentum. */
    record Golden(String name, String spec, double baseLr, double baseMomentum,
                  double[] loss, double[] lr, double[] momentum) {
        @Override
        public String toString() {
            return name + " [" + spec + "]";
        }
    }

    static List<Golden> cases() {
        List<Golden> out = new ArrayList<>();
        for (String name : lines("index.txt")) {
            if (!name.isBlank()) {
                out.add(load(name.trim()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void learningRateAndMomentumMatchTorchAtEveryStep(Golden g) {
        LearningRateSchedule schedule = Schedules.create(g.spec(), g.baseLr(), g.baseMomentum());
        assertTrue(g.lr().length >= 3, "golden file too short");
        for (int t = 0; t < g.lr().length; t++) {
            assertClose(g.lr()[t], schedule.learningRate(), g + " lr at t=" + t);
            if (Double.isNaN(g.momentum()[t])) {
                assertTrue(Double.isNaN(schedule.momentum()), g + " momentum must be NaN at t=" + t);
            } else {
                assertClose(g.momentum()[t], schedule.momentum(), g + " momentum at t=" + t);
            }
            schedule.advance(g.loss()[t]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resetReplaysTheSameSequence(Golden g) {
        LearningRateSchedule schedule = Schedules.create(g.spec(), g.baseLr(), g.baseMomentum());
        for (int t = 0; t < Math.min(57, g.lr().length); t++) {
            schedule.advance(g.loss()[t]);
        }
        schedule.reset();
        for (int t = 0; t < g.lr().length; t++) {
            assertClose(g.lr()[t], schedule.learningRate(), g + " lr after reset at t=" + t);
            schedule.advance(g.loss()[t]);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = REL * Math.abs(expected);
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual
                    + " (relative error " + Math.abs(expected - actual) / Math.abs(expected) + ")");
        }
    }

    private static Golden load(String name) {
        Map<String, String> header = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        for (String line : lines(name + ".csv")) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                header.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (!line.startsWith("step") && !line.isBlank()) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        }
        int n = rows.size();
        double[] loss = new double[n];
        double[] lr = new double[n];
        double[] momentum = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = rows.get(i)[0];
            lr[i] = rows.get(i)[1];
            momentum[i] = rows.get(i)[2];
        }
        assertEquals(4, header.keySet().stream().filter(k -> !k.equals("source")).count(), name + " header");
        return new Golden(name, header.get("spec"), Double.parseDouble(header.get("base_lr")),
                Double.parseDouble(header.get("base_momentum")), loss, lr, momentum);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ScheduleGoldenTest.class.getResourceAsStream(DIR + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
