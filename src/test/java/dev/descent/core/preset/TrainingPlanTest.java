package dev.descent.core.preset;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.CpuBackend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPlanTest {

    private static final String BASE = """
            {"title": "t", "seed": 3, "epochs": 4,
             "problem": {"kind": "dataset", "dataset": "moons", "samples": 120, "split": 0.25},
             "network": {"layers": [8], "batchSize": 16},
             "racers": [%s]}
            """;

    private static Preset preset(String racers) {
        return PresetFiles.parse(BASE.formatted(racers), "p.json");
    }

    private static List<TrainingRaceResult> results(Preset p, List<TrainingRaceEpoch> epochs, int[] races) {
        try (Backend backend = new CpuBackend(); TrainingPlan plan = new TrainingPlan(p, null, backend)) {
            plan.run(epochs::add);
            races[0] = plan.raceCount();
            return plan.results();
        }
    }

    @Test
    void racersThatChangeTheNetworkRaceSeparatelyAndKeepTheirNumbersAndPlaces() {
        String a = "{\"label\": \"a\", \"optimizer\": \"adam lr=0.01\"}";
        String b = "{\"label\": \"b\", \"optimizer\": \"adam lr=0.01\", \"network\": {\"layers\": []}}";
        String off = "{\"label\": \"off\", \"optimizer\": \"sgd\", \"enabled\": false}";
        String c = "{\"label\": \"c\", \"optimizer\": \"sgd lr=0.1\", \"normalize\": \"none\"}";
        List<TrainingRaceEpoch> epochs = new ArrayList<>();
        int[] races = new int[1];
        List<TrainingRaceResult> all = results(preset(String.join(",", a, b, off, c)), epochs, races);
        assertEquals(3, races[0], "shared, linear model, unscaled");
        assertEquals(List.of("a", "b", "c"), all.stream().map(TrainingRaceResult::label).toList());
        assertEquals(3 * 4, epochs.size());
        for (TrainingRaceEpoch e : epochs) {
            assertEquals(List.of("a", "b", "c").get(e.racer()), e.label(), "epochs carry the enabled-racer index");
        }
        // the same seed makes a racer's run independent of which other racers share the plan
        List<TrainingRaceResult> alone = results(preset(b), new ArrayList<>(), races);
        assertEquals(alone.get(0).trainLoss(), all.get(1).trainLoss(), 1e-9);
        List<TrainingRaceResult> aAlone = results(preset(a), new ArrayList<>(), races);
        assertEquals(aAlone.get(0).valLoss(), all.get(0).valLoss(), 1e-6);
        assertNotEquals(all.get(0).trainLoss(), all.get(1).trainLoss(), "a linear model is another model");
    }

    @Test
    void noiseAugmentationTrainsOnCopiesPlusOneTimesTheTrainingRows() {
        String racer = "{\"label\": \"a\", \"optimizer\": \"adam lr=0.01\"}";
        String noisy = BASE.formatted(racer).replace("\"split\": 0.25}",
                "\"split\": 0.25, \"augment\": {\"copies\": 2, \"sigma\": 0.2}}");
        assertTrue(noisy.contains("augment"));
        List<TrainingRaceEpoch> plain = new ArrayList<>();
        List<TrainingRaceEpoch> augmented = new ArrayList<>();
        int[] races = new int[1];
        List<TrainingRaceResult> before = results(preset(racer), plain, races);
        List<TrainingRaceResult> after = results(PresetFiles.parse(noisy, "p.json"), augmented, races);
        // 120 moons, 30 held out: 90 training rows in batches of 16 = 6 steps an epoch; 3 x 90 = 270 rows = 17
        assertEquals(6, plain.get(0).step());
        assertEquals(17, augmented.get(0).step());
        assertEquals(4 * 17, augmented.get(3).step());
        assertNotEquals(before.get(0).trainLoss(), after.get(0).trainLoss());
        List<TrainingRaceResult> again = results(PresetFiles.parse(noisy, "p.json"), new ArrayList<>(), races);
        assertEquals(after.get(0).trainLoss(), again.get(0).trainLoss(), 0.0, "the same seed, the same noise");
    }

    @Test
    void aRacerVariantNeedsADatasetPresetAndValidValues() {
        String surface = "{\"title\": \"s\", \"racers\": [{\"optimizer\": \"sgd\", \"network\": {\"layers\": [4]}}]}";
        assertTrue(assertThrows(ConfigException.class, () -> PresetFiles.parse(surface, "s.json")).getMessage()
                .contains("racers[0].network: only racers of a data-set preset can change it"));
        String badNormalize = "{\"label\": \"x\", \"optimizer\": \"sgd\", \"normalize\": \"zscore\"}";
        assertTrue(assertThrows(ConfigException.class, () -> preset(badNormalize)).getMessage()
                .contains("normalize must be one of none|standard|minmax"));
        String badStopping = "{\"label\": \"x\", \"optimizer\": \"sgd\", \"network\": {\"earlyStopping\": \"patience=-1\"}}";
        assertTrue(assertThrows(ConfigException.class, () -> preset(badStopping)).getMessage()
                .contains("earlyStopping"));
    }

    @Test
    void topicVariantsAndEarlyStoppingSurviveARoundTrip() {
        Preset p = PresetFiles.parse(("{\"topic\": \"14 Generalisation\"," + BASE.substring(BASE.indexOf('{') + 1))
                .formatted("{\"label\": \"a\", \"optimizer\": \"adam\"},"
                        + "{\"label\": \"b\", \"optimizer\": \"adam\", \"normalize\": \"minmax\","
                        + " \"network\": {\"dropout\": 0.5, \"earlyStopping\": \"patience=3 restore_best_weights=true\"}}"),
                "");
        assertEquals("14 Generalisation", p.topic());
        assertEquals(RacerVariant.NONE, p.variant(0));
        assertEquals("minmax", p.variant(1).normalize());
        assertEquals(List.of(0.5), p.variant(1).network().dropout());
        assertEquals(List.of(8), p.variant(1).network().layers(), "unset keys come from the preset's network");
        assertEquals(p, PresetFiles.parse(PresetFiles.toJson(p), ""));
        assertEquals(List.of(), p.withRacers(p.racers().subList(0, 1)).variants(), "variants dropped with the racer count");
    }
}
