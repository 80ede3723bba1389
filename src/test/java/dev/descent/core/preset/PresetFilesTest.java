package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.surface.ViewWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PresetFilesTest {

    private static Preset surfacePreset() {
        return new Preset(1, "Rosenbrock", "a lesson", 42,
                Problem.of(new SurfaceProblem("rosenbrock a=1 b=100", null, new ViewWindow(-2, 2, -1, 3), -1.2, 1)),
                List.of(new RacerConfig("SGD", "#1f77b4", "sgd lr=0.001 momentum=0.9", "step step_size=100 gamma=0.5",
                                1.5, 0, true),
                        new RacerConfig("Adam", "#ff7f0e", "adam lr=0.02", null, 0, 0.25, false)),
                null, 1500, 50, 120);
    }

    private static Preset datasetPreset() {
        return new Preset(1, "Spirals", "", -7,
                Problem.of(new DatasetProblem("spiral", null, 600, 0.15, 0.25, "minmax")),
                List.of(RacerConfig.of("Adam", "#d62728", "adam lr=0.01")),
                new NetworkConfig(List.of(64, 64), "tanh", "he_normal", true, 0.1, "ce", 0.001, 0.0001, 16),
                0, 200, 10);
    }

    private static String message(String json) {
        return assertThrows(ConfigException.class, () -> PresetFiles.parse(json, "p.json")).getMessage();
    }

    @Test
    void surfaceAndDatasetPresetsSurviveASaveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        for (Preset preset : List.of(surfacePreset(), datasetPreset())) {
            Path file = dir.resolve("preset.json");
            PresetFiles.save(file, preset);
            assertEquals(preset, PresetFiles.load(file));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("preset.json")), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void perLayerActivationBatchNormAndDropoutReadAsArraysOrSingleValues() {
        String json = "{\"problem\":{\"kind\":\"dataset\",\"dataset\":\"moons\"},\"network\":{\"layers\":[8,6],"
                + "\"activation\":[\"relu\",\"leaky_relu alpha=0.2\"],\"batchnorm\":[true,false],\"dropout\":0.1},"
                + "\"racers\":[{\"optimizer\":\"adam\",\"network\":{\"dropout\":[0,0.3]}}]}";
        Preset p = PresetFiles.parse(json, "p.json");
        NetworkConfig n = p.network();
        assertEquals(List.of("relu", "leaky_relu alpha=0.2"), n.activation());
        assertEquals(List.of(true, false), n.batchnorm());
        assertEquals(List.of(0.1), n.dropout(), "one value: every layer");
        assertEquals(0.1, n.dropoutOf(1));
        NetworkConfig own = p.variant(0).network();
        assertEquals(List.of(0.0, 0.3), own.dropout());
        assertEquals(n.activation(), own.activation(), "a racer's network keeps the shared per-layer settings");
        // written back: arrays where the layers differ, single values where they agree
        String written = PresetFiles.toJson(p);
        assertTrue(written.contains("\"dropout\" : 0.1"), written);
        assertTrue(written.replaceAll("\\s", "").contains("\"activation\":[\"relu\",\"leaky_relu"), written);
        assertEquals(p, PresetFiles.parse(written, ""));
    }

    @Test
    void anArrayOfEqualSettingsIsTheSameNetworkAsOneValue() {
        NetworkConfig a = new NetworkConfig(List.of(4, 4), List.of("tanh", "tanh"), "default", List.of(false, false),
                List.of(0.2, 0.2), "ce", 0, 0, 8, null);
        NetworkConfig b = new NetworkConfig(List.of(4, 4), "tanh", "default", false, 0.2, "ce", 0, 0, 8, null);
        assertEquals(b, a);
    }

    @Test
    void perLayerListsOfTheWrongLengthOrTypeNameTheirPath() {
        String base = "{\"problem\":{\"kind\":\"dataset\",\"dataset\":\"moons\"},\"network\":{\"layers\":[8,6],";
        assertEquals("p.json: network.activation: give one value for every hidden layer or one per hidden layer (2),"
                + " was 3 values", message(base + "\"activation\":[\"relu\",\"tanh\",\"relu\"]}}"));
        assertEquals("p.json: network.dropout[1]: expected a number, was \"x\"",
                message(base + "\"dropout\":[0,\"x\"]}}"));
        assertEquals("p.json: network.dropout[1] must be in [0, 1), was 1.0",
                message(base + "\"dropout\":[0,1]}}"));
        assertEquals("p.json: network.batchnorm: expected true or false or an array of them, was an empty array",
                message(base + "\"batchnorm\":[]}}"));
        assertEquals("p.json: network.batchnorm: expected true or false or an array of them, was 1",
                message(base + "\"batchnorm\":1}}"));
        assertEquals("p.json: racers[0].network.activation: give one value for every hidden layer or one per hidden"
                + " layer (3), was 2 values", message(base + "\"activation\":[\"relu\",\"tanh\"]},"
                + "\"racers\":[{\"network\":{\"layers\":[4,4,4]}}]}"));
    }

    @Test
    void aCsvProblemKeepsItsLabelColumn() {
        Preset p = new Preset(1, "csv", "", 1,
                Problem.of(new DatasetProblem(null, "/data/flowers.csv", 200, 0.1, 0.2, "standard", "species")),
                List.of(), NetworkConfig.DEFAULT, 0, 10, 10);
        Preset back = PresetFiles.parse(PresetFiles.toJson(p), "");
        assertEquals("species", back.problem().dataset().label());
        assertEquals(p, back);
        assertEquals("p.json: problem.label: only a CSV file has a label column to choose",
                message("{\"problem\":{\"kind\":\"dataset\",\"dataset\":\"moons\",\"label\":\"y\"}}"));
    }

    @Test
    void noiseAugmentationRoundTripsAndIsWrittenOnlyWhenItAddsCopies() {
        Preset p = new Preset(1, "noisy", "", 5,
                Problem.of(new DatasetProblem("moons", null, 120, 0.1, 0.25, "standard", null,
                        new Augmentation(2, 0.05))),
                List.of(RacerConfig.of("Adam", "#d62728", "adam lr=0.01")), NetworkConfig.DEFAULT, 0, 10, 10);
        String json = PresetFiles.toJson(p);
        assertTrue(json.contains("\"augment\" : {"), json);
        Preset back = PresetFiles.parse(json, "");
        assertEquals(new Augmentation(2, 0.05), back.problem().dataset().augment());
        assertEquals(p, back);

        String plain = PresetFiles.toJson(datasetPreset());
        assertTrue(!plain.contains("augment"), "no augmentation, no key: " + plain);
        assertEquals(Augmentation.NONE, PresetFiles.parse(plain, "").problem().dataset().augment());
        Preset zero = new Preset(1, "zero", "", 5, Problem.of(new DatasetProblem("moons", null, 120, 0.1, 0.25,
                "standard", null, new Augmentation(0, 0.3))), List.of(), NetworkConfig.DEFAULT, 0, 10, 10);
        assertTrue(!PresetFiles.toJson(zero).contains("augment"), "zero copies are written as none");
    }

    @Test
    void anAugmentWithoutSigmaTakesTheDefaultAndUnknownKeysInItAreIgnored() {
        Preset p = PresetFiles.parse("{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"moons\","
                + " \"augment\": {\"copies\": 3, \"later\": true}}}", "");
        assertEquals(new Augmentation(3, 0.1), p.problem().dataset().augment());
        Preset none = PresetFiles.parse("{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"moons\","
                + " \"augment\": {}}}", "");
        assertEquals(Augmentation.NONE, none.problem().dataset().augment());
    }

    @Test
    void wrongAugmentValuesNameTheirField() {
        String d = "{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"moons\", \"augment\": %s}}";
        assertEquals("p.json: problem.augment.copies must be in [0, 10], was -1",
                message(d.formatted("{\"copies\": -1}")));
        assertEquals("p.json: problem.augment.copies must be in [0, 10], was 12",
                message(d.formatted("{\"copies\": 12}")));
        assertEquals("p.json: problem.augment.copies: expected a whole number, was 1.5",
                message(d.formatted("{\"copies\": 1.5}")));
        assertEquals("p.json: problem.augment.sigma must be in [0, inf), was -0.1",
                message(d.formatted("{\"copies\": 1, \"sigma\": -0.1}")));
        assertEquals("p.json: problem.augment.sigma: expected a number, was \"big\"",
                message(d.formatted("{\"copies\": 1, \"sigma\": \"big\"}")));
        assertEquals("p.json: problem.augment: expected an object, was 2", message(d.formatted("2")));
    }

    @Test
    void aTypedSurfaceRoundTrips() {
        Preset preset = new Preset(1, "typed", "", 0,
                Problem.of(new SurfaceProblem(null, "x^2 + 3*y^2", null, 1, 1)), List.of(), null, 10, 0, 1);
        assertEquals(preset, PresetFiles.parse(PresetFiles.toJson(preset), ""));
    }

    @Test
    void missingKeysTakeDefaultsAndUnknownKeysAreIgnored() {
        Preset p = PresetFiles.parse("{\"racers\": [{\"optimizer\": \"adam\", \"futureKey\": 1}], \"x\": {\"y\": []}}", "");
        assertEquals(1, p.schemaVersion());
        assertEquals("Untitled", p.title());
        assertEquals("", p.lesson());
        assertEquals(0, p.seed());
        assertEquals(500, p.steps());
        assertEquals(100, p.stepsPerSecond());
        assertEquals("bowl", p.problem().surface().surface());
        assertNull(p.problem().surface().window());
        assertNull(p.network());
        RacerConfig r = p.racers().get(0);
        assertEquals(new RacerConfig("adam", "#1f77b4", "adam", null, 0, 0, true), r);
    }

    @Test
    void aDatasetPresetGetsTheDefaultNetwork() {
        Preset p = PresetFiles.parse("{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"moons\"}}", "");
        assertEquals(new DatasetProblem("moons", null, 200, 0.1, 0.2, "standard"), p.problem().dataset());
        assertEquals(NetworkConfig.DEFAULT, p.network());
    }

    @Test
    void wrongValuesAreReportedWithTheirJsonPath() {
        String racers = "{\"racers\": [{\"optimizer\": \"sgd\"}, {\"optimizer\": \"adamm lr=0.1\"}]}";
        assertTrue(message(racers).startsWith("p.json: racers[1].optimizer: unknown optimizer 'adamm'; known: sgd,"),
                message(racers));
        assertEquals("p.json: racers[0].colour must be #rrggbb, was 'red'",
                message("{\"racers\": [{\"colour\": \"red\"}]}"));
        assertEquals("p.json: racers[0].clipNorm: expected a number, was \"big\"",
                message("{\"racers\": [{\"clipNorm\": \"big\"}]}"));
        assertTrue(message("{\"racers\": [{\"optimizer\": \"adam beta1=1.0\"}]}")
                .startsWith("p.json: racers[0].optimizer: adam: beta1 must be in [0, 1), was 1.0"),
                message("{\"racers\": [{\"optimizer\": \"adam beta1=1.0\"}]}"));
        assertTrue(message("{\"racers\": [{\"schedule\": \"cosine\"}]}").startsWith("p.json: racers[0].schedule: "));
        assertEquals("p.json: racers[0]: expected an object, was 3", message("{\"racers\": [3]}"));
        assertEquals("p.json: racers: expected an array, was an object", message("{\"racers\": {}}"));
        assertTrue(message("{\"problem\": {\"surface\": \"rosenbrok\"}}")
                .startsWith("p.json: problem.surface: unknown surface 'rosenbrok'"));
        assertEquals("p.json: problem.surface: give exactly one of a catalogue surface and an expression",
                message("{\"problem\": {\"surface\": \"bowl\", \"expression\": \"x\"}}"));
        assertTrue(message("{\"problem\": {\"expression\": \"sin(x\"}}").startsWith("p.json: problem.expression: "));
        assertEquals("p.json: problem.start: expected an object, was 3", message("{\"problem\": {\"start\": 3}}"));
        assertEquals("p.json: problem.start.x: expected a number, was true",
                message("{\"problem\": {\"start\": {\"x\": true}}}"));
        assertTrue(message("{\"problem\": {\"window\": {\"xMin\": 2, \"xMax\": 1}}}").startsWith("p.json: problem.window: "));
        assertEquals("p.json: problem.kind: must be surface or dataset, was \"image\"",
                message("{\"problem\": {\"kind\": \"image\"}}"));
        assertEquals("p.json: problem.split must be in [0, 1), was 1.0",
                message("{\"problem\": {\"kind\": \"dataset\", \"dataset\": \"xor\", \"split\": 1}}"));
        assertEquals("p.json: network.layers[1]: expected a whole number, was 2.5",
                message("{\"network\": {\"layers\": [4, 2.5]}}"));
        assertEquals("p.json: network.dropout must be in [0, 1), was 1.0",
                message("{\"network\": {\"dropout\": 1}}"));
        assertEquals("p.json: steps must be >= 0, was -1", message("{\"steps\": -1}"));
        assertEquals("p.json: steps: expected a whole number, was 1.5", message("{\"steps\": 1.5}"));
        assertEquals("p.json: stepsPerSecond must be in [1, 100000], was 0.0", message("{\"stepsPerSecond\": 0}"));
        assertEquals("p.json: schemaVersion: 2 is newer than this Descent reads (1)", message("{\"schemaVersion\": 2}"));
        assertEquals("p.json: title: expected a string, was 5", message("{\"title\": 5}"));
    }

    @Test
    void brokenJsonAndDeepNestingAreCleanErrors() {
        assertTrue(message("{\"title\": \"x\",,}").startsWith("p.json: not valid JSON at line 1, column "),
                message("{\"title\": \"x\",,}"));
        assertEquals("p.json: empty file; expected a preset object", message(""));
        assertEquals("p.json: expected an object, was an array", message("[]"));
        assertTrue(message("{} {}").startsWith("p.json: not valid JSON"));
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertEquals("p.json: JSON nested deeper than 64 levels", message(deep));
    }

    @Test
    void aMissingFileIsAConfigError(@TempDir Path dir) {
        String msg = assertThrows(ConfigException.class, () -> PresetFiles.load(dir.resolve("none.json"))).getMessage();
        assertTrue(msg.endsWith("none.json: no such file"), msg);
    }

    @Test
    void aFailedSaveLeavesTheOldFileAsItWas(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        PresetFiles.save(file, surfacePreset());
        String before = Files.readString(file);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, w -> {
            w.write("{ half");
            throw new IOException("disk full");
        }));
        assertEquals(before, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void mutatedPresetsOnlyEverRaiseConfigException() {
        String valid = PresetFiles.toJson(surfacePreset());
        SplittableRandom random = new SplittableRandom(20261122L);
        String alphabet = "{}[]\",:0123456789.-eE truefalsnul\\";
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(valid);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                PresetFiles.parse(text.toString(), "fuzz.json");
            } catch (ConfigException expected) {
                assertTrue(expected.getMessage().startsWith("fuzz.json: "), expected.getMessage());
            } catch (RuntimeException other) {
                fail("input " + i + " raised " + other + " for:\n" + text);
            }
        }
    }
}
