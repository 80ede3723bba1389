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
