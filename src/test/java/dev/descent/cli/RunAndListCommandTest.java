package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.optim.OptimizerFactory;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.schedule.ScheduleFactory;
import dev.descent.core.schedule.Schedules;
import dev.descent.core.surface.SurfaceFactory;
import dev.descent.core.surface.Surfaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunAndListCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runWritesTheOptimizeCsvAndSummaryForASurfacePreset(@TempDir Path dir) throws IOException {
        Path preset = Files.writeString(dir.resolve("bowl.json"), """
                {"title": "bowl", "problem": {"surface": "bowl", "start": {"x": 1, "y": -1}},
                 "racers": [{"label": "slow", "optimizer": "sgd lr=0.1"},
                            {"label": "off", "optimizer": "sgd lr=0.3", "enabled": false},
                            {"label": "wild", "optimizer": "sgd lr=1.5"}],
                 "steps": 80}
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", preset.toString(), "--out", out.toString()).assertOk();
        assertTrue(run.out().startsWith("wrote "), run.out());
        List<String> csv = Files.readAllLines(out.resolve("trajectories.csv"));
        assertEquals("racer,label,step,x,y,loss,grad_norm,lr", csv.get(0));
        assertEquals("0,slow,0,1.0,-1.0,2.0," + 2 * Math.sqrt(2) + ",0.1", csv.get(1));
        assertTrue(csv.get(2).startsWith("1,wild,0,"), csv.get(2));
        // racer "slow": 81 rows; "wild": x_k = (-2)^k passes 1e15 at step 50, so rows 0..49
        assertEquals(1 + 81 + 50, csv.size());
        JsonNode racers = JSON.readTree(out.resolve("summary.json").toFile()).get("racers");
        assertEquals(2, racers.size());
        assertEquals(80, racers.get(0).get("steps_run").asLong());
        assertEquals(Math.pow(0.8, 80), racers.get(0).get("final").get("x").asDouble(), 1e-20);
        assertEquals(50, racers.get(1).get("diverged_at").asLong());
    }

    @Test
    void stepsOnTheCommandLineOverrideThePreset(@TempDir Path dir) throws IOException {
        Path preset = Files.writeString(dir.resolve("p.json"),
                "{\"racers\": [{\"optimizer\": \"sgd lr=0.1\"}], \"steps\": 500}");
        CliRun.of("run", preset.toString(), "--steps", "3", "--out", dir.toString()).assertOk();
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("trajectories.csv")).size());
    }

    @Test
    void theExamplePresetsRun(@TempDir Path dir) throws IOException {
        List<Path> presets;
        try (Stream<Path> files = Files.list(Path.of("presets"))) {
            presets = files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .filter(p -> dev.descent.core.preset.PresetFiles.load(p).problem().isSurface()).toList();
        }
        assertTrue(presets.size() >= 2, "example presets: " + presets);
        for (Path preset : presets) {
            Path out = dir.resolve(preset.getFileName().toString());
            CliRun.of("run", preset.toString(), "--steps", "100", "--out", out.toString()).assertOk();
            JsonNode racers = JSON.readTree(out.resolve("summary.json").toFile()).get("racers");
            assertTrue(racers.size() >= 2, preset.toString());
        }
    }

    @Test
    void theRavinePresetShowsTheStabilityLimit(@TempDir Path dir) throws IOException {
        CliRun.of("run", "presets/ravine-momentum.json", "--out", dir.toString()).assertOk();
        JsonNode racers = JSON.readTree(dir.resolve("summary.json").toFile()).get("racers");
        // eigenvalues 1 and 1/50: GD with lr = 2.2 > 2/lambda_max grows by |1 - 2.2| = 1.2 per step and diverges
        assertTrue(racers.get(3).get("diverged_at").isIntegralNumber());
        double gd = racers.get(0).get("final").get("loss").asDouble();
        double momentum = racers.get(1).get("final").get("loss").asDouble();
        assertTrue(momentum < gd * 1e-3, "momentum " + momentum + " vs GD " + gd);
    }

    @Test
    void theSaddlePresetShowsPlainGradientDescentLingering(@TempDir Path dir) throws IOException {
        CliRun.of("run", "presets/saddle-escape.json", "--out", dir.toString()).assertOk();
        long[] escaped = {-1, -1, -1, -1};
        for (String line : Files.readAllLines(dir.resolve("trajectories.csv")).subList(1, 1601)) {
            String[] f = line.split(",");
            int racer = Integer.parseInt(f[0]);
            // f = -1 at the minima (0, +-sqrt 2); -0.99 means the racer has left the saddle (f = 0) for good
            if (escaped[racer] < 0 && Double.parseDouble(f[5]) < -0.99) {
                escaped[racer] = Long.parseLong(f[2]);
            }
        }
        for (int racer = 1; racer < 4; racer++) {
            assertTrue(escaped[racer] > 0 && escaped[racer] * 2 < escaped[0],
                    "racer " + racer + " escaped at " + escaped[racer] + ", SGD at " + escaped[0]);
        }
    }

    @Test
    void theHimmelblauPresetEndsInTwoDifferentMinima(@TempDir Path dir) throws IOException {
        CliRun.of("run", "presets/himmelblau-minima.json", "--out", dir.toString()).assertOk();
        JsonNode racers = JSON.readTree(dir.resolve("summary.json").toFile()).get("racers");
        double[][] expected = {{-3.779310, -3.283186}, {-3.779310, -3.283186}, {-2.805118, 3.131312},
                {-2.805118, 3.131312}, {-2.805118, 3.131312}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode fin = racers.get(i).get("final");
            assertEquals(expected[i][0], fin.get("x").asDouble(), 0.05, "racer " + i);
            assertEquals(expected[i][1], fin.get("y").asDouble(), 0.05, "racer " + i);
        }
    }

    @Test
    void badPresetsAreOneErrorLineWithTheJsonPath(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"),
                "{\"racers\": [{\"optimizer\": \"sgd\"}, {\"optimizer\": \"adamm\"}]}");
        CliRun.of("run", bad.toString(), "--out", dir.toString())
                .assertBadInput("bad.json: racers[1].optimizer: unknown optimizer 'adamm'");
        assertFalse(Files.exists(dir.resolve("trajectories.csv")), "a bad preset writes nothing");
        CliRun.of("run", dir.resolve("none.json").toString()).assertBadInput("none.json: no such file");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"racers\": [");
        CliRun.of("run", broken.toString()).assertBadInput("broken.json: not valid JSON");
        Path data = Files.writeString(dir.resolve("data.json"),
                "{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"moons\"}, \"racers\": [{\"optimizer\": \"adam\"}]}");
        CliRun.of("run", data.toString(), "--epochs", "0").assertBadInput("--epochs must be >= 1");
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        CliRun.of("run", empty.toString()).assertBadInput("no enabled racers");
        Path ok = Files.writeString(dir.resolve("ok.json"), "{\"racers\": [{\"optimizer\": \"sgd\"}]}");
        CliRun.of("run", ok.toString(), "--steps", "-2").assertBadInput("--steps must be >= 0");
        CliRun.of("run", ok.toString(), "--out", ok.toString()).assertBadInput("cannot create");
        CliRun.of("run").assertBadInput("PRESET.json");
    }

    @Test
    void listShowsEveryRegisteredSurfaceOptimizerAndScheduleWithDefaults() {
        String out = CliRun.of("list").assertOk().out();
        for (SurfaceFactory f : Surfaces.all()) {
            assertTrue(out.contains("  " + f.name() + " "), f.name());
            f.hyperParameters().forEach(p -> assertParameter(out, p));
        }
        for (OptimizerFactory f : Optimizers.all()) {
            assertTrue(out.contains("  " + f.name() + " "), f.name());
            f.hyperParameters().forEach(p -> assertParameter(out, p));
        }
        for (ScheduleFactory f : Schedules.all()) {
            assertTrue(out.contains("  " + f.name() + " "), f.name());
            f.hyperParameters().forEach(p -> assertParameter(out, p));
        }
        assertTrue(out.matches("(?s).*\\n  sgd .*\\n      lr +=\\s*0\\.001 .*"), "sgd lr default 0.001");
    }

    private static void assertParameter(String out, HyperParameter p) {
        String value = p.required() ? "(required)" : "= " + p.defaultValue();
        assertTrue(out.matches("(?s).*\\n      " + java.util.regex.Pattern.quote(p.name()) + " +"
                + java.util.regex.Pattern.quote(value) + " .*"), p.name() + " " + value);
    }
}
