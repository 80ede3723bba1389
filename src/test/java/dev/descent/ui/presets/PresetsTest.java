package dev.descent.ui.presets;

import dev.descent.core.config.ConfigException;
import dev.descent.core.preset.Preset;
import dev.descent.core.race.RaceOptions;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.Startup;
import dev.descent.ui.racers.RacerViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {
    @TempDir
    Path dir;
    private MainViewModel model;

    @BeforeEach
    void start() {
        model = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        model.problem().choose("ravine");
        model.problem().setParameter("kappa", 20);
        model.problem().setStart(-1.5, 0.75);
        model.racers().add(RacerViewModel.of("gd", "#ff0000", "sgd", "0.05"));
        model.racers().add(RacerViewModel.of("adam", "#00ff00", "adam", "0.1"));
        model.racers().racers().get(1).setClip(true, "1.5");
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void savedSessionOpensAsTheSameProblemAndRacers() {
        Path file = dir.resolve("mine.json");
        assertTrue(model.save(file));
        MainViewModel other = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        try {
            assertTrue(other.open(file));
            assertEquals("ravine", other.problem().choiceProperty().get());
            assertEquals(20.0, other.problem().surfaceProperty().get().parameters().get("kappa"));
            assertEquals(-1.5, other.problem().startProperty().get()[0]);
            assertEquals(2, other.racers().racers().size());
            RacerViewModel adam = other.racers().racers().get(1);
            assertEquals("adam", adam.optimizerProperty().get().name());
            assertEquals(1.5, adam.clipNorm());
            assertEquals(model.racers().racers().get(0).toConfig(), other.racers().racers().get(0).toConfig());
        } finally {
            other.close();
        }
    }

    @Test
    void badPresetFileIsReportedAndChangesNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"title\":\"x\",\"problem\":{\"kind\":\"surface\",\"surface\":\"bowl\","
                + "\"start\":{\"x\":0,\"y\":1}},\"racers\":[{\"label\":\"a\",\"colour\":\"#ff0000\","
                + "\"optimizer\":\"adamm\"}]}");
        var surface = model.problem().surfaceProperty().get();
        var racers = List.copyOf(model.racers().racers());
        assertFalse(model.open(bad));
        assertTrue(model.messageProperty().get().contains("adamm"), model.messageProperty().get());
        assertSame(surface, model.problem().surfaceProperty().get());
        assertEquals(racers, model.racers().racers());
    }

    @Test
    void bundledPresetsAreListedAndALoadedOneSetsSpeedAndBudget() {
        List<String> problems = new ArrayList<>();
        List<PresetEntry> entries = PresetCatalog.load(List.of(), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        PresetEntry rosenbrock = entries.stream().filter(e -> e.preset().title().startsWith("Rosenbrock"))
                .findFirst().orElseThrow();
        model.apply(rosenbrock.preset());
        assertEquals("rosenbrock", model.problem().choiceProperty().get());
        assertEquals(rosenbrock.preset().racers().size(), model.racers().racers().size());
        assertEquals(rosenbrock.preset().stepsPerSecond(), model.stepsPerSecondProperty().get());
        assertEquals(rosenbrock.preset().steps(), model.toPreset("again").steps());
    }

    @Test
    void folderPresetReplacesTheBundledOneOfTheSameNameAndABadOneIsReported() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("presets"));
        model.save(folder.resolve("rosenbrock-race.json"));
        Files.writeString(folder.resolve("broken.json"), "{\"title\": 3");
        List<String> problems = new ArrayList<>();
        List<PresetEntry> entries = PresetCatalog.load(List.of(folder), problems);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("broken.json"), problems.get(0));
        long named = entries.stream().filter(e -> e.preset().title().startsWith("Rosenbrock")).count();
        assertEquals(0, named, "the folder's file of the same name replaced the bundled preset");
        assertTrue(entries.stream().anyMatch(e -> e.source().equals(folder.toString())));
    }

    @Test
    void sessionStoreRoundTripsAndRejectsAGarbledFile() throws Exception {
        SessionStore store = new SessionStore(dir.resolve("cfg/session.json"));
        assertTrue(store.load().isEmpty());
        Preset p = model.toPreset("Last session");
        store.save(p);
        assertEquals(p, store.load().orElseThrow());
        Files.writeString(store.file(), "{ not json");
        assertThrows(ConfigException.class, store::load);
    }

    @Test
    void configFolderFollowsThePlatform() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.config/descent/session.json"),
                SessionStore.defaultFile(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/descent/session.json"),
                SessionStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home));
        assertEquals(Path.of("/home/u/Library/Application Support/Descent/session.json"),
                SessionStore.defaultFile(Map.of(), "Mac OS X", home));
    }
}
