package dev.descent.ui.main;

import dev.descent.core.compute.CpuBackend;
import dev.descent.core.preset.Preset;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.RaceOptions;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.presets.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save and the last-session store keep data-set mode: its preset is written and opens back in data-set mode. */
class DataModeSessionTest {

    private static MainViewModel window() {
        MainViewModel m = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
        m.attachDataMode(new DataModeViewModel(new CpuBackend(), CpuBackend::new, "cpu (test)", System::nanoTime,
                Runnable::run));
        return m;
    }

    @Test
    void saveInDataSetModeWritesTheDataSetPresetAndOpeningItReturnsToDataSetMode(@TempDir Path dir) {
        Path file = dir.resolve("mine.json");
        Preset saved;
        MainViewModel first = window();
        try {
            Startup.populate(first);
            first.dataModeProperty().set(true);
            first.dataModel().data().generatorProperty().set("circles");
            first.dataModel().network().hiddenProperty().set("10, 5");
            first.dataModel().network().layers().get(1).activationProperty().set("sigmoid");
            first.dataModel().network().epochsProperty().set(42);
            assertTrue(first.save(file), first.messageProperty().get());
            saved = PresetFiles.load(file);
        } finally {
            first.close();
        }
        assertFalse(saved.problem().isSurface(), "not the surface session");
        assertEquals("circles", saved.problem().dataset().name());
        assertEquals(42, saved.epochs());
        assertEquals(java.util.List.of("tanh", "sigmoid"), saved.network().activation());

        MainViewModel second = window();
        try {
            Startup.populate(second);
            assertTrue(second.open(file), second.messageProperty().get());
            assertTrue(second.dataModeProperty().get());
            assertEquals("circles", second.dataModel().session().data().source().name());
            assertEquals("10, 5", second.dataModel().network().hiddenProperty().get());
            assertEquals("sigmoid", second.dataModel().network().layers().get(1).activationProperty().get());
            assertEquals(42, second.dataModel().network().epochsProperty().get());
        } finally {
            second.close();
        }
    }

    @Test
    void theLastSessionInDataSetModeComesBackInDataSetMode(@TempDir Path dir) {
        SessionStore store = new SessionStore(dir.resolve("session.json"));
        MainViewModel first = window();
        try {
            Startup.restore(first, store);
            assertTrue(first.open(Path.of("presets/xor-hidden-layer.json")));
            first.dataModel().network().epochsProperty().set(17);
            first.dataModel().data().augmentCopiesProperty().set(2);
            first.dataModel().data().augmentSigmaProperty().set(0.25);
            Startup.store(first, store);
        } finally {
            first.close();
        }
        MainViewModel second = window();
        try {
            assertEquals("restored the last session", Startup.restore(second, store));
            assertTrue(second.dataModeProperty().get());
            assertEquals("xor", second.dataModel().session().data().source().name());
            assertEquals(17, second.dataModel().network().epochsProperty().get());
            assertEquals(2, second.dataModel().session().racers().size());
            assertEquals(2, second.dataModel().data().augmentCopiesProperty().get(), "noise copies come back");
            assertEquals(0.25, second.dataModel().data().augmentSigmaProperty().get());
            dev.descent.ui.data.PreparedData data = second.dataModel().session().data();
            assertEquals(3 * (data.source().size() - data.validation().size()), data.train().size(),
                    "the restored session trains on the rows and their two noisy copies");
        } finally {
            second.close();
        }
    }
}
