package dev.descent.ui.data;

import dev.descent.core.data.BundledDatasets;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.preset.DatasetProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataProblemViewModelTest {
    /** Runs tasks only when told: the test plays background thread and UI thread. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void thePreviewShowsColumnsSeparatorRowsAndProposesTheTextColumnAsLabel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, "species;sepal;petal\nsetosa;5,1;1,4\nvirginica;6,3;6,0\n");
        DataProblemViewModel m = new DataProblemViewModel();
        CsvHeader.Preview p = m.previewCsv(file);
        assertEquals(List.of("species", "sepal", "petal"), p.columns());
        assertEquals(';', p.separator());
        assertEquals(List.of("setosa", "5,1", "1,4"), p.rows().get(0));
        assertEquals("species", p.detectedLabel());
        assertEquals("moons", m.datasetProperty().get().name(), "a preview changes nothing");
    }

    @Test
    void aFirstColumnLabelLoadsOnceItIsPickedAndFailsWithTheLastColumnAsTheImporterDefault(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, "species,sepal,petal\nsetosa,5.1,1.4\nvirginica,6.3,6.0\nsetosa,4.9,1.3\n");
        DataProblemViewModel m = new DataProblemViewModel();
        assertFalse(m.importCsv(file, null).get(), "the last column as label leaves 'setosa' as a feature");
        assertTrue(m.errorProperty().get().contains("line 2, column 'species' (1): 'setosa' is not a number"),
                m.errorProperty().get());
        assertEquals("moons", m.datasetProperty().get().name());
        String label = m.previewCsv(file).detectedLabel();
        assertEquals("species", label);
        assertTrue(m.importCsv(file, label).get());
        assertEquals("", m.errorProperty().get());
        assertEquals("flowers", m.datasetProperty().get().name());
        assertEquals(List.of("sepal", "petal"), m.datasetProperty().get().featureNames());
        assertEquals(List.of("species", "sepal", "petal"), m.csvColumns());
        assertEquals("species", m.csvLabelProperty().get());
        assertEquals(DataSourceKind.CSV, m.kindProperty().get());
    }

    @Test
    void aLargeFileParsesInTheBackgroundAndShowsOnlyWhenItHasParsed(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; sb.length() <= DataProblemViewModel.SYNC_CSV_BYTES; i++) {
            sb.append(i % 97).append(',').append(i % 89).append(',').append(i % 3 == 0 ? "x" : "y").append('\n');
        }
        Files.writeString(big, sb);
        ManualExecutor background = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        DataProblemViewModel m = new DataProblemViewModel(background, ui);
        var before = m.preparedProperty().get();
        CompletableFuture<Boolean> done = m.importCsv(big, null);
        assertTrue(m.csvLoadingProperty().get());
        assertFalse(done.isDone());
        assertEquals(1, background.tasks.size(), "parsing waits for the background executor");
        background.runAll();
        assertSame(before, m.preparedProperty().get(), "parsed, but shown only on the UI executor");
        ui.runAll();
        assertTrue(done.get());
        assertFalse(m.csvLoadingProperty().get());
        assertEquals("big", m.datasetProperty().get().name());
    }

    @Test
    void aLargeBadFileReportsItsBadRowsAndKeepsTheData(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("a,b,label\n");
        int line = 1;
        while (sb.length() <= DataProblemViewModel.SYNC_CSV_BYTES) {
            line++;
            sb.append(line % 1000 == 0 ? "bad" : "1").append(",2,").append(line % 2 == 0 ? "x" : "y").append('\n');
        }
        Files.writeString(big, sb);
        ManualExecutor background = new ManualExecutor();
        DataProblemViewModel m = new DataProblemViewModel(background, Runnable::run);
        var before = m.preparedProperty().get();
        CompletableFuture<Boolean> done = m.importCsv(big, null);
        background.runAll();
        assertFalse(done.get());
        assertSame(before, m.preparedProperty().get());
        assertTrue(m.errorProperty().get().startsWith("big.csv: " + (line / 1000) + " bad rows, the first 5: line 1000,"),
                m.errorProperty().get());
    }

    @Test
    void aPresetsDataIsCheckedBeforeAnythingChanges(@TempDir Path dir) throws Exception {
        DataProblemViewModel m = new DataProblemViewModel();
        m.augmentCopiesProperty().set(2);
        m.augmentSigmaProperty().set(0.4);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,label\n1,a\nno,b\n");
        assertThrows(dev.descent.core.config.ConfigException.class,
                () -> m.read(new DatasetProblem(null, bad.toString(), 200, 0.1, 0.2, "standard"), 3));
        DataProblemViewModel.PendingData pending = m.read(new DatasetProblem("circles", null, 120, 0.05, 0.25,
                "minmax"), 3);
        assertEquals("moons", m.datasetProperty().get().name(), "nothing changes before commit");
        pending.commit();
        assertEquals("circles", m.datasetProperty().get().name());
        assertEquals(120, m.datasetProperty().get().size());
        assertEquals(0, m.augmentCopiesProperty().get(), "presets have no noise augmentation");
        assertEquals(0.1, m.augmentSigmaProperty().get(), "and the sigma is back at its default");
        assertEquals(dev.descent.core.data.Normalization.MINMAX, m.normalizationProperty().get());
        assertEquals(3, m.seedProperty().get());
        assertEquals(new DatasetProblem("circles", null, 120, 0.05, 0.25, "minmax"), m.toProblem());
        m.noiseProperty().set(0.2);
        assertEquals(0.2, m.datasetProperty().get() == null ? 0 : m.toProblem().noise());
        assertEquals(DataGenerators.create("circles", 120, 0.2, 3).features()[0][0],
                m.datasetProperty().get().features()[0][0], "edits after a preset still reload");
    }

    @Test
    void aBundledSetShowsItsSourceAndLicence() {
        DataProblemViewModel m = new DataProblemViewModel();
        m.bundledProperty().set("wine");
        m.kindProperty().set(DataSourceKind.BUNDLED);
        String summary = m.summaryProperty().get();
        assertTrue(summary.startsWith("wine: 178 rows, 13 features, 3 classes"), summary);
        assertTrue(summary.contains("\nsource: M. Forina et al., UCI Machine Learning Repository, Wine"), summary);
        assertTrue(summary.endsWith("CC BY 4.0"), summary);
        for (String name : BundledDatasets.names()) {
            assertTrue(BundledDatasets.attribution(name).endsWith("CC BY 4.0"), name);
        }
        m.kindProperty().set(DataSourceKind.GENERATOR);
        assertFalse(m.summaryProperty().get().contains("source:"));
        assertNull(m.previewCsv(Path.of("no-such-file.csv")));
        assertNotNull(m.errorProperty().get());
    }
}
