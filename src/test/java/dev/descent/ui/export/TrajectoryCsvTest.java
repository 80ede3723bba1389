package dev.descent.ui.export;

import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.SurfaceRace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The app's CSV (written from the race snapshot on screen) against the {@code run} command's streamed CSV. */
class TrajectoryCsvTest {
    private static final String PRESET = """
            {"title": "csv", "problem": {"surface": "bowl", "start": {"x": 1, "y": -1}},
             "racers": [{"label": "slow, steady", "optimizer": "sgd lr=0.1"},
                        {"label": "off", "optimizer": "sgd lr=0.3", "enabled": false},
                        {"label": "wild", "optimizer": "adam lr=0.5"},
                        {"label": "gone", "optimizer": "sgd lr=1.5"}],
             "steps": 80}
            """;

    @Test
    void snapshotCsvEqualsTheRunCommandsCsv(@TempDir Path dir) throws IOException {
        Path preset = Files.writeString(dir.resolve("p.json"), PRESET);
        int code = dev.descent.cli.DescentCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "run", preset.toString(), "--out", dir.toString());
        assertEquals(0, code);
        List<String> expected = Files.readAllLines(dir.resolve("trajectories.csv"));

        SurfaceRace race = PresetFiles.load(preset).createSurfaceRace(10_000);
        while (!race.isFinished()) {
            race.step();
        }
        StringWriter csv = new StringWriter();
        TrajectoryCsv.write(race.snapshot(), csv);
        assertEquals(expected, csv.toString().lines().toList());
    }
}
