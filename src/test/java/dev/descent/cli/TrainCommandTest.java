package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DescentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesOneCsvRowPerEpochAndRacerAndASummaryWithTheContractKeys(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("epochs.csv");
        Path summary = dir.resolve("summary.json");
        Run r = run("train", "--data", "moons", "--samples", "120", "--layers", "8,8", "--activation", "tanh",
                "--racer", "adam lr=0.01", "--racer", "sgd lr=0.1 label=plain", "--epochs", "3", "--batch", "16",
                "--seed", "5", "--backend", "cpu", "--csv", csv.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("racer,label,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr", lines.get(0));
        assertEquals(1 + 3 * 2, lines.size());
        assertTrue(lines.get(6).startsWith("1,plain,3,18,"), lines.get(6));
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertTrue(json.get("backend").asText().startsWith("cpu"), json.toString());
        JsonNode racer = json.get("racers").get(1);
        for (String key : List.of("label", "epochs_run", "train_loss", "val_loss", "train_accuracy", "val_accuracy",
                "diverged_at", "stopped_early_at")) {
            assertTrue(racer.has(key), key + " missing in " + racer);
        }
        assertEquals("plain", racer.get("label").asText());
        assertEquals(3, racer.get("epochs_run").asInt());
        assertTrue(racer.get("diverged_at").isNull());
    }

    @Test
    void aRacerWhoseValidationLossOverflowsDivergesAndIsNotStoppedEarly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("epochs.csv");
        Path summary = dir.resolve("summary.json");
        Run r = run("train", "--data", "moons", "--layers", "16", "--racer", "sgd lr=1e6 label=boom",
                "--racer", "adam lr=0.01", "--epochs", "30", "--early-stopping", "patience=2", "--backend", "cpu",
                "--csv", csv.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.err());
        List<String> boomRows = Files.readAllLines(csv).stream().filter(l -> l.startsWith("0,boom,")).toList();
        assertEquals(1, boomRows.size(), boomRows.toString());
        String[] row = boomRows.get(0).split(",");
        assertEquals("NaN", row[5], "val_loss of the overflowing racer: " + boomRows.get(0));
        JsonNode racers = new ObjectMapper().readTree(summary.toFile()).get("racers");
        JsonNode boom = racers.get(0);
        assertEquals(Long.parseLong(row[3]), boom.get("diverged_at").asLong(), boom.toString());
        assertTrue(boom.get("stopped_early_at").isNull(), boom.toString());
        assertTrue(racers.get(1).get("diverged_at").isNull(), racers.toString());
    }

    @Test
    void aRacerThatStopsImprovingIsStoppedEarlyAfterPatiencePlusOneEpochs(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("epochs.csv");
        Path summary = dir.resolve("summary.json");
        Run r = run("train", "--data", "moons", "--layers", "8", "--racer", "sgd lr=0 label=frozen",
                "--racer", "adam lr=0.01", "--epochs", "10", "--early-stopping", "patience=2", "--backend", "cpu",
                "--csv", csv.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.err());
        long frozenRows = Files.readAllLines(csv).stream().filter(l -> l.startsWith("0,frozen,")).count();
        JsonNode racers = new ObjectMapper().readTree(summary.toFile()).get("racers");
        JsonNode frozen = racers.get(0);
        // epoch 1 sets the best; epochs 2 and 3 do not improve; patience 2 is used up at epoch 3
        assertEquals(3, frozen.get("stopped_early_at").asInt(), frozen.toString());
        assertEquals(3, frozen.get("epochs_run").asInt(), frozen.toString());
        assertEquals(3, frozenRows);
        assertTrue(frozen.get("diverged_at").isNull(), frozen.toString());
        assertTrue(racers.get(1).get("stopped_early_at").isNull(), racers.toString());
        assertEquals(10, racers.get(1).get("epochs_run").asInt(), racers.toString());
    }

    @Test
    void csvToStandardOutputAndTheSameSeedGivesTheSameNumbers() {
        String[] args = {"train", "--data", "xor", "--samples", "64", "--layers", "4", "--racer", "sgd lr=0.5",
                "--epochs", "2", "--batch", "8", "--batchnorm", "--dropout", "0.2", "--csv", "-"};
        Run first = run(args);
        Run second = run(args);
        assertEquals(0, first.code(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().startsWith(TrainCommand.CSV_HEADER), first.out());
    }

    @Test
    void badOptionsExitWithTwoAndOneErrorLine() {
        String[][] bad = {
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "0"},
                {"train", "--data", "moons", "--layers", "4,x", "--racer", "sgd", "--epochs", "1"},
                {"train", "--data", "nosuchset", "--layers", "4", "--racer", "sgd", "--epochs", "1"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "adamm", "--epochs", "1"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "1", "--loss", "hinge"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "1", "--dropout", "1"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "1", "--backend", "tpu"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "1", "--activation", "swish"},
                {"train", "--data", "moons", "--layers", "4", "--epochs", "1"},
                {"train", "--data", "spiral3", "--layers", "4", "--racer", "sgd", "--epochs", "1", "--loss", "bce"},
                {"train", "--data", "missing.csv", "--layers", "4", "--racer", "sgd", "--epochs", "1"},
                {"train", "--data", "moons", "--layers", "4", "--racer", "sgd", "--epochs", "1",
                        "--early-stopping", "patience=-1"},
        };
        for (String[] args : bad) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
