package dev.descent.ui.main;

import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.RaceOptions;
import dev.descent.ui.presets.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session and the theme across a restart, without the toolkit. */
class SessionRestoreTest {
    @TempDir
    Path dir;
    private final List<MainViewModel> models = new ArrayList<>();

    private MainViewModel model() {
        MainViewModel m = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        models.add(m);
        return m;
    }

    @AfterEach
    void close() {
        models.forEach(MainViewModel::close);
    }

    private SessionStore store() {
        return new SessionStore(dir.resolve("cfg/session.json"));
    }

    @Test
    void aRestoredPresetKeepsItsTitleForTheFigures() throws Exception {
        Preset rosenbrock = PresetFiles.load(Path.of("presets/rosenbrock-race.json"));
        MainViewModel first = model();
        first.apply(rosenbrock);
        Startup.store(first, store());
        MainViewModel second = model();
        assertEquals("restored the last session", Startup.restore(second, store()));
        assertEquals(rosenbrock.title(), second.titleProperty().get());
        assertEquals(rosenbrock.title(), store().load().orElseThrow().title());
    }

    @Test
    void anOwnSessionComesBackUntitledAlsoFromFilesOfEarlierVersions() throws Exception {
        MainViewModel first = model();
        Startup.populate(first);
        Startup.store(first, store());
        assertEquals(SessionStore.UNTITLED, store().load().orElseThrow().title());
        MainViewModel second = model();
        Startup.restore(second, store());
        assertEquals("", second.titleProperty().get(), "figures are then titled after the surface");
        assertEquals(first.racers().racers().size(), second.racers().racers().size());
    }

    @Test
    void aSurfaceSessionLeftInDataSetModeIsNotStoredUnderTheDataPresetsTitle() throws Exception {
        MainViewModel first = model();
        first.attachDataMode(new dev.descent.ui.network.DataModeViewModel(new dev.descent.core.compute.CpuBackend(),
                dev.descent.core.compute.CpuBackend::new, "cpu (test)", System::nanoTime, Runnable::run));
        Startup.populate(first);
        first.apply(PresetFiles.load(Path.of("presets/xor-hidden-layer.json")));
        Startup.store(first, store());
        assertEquals(SessionStore.UNTITLED, store().load().orElseThrow().title());
    }

    @Test
    void theDarkThemeIsStoredAndRestored() throws Exception {
        MainViewModel first = model();
        Startup.populate(first);
        first.darkProperty().set(true);
        Startup.store(first, store());
        assertTrue(Files.readString(store().settingsFile()).contains("\"dark\""));
        MainViewModel second = model();
        Startup.restore(second, store());
        assertTrue(second.darkProperty().get());

        first.darkProperty().set(false);
        Startup.store(first, store());
        MainViewModel third = model();
        third.darkProperty().set(true);
        Startup.restore(third, store());
        assertFalse(third.darkProperty().get());
    }

    @Test
    void unreadableSettingsMeanTheLightTheme() throws Exception {
        Files.createDirectories(store().settingsFile().getParent());
        Files.writeString(store().settingsFile(), "{ not json");
        assertEquals(SessionStore.Settings.DEFAULT, store().loadSettings());
        MainViewModel m = model();
        Startup.restore(m, store());
        assertFalse(m.darkProperty().get());
    }
}
