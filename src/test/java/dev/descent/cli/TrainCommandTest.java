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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void labelNamesTheLabelColumnOfACsvFile(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder("kind,x1,x2\n");
        dev.descent.core.data.Dataset moons = dev.descent.core.data.DataGenerators.create("moons", 100, 0.1, 2);
        for (int i = 0; i < moons.size(); i++) {
            text.append(moons.label(i) == 0 ? "upper" : "lower").append(',').append(moons.features()[i][0]).append(',')
                    .append(moons.features()[i][1]).append('\n');
        }
        Path data = Files.writeString(dir.resolve("first-column-label.csv"), text);
        String[] base = {"train", "--data", data.toString(), "--layers", "8", "--racer", "adam lr=0.01",
                "--epochs", "2", "--backend", "cpu", "--csv", "-"};
        Run labelled = run(concat(base, "--label", "kind"));
        assertEquals(0, labelled.code(), labelled.err());
        String[] row = labelled.out().lines().toList().get(1).split(",", -1);
        assertTrue(Double.parseDouble(row[6]) >= 0 && Double.parseDouble(row[6]) <= 1,
                "classification on 'kind' has a training accuracy: " + labelled.out());
        // without --label the last column (x2) is the label and the text column 'kind' a feature
        CliRun.of(base).assertBadInput("column 'kind' (1): 'lower' is not a number");
        CliRun.of(concat(base, "--label", "nope"))
                .assertBadInput("no label column 'nope'; the columns are kind, x1, x2");
        CliRun.of("train", "--data", "moons", "--label", "kind", "--layers", "4", "--racer", "sgd", "--epochs", "1")
                .assertBadInput("--label names a column of a CSV file; 'moons' is a generated or bundled set");
        CliRun.of(concat(base, "--label", " ")).assertBadInput("--label is empty");
    }

    @Test
    void theCsvIsWrittenAtomicallyWithTheUsualPermissions(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out/epochs.csv");
        Path summary = dir.resolve("out/summary.json");
        Run r = run("train", "--data", "xor", "--samples", "40", "--layers", "4", "--racer", "sgd lr=0.1",
                "--epochs", "2", "--backend", "cpu", "--csv", csv.toString(), "--summary", summary.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, Files.readAllLines(csv).size());
        try (var files = Files.list(csv.getParent())) {
            assertEquals(List.of("epochs.csv", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file stays");
        }
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(csv));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(summary));
        }
    }

    @Test
    void errorsNameTheOptionAndTheReason(@TempDir Path dir) throws Exception {
        String[] base = {"train", "--data", "xor", "--samples", "40", "--layers", "4", "--epochs", "1"};
        CliRun.of(concat(base, "--racer", "sgd", "--schedule", "step"))
                .assertBadInput("--schedule 'step': step: step_size is required");
        CliRun.of(concat(base, "--racer", "sgd", "--schedule", "nosuch"))
                .assertBadInput("--schedule 'nosuch': unknown schedule 'nosuch'");
        CliRun.of(concat(base, "--racer", "adagrad", "--schedule", "onecycle max_lr=0.1 total_steps=10"))
                .assertBadInput("--schedule 'onecycle max_lr=0.1 total_steps=10' with --racer 'adagrad': ");
        CliRun.of(concat(base, "--racer", "adamm lr=1")).assertBadInput("--racer 'adamm lr=1': unknown optimizer 'adamm'");
        CliRun.of("train", "--data", dir.toString(), "--layers", "4", "--racer", "sgd", "--epochs", "1")
                .assertBadInput(dir + " is a folder, not a CSV file");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path blocked = file.resolve("epochs.csv");
        CliRun.of(concat(base, "--racer", "sgd", "--csv", blocked.toString()))
                .assertBadInput("cannot write --csv " + blocked + ": '" + file
                        + "' is in the way (a file where a folder is needed)");
        CliRun.of(concat(base, "--racer", "sgd", "--summary", dir.toString()))
                .assertBadInput("cannot write --summary " + dir + ": is a folder");
        if (Files.isDirectory(Path.of("/proc/self"))) { // Linux's /proc refuses new files, even root's
            CliRun.of(concat(base, "--racer", "sgd", "--csv", "/proc/nope.csv"))
                    .assertBadInput("cannot write --csv /proc/nope.csv: no such file or folder '/proc/nope.csv'");
        }
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        if (readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly)) {
            Path target = readOnly.resolve("summary.json");
            CliRun run = CliRun.of(concat(base, "--racer", "sgd", "--summary", target.toString()))
                    .assertBadInput("cannot write --summary " + target + ": permission denied for '" + target + "'");
            assertFalse(run.err().contains(".tmp"), "no temporary file name: " + run.err());
        }
    }

    @Test
    void theLrColumnIsTheRateOfTheEpochsLastStepUnderThePerStepSchedule() {
        // 40 rows, val 0.2: 32 training rows, batch 8, so epoch e ends with step 4e; an exponential
        // schedule advances once per step, so step k uses 0.1 * 0.9^(k-1)
        Run r = run("train", "--data", "xor", "--samples", "40", "--layers", "4", "--racer", "sgd lr=0.1",
                "--schedule", "exponential gamma=0.9", "--epochs", "3", "--batch", "8", "--backend", "cpu",
                "--csv", "-");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        for (int e = 1; e <= 3; e++) {
            String[] row = lines.get(e).split(",");
            assertEquals(4L * e, Long.parseLong(row[3]), "step column");
            assertEquals(0.1 * Math.pow(0.9, 4 * e - 1), Double.parseDouble(row[8]), 1e-15, "lr, epoch " + e);
        }
    }

    @Test
    void augmentTrainsOnNoisyCopiesOfTheTrainingRowsAndIsOffWithoutCopiesOrSigma() {
        // 40 rows, val 0.2: 32 training rows in batches of 8 = 4 steps an epoch; 2 noisy copies
        // of each make 96 rows = 12 steps; the validation rows are not augmented
        String[] base = {"train", "--data", "xor", "--samples", "40", "--layers", "4", "--racer", "adam lr=0.05",
                "--epochs", "2", "--batch", "8", "--normalize", "standard", "--backend", "cpu", "--csv", "-"};
        Run plain = run(base);
        Run noisy = run(concat(base, "--augment", "copies=2 sigma=0.3"));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, noisy.code(), noisy.err());
        List<String> plainRows = plain.out().lines().toList();
        List<String> noisyRows = noisy.out().lines().toList();
        assertEquals("4", plainRows.get(1).split(",")[3]);
        assertEquals("12", noisyRows.get(1).split(",")[3]);
        assertEquals("24", noisyRows.get(2).split(",")[3]);
        assertNotEquals(plainRows.get(2).split(",")[4], noisyRows.get(2).split(",")[4], "train loss");
        assertEquals(noisy.out(), run(concat(base, "--augment", "copies=2 sigma=0.3")).out(), "same seed, same noise");
        assertNotEquals(noisy.out(), run(concat(base, "--augment", "copies=2 sigma=0.3", "--seed", "1")).out());
        assertEquals(plain.out(), run(concat(base, "--augment", "copies=0 sigma=0.3")).out(), "no copies: no change");
        assertEquals(plain.out(), run(concat(base, "--augment", "copies=3 sigma=0")).out(), "sigma 0: no change");
    }

    @Test
    void augmentedTrainingMatchesRunOfAPresetWithTheSameDataNetworkAndAugment(@TempDir Path dir) throws Exception {
        Path preset = Files.writeString(dir.resolve("noisy.json"), """
                {"seed": 5, "epochs": 3,
                 "problem": {"kind": "dataset", "dataset": "moons", "samples": 120, "noise": 0.1, "split": 0.25,
                             "normalize": "minmax", "augment": {"copies": 2, "sigma": 0.2}},
                 "network": {"layers": [8], "activation": "tanh", "init": "torch", "loss": "ce", "batchSize": 16},
                 "racers": [{"label": "a", "optimizer": "adam lr=0.01"}]}
                """);
        CliRun.of("run", preset.toString(), "--backend", "cpu", "--out", dir.toString()).assertOk();
        Run r = run("train", "--data", "moons", "--samples", "120", "--noise", "0.1", "--val", "0.25",
                "--normalize", "minmax", "--augment", "copies=2 sigma=0.2", "--layers", "8", "--activation", "tanh",
                "--batch", "16", "--epochs", "3", "--seed", "5", "--racer", "adam lr=0.01 label=a",
                "--backend", "cpu", "--csv", "-");
        assertEquals(0, r.code(), r.err());
        List<String> fromRun = Files.readAllLines(dir.resolve("epochs.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))) // run adds grad_norms
                .toList();
        assertEquals(fromRun, r.out().lines().toList());
        assertEquals("17", r.out().lines().toList().get(1).split(",")[3], "90 rows x 3 in batches of 16");
    }

    @Test
    void badAugmentSpecsNameTheOptionAndTheKey() {
        String[] base = {"train", "--data", "xor", "--samples", "40", "--layers", "4", "--racer", "sgd",
                "--epochs", "1"};
        CliRun.of(concat(base, "--augment", "sigma=0.2"))
                .assertBadInput("--augment 'sigma=0.2': augment: copies is required");
        CliRun.of(concat(base, "--augment", "copies=11"))
                .assertBadInput("--augment 'copies=11': augment: copies must be in [0, 10], was 11");
        CliRun.of(concat(base, "--augment", "copies=2 sigma=-1"))
                .assertBadInput("--augment 'copies=2 sigma=-1': augment: sigma must be in [0, inf), was -1.0");
        CliRun.of(concat(base, "--augment", "copies=2 noise=0.1"))
                .assertBadInput("--augment 'copies=2 noise=0.1': augment: unknown parameter 'noise'; allowed: copies, sigma");
        CliRun.of(concat(base, "--augment", "copies=two"))
                .assertBadInput("--augment 'copies=two': augment: copies must be a whole number, was 'two'");
    }

    private static String[] concat(String[] base, String... more) {
        String[] out = new String[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
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
