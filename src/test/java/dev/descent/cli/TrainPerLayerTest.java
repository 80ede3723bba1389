package dev.descent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} with per-layer activations and dropout trains the network a per-layer preset describes. */
class TrainPerLayerTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DescentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static String[] train(String activation, String dropout) {
        return run("train", "--data", "moons", "--samples", "120", "--layers", "8,6", "--activation", activation,
                "--dropout", dropout, "--racer", "adam lr=0.01", "--epochs", "3", "--batch", "16", "--seed", "4",
                "--normalize", "standard", "--backend", "cpu", "--csv", "-");
    }

    @Test
    void perLayerActivationsAndDropoutMatchTheSamePresetUnderRun(@TempDir Path dir) throws Exception {
        String[] mixed = train("relu,tanh", "0,0.2");
        assertEquals("0", mixed[0], mixed[2]);
        assertNotEquals(train("relu", "0")[1], mixed[1]);
        assertNotEquals(train("tanh", "0.2")[1], mixed[1]);
        Path preset = dir.resolve("mixed.json");
        Files.writeString(preset, "{\"title\":\"mixed\",\"seed\":4,\"problem\":{\"kind\":\"dataset\",\"dataset\":\"moons\","
                + "\"samples\":120,\"noise\":0.1,\"split\":0.2,\"normalize\":\"standard\"},\"network\":{\"layers\":[8,6],"
                + "\"activation\":[\"relu\",\"tanh\"],\"dropout\":[0,0.2],\"init\":\"torch\",\"batchSize\":16},"
                + "\"racers\":[{\"optimizer\":\"adam lr=0.01\"}],\"epochs\":3}");
        String[] r = run("run", preset.toString(), "--backend", "cpu", "--out", dir.resolve("out").toString());
        assertEquals("0", r[0], r[2]);
        List<String> epochs = Files.readAllLines(dir.resolve("out/epochs.csv"));
        List<String> trained = mixed[1].lines().toList();
        assertEquals(trained.size(), epochs.size());
        for (int i = 1; i < trained.size(); i++) {
            // same columns up to lr; run adds the gradient norms and labels the racer by its optimizer
            String[] a = trained.get(i).split(",");
            String[] b = epochs.get(i).split(",");
            for (int c = 2; c < 9; c++) {
                assertEquals(a[c], b[c], "row " + i + " column " + c);
            }
        }
    }

    @Test
    void aPerLayerListOfTheWrongLengthIsOneErrorLine() {
        String[] r = train("relu,tanh,relu", "0");
        assertEquals("2", r[0]);
        assertEquals("error: activation: give one value for every hidden layer or one per hidden layer (2), was 3"
                + " values", r[2].strip());
        r = train("relu", "0,x");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: dropout must be a rate or one per layer"), r[2]);
    }
}
