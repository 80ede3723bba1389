package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lesson preset in {@code presets/} runs through {@code run} with its own settings, and
 * the claim of its lesson text holds where it can be stated as numbers (closed forms on the
 * bowl, orders of magnitude elsewhere).
 */
class LessonPresetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRESETS = Path.of("presets");
    /** A quoted CSV field (a label may hold commas; no other field is quoted). */
    private static final String QUOTED = "\"(?:[^\"]|\"\")*\"";

    @TempDir
    Path dir;

    // Every preset

    @Test
    void thereAreAtLeastTwentyLessonsEachWithTopicLessonAndSeedThatRun() throws IOException {
        List<Path> files = presetFiles();
        assertTrue(files.size() >= 20, "presets: " + files.size());
        Set<String> topics = new TreeSet<>();
        for (Path file : files) {
            String raw = Files.readString(file);
            assertTrue(raw.contains("\"seed\""), file + " fixes its seed");
            Preset p = PresetFiles.load(file);
            assertTrue(p.lesson().length() > 80 && p.lesson().contains("?"), file + ": lesson with a question");
            assertTrue(!p.topic().isEmpty(), file + ": topic");
            topics.add(p.topic());
            // a run of every preset: surfaces cut short, data sets 2 epochs (the claims below run them fully)
            Path out = dir.resolve(file.getFileName().toString());
            CliRun.of("run", file.toString(), "--steps", "50", "--epochs", "2", "--backend", "cpu",
                    "--out", out.toString()).assertOk();
            JsonNode racers = JSON.readTree(out.resolve("summary.json").toFile()).get("racers");
            assertEquals(p.racers().size(), racers.size(), file.toString());
        }
        assertTrue(topics.size() >= 10, "topics: " + topics);
    }

    /**
     * The app plays a preset at its {@code stepsPerSecond}: a surface preset for {@code steps}
     * steps; a data-set preset steps every racer once per tick until its {@code epochs} are done,
     * so the racer with the most steps per epoch (the smallest batch) sets the length.
     */
    @Test
    void everyLessonEndsWithinAMinuteAtItsOwnSpeed() throws IOException {
        for (Path file : presetFiles()) {
            Preset p = PresetFiles.load(file);
            long steps;
            if (p.problem().isSurface()) {
                assertTrue(p.steps() > 0, file + ": a surface lesson ends (steps > 0)");
                steps = p.steps();
            } else {
                // steps per epoch of each racer, from a one-epoch run
                Path out = dir.resolve("pace-" + file.getFileName());
                CliRun.of("run", file.toString(), "--epochs", "1", "--backend", "cpu", "--out", out.toString()).assertOk();
                List<String> lines = Files.readAllLines(out.resolve("epochs.csv"));
                long perEpoch = lines.subList(1, lines.size()).stream()
                        .mapToLong(l -> Long.parseLong(l.replaceAll(QUOTED, "label").split(",")[3])).max().orElseThrow();
                steps = perEpoch * p.epochs();
            }
            double seconds = steps / p.stepsPerSecond();
            assertTrue(seconds <= 60, file + ": " + steps + " steps at " + p.stepsPerSecond() + "/s take " + seconds + " s");
        }
    }

    // Surface lessons

    @Test
    void bowlGradientDescentShrinksTheLossByTheClosedFormFactor() {
        JsonNode r = surface("bowl-gradient-descent");
        // f = x^2 + y^2 from (1.6, 1.2): f_k = 4 (1 - 2 lr)^(2k)
        assertEquals(4 * Math.pow(0.64, 60), loss(r, 0), 4 * Math.pow(0.64, 60) * 1e-9);
        assertEquals(4 * Math.pow(0.25, 60), loss(r, 1), 4 * Math.pow(0.25, 60) * 1e-9);
    }

    @Test
    void learningRatesOnTheBowlCrawlConvergeBounceAndDiverge() {
        JsonNode r = surface("bowl-learning-rates");
        double f0 = 1.2 * 1.2 + 0.9 * 0.9;
        double[] lr = {0.01, 0.3, 0.9, 1.5};
        for (int i = 0; i < lr.length; i++) {
            // the distance shrinks (or grows) by 1 - 2 lr per step, the loss by its square
            int steps = r.get(i).get("steps_run").asInt();
            double expected = f0 * Math.pow(1 - 2 * lr[i], 2 * steps);
            assertEquals(expected, loss(r, i), expected * 1e-9, "lr " + lr[i]);
            assertEquals(i < 3 ? 100 : 49, steps, "lr " + lr[i]);
        }
        assertTrue(loss(r, 0) > 0.01, "too small crawls: " + loss(r, 0));
        assertEquals(50, r.get(3).get("diverged_at").asInt(), "lr 1.5: |x| = 1.2 * 2^50 passes 1e15 at step 50");
    }

    @Test
    void aLargeRateLeavesTheSharpWellForTheWideOne() throws IOException {
        JsonNode r = surface("local-minima-large-lr");
        assertEquals(-1.48, finalX(r, 0), 0.01, "lr 0.05 stays in the sharp well");
        assertTrue(finalX(r, 1) < 0, "lr 0.3 stays on the sharp well's side");
        // lr 0.3 > 2/curvature (about 0.2): it ends bouncing between (x, 0.2) and (x, -0.2)
        List<double[]> bouncing = trajectory("local-minima-large-lr", 1);
        double[] last = bouncing.get(bouncing.size() - 1);
        double[] before = bouncing.get(bouncing.size() - 2);
        assertEquals(0.2, Math.abs(last[1]), 0.01, "lr 0.3 ends on a wall");
        assertEquals(-last[1], before[1], 1e-9, "and the step before on the opposite wall");
        assertEquals(last[0], before[0], 1e-9);
        assertTrue(last[2] > loss(r, 0) + 0.1, "above the sharp well's bottom: " + last[2] + " vs " + loss(r, 0));
        assertEquals(1.406, finalX(r, 2), 0.01, "lr 0.8 ends in the wide well");
    }

    @Test
    void onRosenbrockMomentumArrivesFirstAdamNadamAdamaxArriveRmspropRattlesAndSgdIsHalfWay() throws IOException {
        JsonNode r = surface("rosenbrock-race");
        assertTrue(distanceToOneOne(r, 0) > 0.5, "SGD " + distanceToOneOne(r, 0));
        int momentum = stepsWithin(trajectory("rosenbrock-race", 1), 0.1);
        for (int i : new int[] {1, 3, 4, 5}) {
            assertTrue(distanceToOneOne(r, i) < 0.1, r.get(i).get("label") + ": " + distanceToOneOne(r, i));
            assertTrue(i == 1 || stepsWithin(trajectory("rosenbrock-race", i), 0.1) > momentum, r.get(i).get("label").asText());
        }
        // RMSProp crosses the valley floor y = x^2 at every one of its last 1000 steps
        List<double[]> rmsprop = trajectory("rosenbrock-race", 2);
        for (int k = rmsprop.size() - 1000; k < rmsprop.size(); k++) {
            double[] a = rmsprop.get(k - 1);
            double[] b = rmsprop.get(k);
            assertTrue((a[1] - a[0] * a[0]) * (b[1] - b[0] * b[0]) < 0, "RMSProp at step " + k);
        }
        assertTrue(distanceToOneOne(r, 2) < 0.2, "RMSProp " + distanceToOneOne(r, 2));
    }

    @Test
    void adagradAndRmspropTakeTheSameFirstStepThenAdagradStallsWhereRmspropArrives() throws IOException {
        JsonNode r = surface("adagrad-stalls");
        // the same first step, 0.3 in each coordinate: AdaGrad lr g/sqrt(g^2), RMSProp lr g/sqrt(0.01 g^2)
        for (int i = 0; i < 2; i++) {
            List<double[]> t = trajectory("adagrad-stalls", i);
            assertEquals(-0.3, t.get(1)[0] - t.get(0)[0], 1e-6, "racer " + i);
            assertEquals(0.3, t.get(1)[1] - t.get(0)[1], 1e-6, "racer " + i);
        }
        assertTrue(loss(r, 0) > 100 * loss(r, 1), "AdaGrad " + loss(r, 0) + " RMSProp " + loss(r, 1));
        assertTrue(Math.abs(r.get(0).get("final").get("y").asDouble() - 3) > 1, "AdaGrad still far from y = 3");
    }

    @Test
    void bothRpropVariantsReachTheRavinesMinimumInLessThanHalfTheStepsOfGradientDescent() throws IOException {
        JsonNode r = surface("rprop-variants");
        assertTrue(loss(r, 0) < 1e-9 && loss(r, 1) < 1e-9, "Rprop " + loss(r, 0) + ", " + loss(r, 1));
        assertTrue(loss(r, 2) > 1e-6, "GD " + loss(r, 2));
        // GD at lr 1.9 on the ravine: the loss of each eigen-direction shrinks by (1 - lr*lambda)^2 per step
        int gd = stepsBelow(closedFormRavineLosses(1.9, 2000), 1e-9);
        for (int i = 0; i < 2; i++) {
            int rprop = stepsBelow(trajectory("rprop-variants", i), 1e-9);
            assertTrue(rprop < gd / 2, r.get(i).get("label") + ": " + rprop + " steps, GD " + gd);
        }
    }

    @Test
    void inTheRavineGradientDescentZigZagsMomentumAndNesterovArriveSoonerAndLrPastTwoOverLambdaMaxDiverges() throws IOException {
        JsonNode r = surface("ravine-momentum");
        List<double[]> gd = trajectory("ravine-momentum", 0);
        // across the valley (Hessian eigenvalue 1) GD multiplies the offset by 1 - 1.9 = -0.9 per step
        double v0 = across(gd.get(0));
        for (int k = 1; k <= 60; k++) {
            assertEquals(v0 * Math.pow(-0.9, k), across(gd.get(k)), 1e-9 * Math.abs(v0), "GD step " + k);
            assertTrue(across(gd.get(k)) * across(gd.get(k - 1)) < 0, "GD crosses the floor at step " + k);
        }
        assertTrue(r.get(0).get("diverged_at").isNull() && loss(r, 0) < 1e-5 * gd.get(0)[2], "GD converges: " + loss(r, 0));
        int gdSteps = stepsBelow(gd, 1e-4);
        double gdOffset = Math.abs(across(gd.get(15)));
        for (int i = 1; i < 3; i++) {
            List<double[]> t = trajectory("ravine-momentum", i);
            String label = r.get(i).get("label").asText();
            int steps = stepsBelow(t, 1e-4);
            assertTrue(steps * 2.5 < gdSteps, label + " reaches 1e-4 at step " + steps + ", GD at " + gdSteps);
            double swing = t.subList(15, t.size()).stream().mapToDouble(p -> Math.abs(across(p))).max().orElseThrow();
            assertTrue(swing < gdOffset / 10, label + ": across-valley offset after step 15 " + swing + ", GD " + gdOffset);
        }
        List<double[]> nesterov = trajectory("ravine-momentum", 2);
        assertTrue(Math.abs(across(nesterov.get(2))) < 1e-9 * Math.abs(v0), "Nesterov lands on the floor at step 2");
        assertTrue(r.get(3).get("diverged_at").asInt() < 150, "lr 3 diverges: " + r.get(3));
    }

    @Test
    void gradientDescentLingersAtTheSaddleWhereMomentumAdamAndRmspropLeaveQuickly() throws IOException {
        JsonNode r = surface("saddle-escape");
        int[] near = new int[4];
        for (int i = 0; i < 4; i++) {
            near[i] = (int) trajectory("saddle-escape", i).stream().filter(p -> Math.hypot(p[0], p[1]) < 0.1).count();
            // f = x^2 + y^4/4 - y^2: minima at (0, +-sqrt 2)
            assertEquals(Math.sqrt(2), Math.abs(r.get(i).get("final").get("y").asDouble()), 0.05, "racer " + i + " ends in a minimum");
        }
        assertTrue(near[0] >= 200, "GD steps within 0.1 of the saddle: " + near[0]);
        assertTrue(near[1] <= 50 && near[2] <= 5 && near[3] <= 5, "momentum, Adam, RMSProp: " + java.util.Arrays.toString(near));
    }

    @Test
    void onHimmelblauSgdAndMomentumEndInOneMinimumAndTheSignFollowersInAnother() {
        JsonNode r = surface("himmelblau-minima");
        // Himmelblau's four minima (Himmelblau 1972), f = 0 at each
        double[][] minima = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
        int[] expected = {2, 2, 1, 1, 1}; // SGD, momentum, Adam, RMSProp, Rprop
        for (int i = 0; i < expected.length; i++) {
            JsonNode fin = r.get(i).get("final");
            double[] m = minima[expected[i]];
            double d = Math.hypot(fin.get("x").asDouble() - m[0], fin.get("y").asDouble() - m[1]);
            assertTrue(d < 0.1, r.get(i).get("label") + " ends " + d + " from (" + m[0] + ", " + m[1] + ")");
        }
    }

    @Test
    void adamWithoutBiasCorrectionTakesTooLargeEarlyStepsAndOvershoots() throws IOException {
        surface("adam-bias-correction");
        List<double[]> corrected = trajectory("adam-bias-correction", 0);
        List<double[]> uncorrected = trajectory("adam-bias-correction", 1);
        // step 1: corrected Adam moves lr * sign(g); uncorrected moves lr * 0.1 g / sqrt(0.001 g^2)
        assertEquals(0.05, corrected.get(1)[0] - corrected.get(0)[0], 1e-9);
        assertEquals(0.05 * 0.1 / Math.sqrt(0.001), uncorrected.get(1)[0] - uncorrected.get(0)[0], 1e-6);
        double maxCorrected = corrected.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double maxUncorrected = uncorrected.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        assertTrue(maxCorrected < 0.1 && maxUncorrected > 0.5, maxCorrected + " vs " + maxUncorrected);
    }

    @Test
    void atTheEdgeOfStabilityOnlyTheDecayingRatesConverge() {
        JsonNode r = surface("lr-decay");
        assertEquals(2.5, loss(r, 0), 1e-12, "lr = 1 jumps from x to -x forever");
        for (int i = 1; i < 4; i++) {
            assertTrue(loss(r, i) < 1e-10, r.get(i).get("label") + ": " + loss(r, i));
        }
        JsonNode p = surface("lr-plateau");
        assertTrue(loss(p, 0) > 1 && loss(p, 1) < 1e-6, loss(p, 0) + " vs " + loss(p, 1));
    }

    @Test
    void theCliffThrowsTheUnclippedRacerFarAndNotTheClippedOne() throws IOException {
        surface("gradient-clipping-cliff");
        double unclipped = trajectory("gradient-clipping-cliff", 0).stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double clipped = trajectory("gradient-clipping-cliff", 1).stream().mapToDouble(p -> p[0]).min().orElseThrow();
        assertTrue(unclipped < -5, "unclipped reached x = " + unclipped);
        assertTrue(clipped > -0.1, "clipped reached x = " + clipped);
    }

    @Test
    void cyclicalAndOneCycleRatesEndInTheWideWell() {
        JsonNode r = surface("cyclic-lr");
        assertTrue(finalX(r, 0) < 0, "constant");
        assertEquals(1.406, finalX(r, 1), 0.01, "cyclic");
        assertEquals(1.406, finalX(r, 2), 0.01, "1cycle");
    }

    // Network lessons

    @Test
    void xorNeedsAHiddenLayer() {
        JsonNode r = network("xor-hidden-layer");
        assertTrue(valAccuracy(r, 0) < 0.7 && valAccuracy(r, 1) > 0.9, accuracies(r));
    }

    @Test
    void identityActivationsDoNoBetterThanALinearModel() {
        JsonNode r = network("linear-activations");
        assertEquals(valAccuracy(r, 0), valAccuracy(r, 1), 0.05, accuracies(r));
        assertTrue(valAccuracy(r, 2) > Math.max(valAccuracy(r, 0), valAccuracy(r, 1)) + 0.08, accuracies(r));
    }

    @Test
    void deepSigmoidGradientsVanishTowardsTheFirstLayerAndReluOnesDoNot() throws IOException {
        JsonNode r = network("vanishing-gradients");
        double[] sigmoid = gradNorms("vanishing-gradients", 0, 1);
        double[] relu = gradNorms("vanishing-gradients", 1, 1);
        assertTrue(sigmoid[0] < 1e-4 * sigmoid[sigmoid.length - 1], "sigmoid first/last " + sigmoid[0]);
        assertTrue(relu[0] > 0.1 * relu[relu.length - 1], "relu first/last " + relu[0]);
        assertTrue(valAccuracy(r, 0) < 0.7 && valAccuracy(r, 1) > 0.9, accuracies(r));
    }

    @Test
    void zeroAndConstantInitialisationsStayNearChanceWhereRandomLearns() throws IOException {
        JsonNode r = network("zero-init");
        assertTrue(valAccuracy(r, 0) <= 0.6 && valAccuracy(r, 1) < 0.7 && valAccuracy(r, 2) > 0.95, accuracies(r));
        for (int epoch : new int[] {1, 60}) {
            for (double g : gradNorms("zero-init", 0, epoch)) {
                assertEquals(0, g, "all-zero weights get no weight gradient, epoch " + epoch);
            }
        }
    }

    @Test
    void tooSmallInitialWeightsStallAndTooLargeOnesStartFarWorse() throws IOException {
        JsonNode r = network("init-variance");
        assertTrue(valAccuracy(r, 0) <= 0.6 && valAccuracy(r, 2) > 0.9 && valAccuracy(r, 3) > 0.9, accuracies(r));
        assertTrue(gradNorms("init-variance", 0, 1)[0] < 1e-6, "std 0.01: no gradient reaches the first layer");
        assertTrue(epochValue("init-variance", 1, 1, "train_loss") > 3 * epochValue("init-variance", 2, 1, "train_loss"),
                "std 1 starts with a far higher loss than Glorot");
    }

    @Test
    void standardisedWineLearnsAndUnscaledKillsItsRelusAndGuesses() throws IOException {
        JsonNode r = network("wine-normalization");
        assertTrue(valAccuracy(r, 0) < 0.6 && valAccuracy(r, 1) > 0.9, accuracies(r));
        assertTrue(epochValue("wine-normalization", 0, 1, "train_loss") > 10, "unscaled: huge first steps");
        for (double g : gradNorms("wine-normalization", 0, 2)) {
            assertEquals(0, g, "unscaled: no gradient from epoch 2 on (dead ReLUs)");
        }
        // three classes: guessing from the class shares costs about ln 3
        assertEquals(Math.log(3), trainLoss(r, 0), 0.02, "unscaled sits at the loss of guessing");
    }

    @Test
    void smallerBatchesTakeMoreStepsPerEpochAndGetFurtherPerEpoch() throws IOException {
        JsonNode r = network("batch-size");
        // 300 training rows, 30 epochs
        assertEquals(9000, epochValue("batch-size", 0, 30, "step"));
        assertEquals(300, epochValue("batch-size", 1, 30, "step"));
        assertEquals(30, epochValue("batch-size", 2, 30, "step"));
        assertTrue(trainLoss(r, 0) < trainLoss(r, 1) && trainLoss(r, 1) < trainLoss(r, 2),
                trainLoss(r, 0) + " " + trainLoss(r, 1) + " " + trainLoss(r, 2));
    }

    @Test
    void batchNormLetsTheDeepSigmoidNetTrain() {
        JsonNode r = network("batch-norm");
        assertTrue(valAccuracy(r, 0) < 0.6 && valAccuracy(r, 1) > 0.9, accuracies(r));
    }

    @Test
    void dropoutAndL2TradeTrainingLossForValidationLoss() throws IOException {
        JsonNode r = network("overfitting-regularisation");
        double lowest = epochRows("overfitting-regularisation").stream().filter(a -> a[0].equals("0"))
                .mapToDouble(a -> Double.parseDouble(a[5])).min().orElseThrow();
        assertTrue(valLoss(r, 0) > 2 * lowest, "the plain net's val loss climbs: " + lowest + " -> " + valLoss(r, 0));
        for (int i = 1; i < 3; i++) {
            assertTrue(valLoss(r, 0) > 2 * valLoss(r, i), "val loss " + valLoss(r, 0) + " vs " + valLoss(r, i));
            assertTrue(trainLoss(r, 0) < trainLoss(r, i), "train loss " + trainLoss(r, 0) + " vs " + trainLoss(r, i));
        }
    }

    @Test
    void earlyStoppingStopsAndKeepsTheBetterValidationLoss() {
        JsonNode r = network("early-stopping");
        assertTrue(r.get(0).get("stopped_early_at").isNull());
        int stopped = r.get(1).get("stopped_early_at").asInt();
        assertTrue(stopped >= 15 && stopped <= 40, "stopped at epoch " + stopped);
        assertTrue(valLoss(r, 1) < valLoss(r, 0) / 3, valLoss(r, 1) + " vs " + valLoss(r, 0));
    }

    @Test
    void theRangeTestLossFallsThenExplodesAndOneCycleBeatsTheConstantRate() throws IOException {
        network("lr-range-test");
        List<String[]> rows = epochRows("lr-range-test");
        int best = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (Double.parseDouble(rows.get(i)[4]) < Double.parseDouble(rows.get(best)[4])) {
                best = i;
            }
        }
        double bestLr = Double.parseDouble(rows.get(best)[8]);
        double bestLoss = Double.parseDouble(rows.get(best)[4]);
        assertTrue(bestLr > 0.05 && bestLr < 0.5, "lowest loss at lr " + bestLr);
        double worstAfter = rows.subList(best, rows.size()).stream().mapToDouble(a -> Double.parseDouble(a[4])).max()
                .orElseThrow();
        assertTrue(worstAfter > 10 * bestLoss, "explodes: " + worstAfter + " vs " + bestLoss);
        double explodesAt = rows.subList(best, rows.size()).stream().filter(a -> Double.parseDouble(a[4]) > 10 * bestLoss)
                .mapToDouble(a -> Double.parseDouble(a[8])).findFirst().orElseThrow();
        assertTrue(explodesAt > 1 && explodesAt < 3, "shoots up at lr " + explodesAt);
        JsonNode r = network("one-cycle");
        assertTrue(trainLoss(r, 1) < 0.8 * trainLoss(r, 0), trainLoss(r, 1) + " vs " + trainLoss(r, 0));
    }

    // Helpers

    private static List<Path> presetFiles() throws IOException {
        try (Stream<Path> list = Files.list(PRESETS)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private JsonNode surface(String name) {
        return run(name);
    }

    private JsonNode network(String name) {
        return run(name);
    }

    private JsonNode run(String name) {
        Path out = dir.resolve(name);
        CliRun.of("run", PRESETS.resolve(name + ".json").toString(), "--backend", "cpu", "--out", out.toString())
                .assertOk();
        try {
            return JSON.readTree(out.resolve("summary.json").toFile()).get("racers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (x, y, loss) per step of one racer from trajectories.csv. */
    private List<double[]> trajectory(String name, int racer) throws IOException {
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(name).resolve("trajectories.csv"));
        assertEquals("racer,label,step,x,y,loss,grad_norm,lr", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replaceAll(QUOTED, "label").split(",");
            if (Integer.parseInt(f[0]) == racer) {
                out.add(new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        }
        return out;
    }

    /** The offset across the ravine (kappa 50, angle 20 degrees): v = -sin(20) x + cos(20) y. */
    private static double across(double[] p) {
        double t = Math.toRadians(20);
        return -Math.sin(t) * p[0] + Math.cos(t) * p[1];
    }

    /**
     * GD's losses on the ravine of the lessons from (-8, 3) by the closed form: the offsets u (along,
     * eigenvalue 1/50) and v (across, eigenvalue 1) shrink by 1 - lr/50 and 1 - lr per step.
     */
    private static List<double[]> closedFormRavineLosses(double lr, int steps) {
        double t = Math.toRadians(20);
        double u = Math.cos(t) * -8 + Math.sin(t) * 3;
        double v = -Math.sin(t) * -8 + Math.cos(t) * 3;
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            double uk = u * Math.pow(1 - lr / 50, k);
            double vk = v * Math.pow(1 - lr, k);
            out.add(new double[] {Double.NaN, Double.NaN, 0.5 * (uk * uk / 50 + vk * vk)});
        }
        return out;
    }

    /** The first step within {@code radius} of (1, 1). */
    private static int stepsWithin(List<double[]> trajectory, double radius) {
        for (int k = 0; k < trajectory.size(); k++) {
            if (Math.hypot(trajectory.get(k)[0] - 1, trajectory.get(k)[1] - 1) < radius) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The first step whose loss is below {@code threshold}. */
    private static int stepsBelow(List<double[]> trajectory, double threshold) {
        for (int k = 0; k < trajectory.size(); k++) {
            if (trajectory.get(k)[2] < threshold) {
                return k;
            }
        }
        throw new AssertionError("never below " + threshold + " in " + (trajectory.size() - 1) + " steps");
    }

    private List<String[]> epochRows(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(name).resolve("epochs.csv"));
        assertEquals("racer,label,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr,grad_norms", lines.get(0));
        // a quoted label may hold commas; no other field is quoted
        return lines.subList(1, lines.size()).stream().map(l -> l.replaceAll(QUOTED, "label")
                .split(",", -1)).toList();
    }

    private double epochValue(String name, int racer, int epoch, String column) throws IOException {
        int index = List.of("racer", "label", "epoch", "step", "train_loss", "val_loss", "train_accuracy",
                "val_accuracy", "lr").indexOf(column);
        return Double.parseDouble(row(name, racer, epoch)[index]);
    }

    private double[] gradNorms(String name, int racer, int epoch) throws IOException {
        String[] parts = row(name, racer, epoch)[9].split(";");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    private String[] row(String name, int racer, int epoch) throws IOException {
        return epochRows(name).stream()
                .filter(a -> Integer.parseInt(a[0]) == racer && Integer.parseInt(a[2]) == epoch)
                .findFirst().orElseThrow(() -> new AssertionError("no row for racer " + racer + " epoch " + epoch));
    }

    private static double loss(JsonNode racers, int i) {
        JsonNode fin = racers.get(i).get("final");
        assertNotNull(fin, "racer " + i);
        return fin.get("loss").asDouble();
    }

    private static double finalX(JsonNode racers, int i) {
        return racers.get(i).get("final").get("x").asDouble();
    }

    private static double distanceToOneOne(JsonNode racers, int i) {
        JsonNode fin = racers.get(i).get("final");
        return Math.hypot(fin.get("x").asDouble() - 1, fin.get("y").asDouble() - 1);
    }

    private static double valAccuracy(JsonNode racers, int i) {
        return racers.get(i).get("val_accuracy").asDouble();
    }

    private static double valLoss(JsonNode racers, int i) {
        return racers.get(i).get("val_loss").asDouble();
    }

    private static double trainLoss(JsonNode racers, int i) {
        return racers.get(i).get("train_loss").asDouble();
    }

    private static String accuracies(JsonNode racers) {
        StringBuilder b = new StringBuilder("val accuracy:");
        racers.forEach(r -> b.append(' ').append(r.get("label").asText()).append('=').append(r.get("val_accuracy")));
        return b.toString();
    }
}
