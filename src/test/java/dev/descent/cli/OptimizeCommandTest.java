package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parsed CSV row. */
    record Row(int racer, String label, long step, double x, double y, double loss, double gradNorm, double lr) {
        static Row parse(String line) {
            String[] f = line.split(",");
            assertEquals(8, f.length, line);
            return new Row(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]));
        }
    }

    private static List<Row> rows(CliRun run) {
        List<String> lines = run.outLines();
        assertEquals("racer,label,step,x,y,loss,grad_norm,lr", lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(Row.parse(line));
        }
        return rows;
    }

    private static List<Row> rowsOf(List<Row> rows, int racer) {
        return rows.stream().filter(r -> r.racer() == racer).toList();
    }

    @Test
    void csvHasTheHeaderTheStartRowAndOneRowPerStepFollowingTheClosedForm() {
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "1,-0.5",
                "--racer", "sgd lr=0.1", "--racer", "sgd lr=0.2 label=fast", "--steps", "10", "--csv", "-")
                .assertOk();
        List<Row> rows = rows(run);
        assertEquals(22, rows.size());
        assertEquals(new Row(0, "sgd lr=0.1", 0, 1.0, -0.5, 1.25, 2 * Math.hypot(1, 0.5), 0.1), rows.get(0));
        assertEquals(new Row(1, "fast", 0, 1.0, -0.5, 1.25, 2 * Math.hypot(1, 0.5), 0.2), rows.get(1));
        for (int racer = 0; racer < 2; racer++) {
            double lr = racer == 0 ? 0.1 : 0.2;
            List<Row> own = rowsOf(rows, racer);
            assertEquals(11, own.size());
            for (int k = 0; k <= 10; k++) {
                Row r = own.get(k);
                double x = Math.pow(1 - 2 * lr, k);   // x_k = x0 (1 - 2 lr)^k
                assertEquals(k, r.step());
                assertEquals(x, r.x(), 1e-14);
                assertEquals(-0.5 * x, r.y(), 1e-14);
                assertEquals(1.25 * x * x, r.loss(), 1e-14);
                assertEquals(lr, r.lr());
            }
        }
    }

    @Test
    void numbersAreWrittenWithFullDoublePrecision() {
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "0.1,0.3",
                "--racer", "sgd lr=0.013", "--steps", "3", "--csv", "-").assertOk();
        // recompute step by step in double exactly as the update rule does: x <- x - lr * 2x
        double x = 0.1;
        double y = 0.3;
        for (Row r : rows(run)) {
            assertEquals(x, r.x(), 0.0);
            assertEquals(y, r.y(), 0.0);
            x -= 0.013 * (2 * x);
            y -= 0.013 * (2 * y);
        }
    }

    @Test
    void theLrColumnIsTheRateEachStepUsedUnderAStepSchedule() {
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "1,0", "--racer", "sgd lr=0.1",
                "--schedule", "step step_size=3 gamma=0.5", "--steps", "7", "--csv", "-").assertOk();
        List<Row> rows = rows(run);
        // torch StepLR: step k (1-based) uses lr * gamma^floor((k-1)/step_size); row 0 shows step 1's rate
        double[] expectedLr = {0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025};
        double x = 1;
        for (int k = 0; k <= 7; k++) {
            if (k > 0) {
                x *= 1 - 2 * expectedLr[k];
            }
            assertEquals(expectedLr[k], rows.get(k).lr(), 1e-15, "lr of row " + k);
            assertEquals(x, rows.get(k).x(), 1e-15, "x of row " + k);
        }
    }

    @Test
    void theSummaryHoldsLabelStepsFinalPointAndNullDivergence(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("summary.json");
        Path csv = dir.resolve("out.csv");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1,2", "--racer", "sgd lr=0.1 momentum=0.5",
                "--steps", "25", "--csv", csv.toString(), "--summary", summary.toString()).assertOk();
        JsonNode root = JSON.readTree(summary.toFile());
        assertEquals(List.of("racers"), fieldNames(root));
        JsonNode racer = root.get("racers").get(0);
        assertEquals(List.of("label", "steps_run", "final", "diverged_at"), fieldNames(racer));
        assertEquals("sgd lr=0.1 momentum=0.5", racer.get("label").asText());
        assertEquals(25, racer.get("steps_run").asLong());
        assertTrue(racer.get("diverged_at").isNull());
        List<String> lines = Files.readAllLines(csv);
        Row last = Row.parse(lines.get(lines.size() - 1));
        assertEquals(25, last.step());
        assertEquals(last.x(), racer.get("final").get("x").asDouble(), 0.0);
        assertEquals(last.y(), racer.get("final").get("y").asDouble(), 0.0);
        assertEquals(last.loss(), racer.get("final").get("loss").asDouble(), 0.0);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void sgdWithLrOnePointFiveDivergesOnTheBowlAtTheClosedFormStep(@TempDir Path dir) throws IOException {
        // x_k = (1 - 2*1.5)^k = (-2)^k from x0 = 1: |x_k| passes the 1e15 bound first at k = ceil(log2(1e15)) = 50
        long expected = (long) Math.ceil(Math.log(1e15) / Math.log(2));
        Path summary = dir.resolve("s.json");
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "1,0", "--racer", "sgd lr=1.5",
                "--racer", "sgd lr=0.1", "--steps", "100", "--csv", "-", "--summary", summary.toString()).assertOk();
        JsonNode racers = JSON.readTree(summary.toFile()).get("racers");
        assertEquals(expected, racers.get(0).get("diverged_at").asLong());
        assertEquals(expected - 1, racers.get(0).get("steps_run").asLong());
        assertEquals(Math.pow(-2, expected - 1), racers.get(0).get("final").get("x").asDouble(), 0.0);
        assertTrue(racers.get(1).get("diverged_at").isNull());
        assertEquals(100, racers.get(1).get("steps_run").asLong());
        List<Row> rows = rows(run);
        assertEquals(expected, rowsOf(rows, 0).size(), "rows 0.." + (expected - 1));
        assertEquals(101, rowsOf(rows, 1).size());
    }

    @Test
    void withoutCsvATableIsPrinted() {
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "1,0", "--racer", "sgd lr=1.5",
                "--steps", "60").assertOk();
        assertTrue(run.out().contains("diverged at step 50"), run.out());
    }

    @Test
    void aLabelWithACommaOrQuoteIsQuotedAsInRfc4180() {
        CliRun run = CliRun.of("optimize", "--surface", "bowl", "--start", "1,0", "--racer", "sgd label=a,\"b\"",
                "--steps", "0", "--csv", "-").assertOk();
        assertEquals("0,\"a,\"\"b\"\"\",0,1.0,0.0,1.0,2.0,0.001", run.outLines().get(1));
    }

    @Test
    void aStartWhereATypedSurfaceIsNotFiniteDivergesAtStepZero(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.json");
        CliRun run = CliRun.of("optimize", "--expr", "log(x) + y^2", "--start", "-1,0", "--racer", "sgd lr=0.1",
                "--racer", "adam", "--steps", "10", "--csv", "-", "--summary", summary.toString()).assertOk();
        assertEquals(List.of("racer,label,step,x,y,loss,grad_norm,lr"), run.outLines());
        JsonNode racer = JSON.readTree(summary.toFile()).get("racers").get(1);
        assertEquals(0, racer.get("diverged_at").asLong());
        assertEquals(0, racer.get("steps_run").asLong());
        assertTrue(racer.get("final").isNull());
    }

    @Test
    void helpIsPrintedWithExitZero() {
        CliRun help = CliRun.of("optimize", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--racer=SPEC") && help.out().contains("label=NAME"), help.out());
        String root = CliRun.of("--help").out();
        assertTrue(root.contains("optimize") && root.contains("list") && root.contains("run"), root);
    }

    @Test
    void surfaceParametersMayBeRepeatedOrListedAfterOneParam() {
        CliRun repeated = CliRun.of("optimize", "--surface", "ravine", "--param", "kappa=50", "--param", "angle=20",
                "--start", "-8,3", "--racer", "sgd lr=0.9", "--steps", "5", "--csv", "-").assertOk();
        CliRun listed = CliRun.of("optimize", "--surface", "ravine", "--param", "kappa=50", "angle=20",
                "--start", "-8,3", "--racer", "sgd lr=0.9", "--steps", "5", "--csv", "-").assertOk();
        assertEquals(repeated.out(), listed.out());
        // 0.5*(u^2/50 + v^2) with (u, v) = (x, y) rotated by 20 degrees, at (-8, 3)
        double a = Math.toRadians(20);
        double u = Math.cos(a) * -8 + Math.sin(a) * 3;
        double v = -Math.sin(a) * -8 + Math.cos(a) * 3;
        assertEquals(0.5 * (u * u / 50 + v * v), rows(listed).get(0).loss(), 1e-12);
    }

    @Test
    void aNegativeStartIsAValueNotAnOption() {
        List<Row> rows = rows(CliRun.of("optimize", "--surface", "bowl", "--start", "-1.5,-2",
                "--racer", "sgd", "--steps", "0", "--csv", "-").assertOk());
        assertEquals(1, rows.size());
        assertEquals(-1.5, rows.get(0).x());
        assertEquals(-2, rows.get(0).y());
    }

    @Test
    void aTypedSurfaceRacesLikeTheSameCatalogueSurface() {
        CliRun typed = CliRun.of("optimize", "--expr", "x^2 + y^2", "--start", "1,2", "--racer", "sgd lr=0.1",
                "--steps", "20", "--csv", "-").assertOk();
        CliRun bowl = CliRun.of("optimize", "--surface", "bowl", "--start", "1,2", "--racer", "sgd lr=0.1",
                "--steps", "20", "--csv", "-").assertOk();
        List<Row> a = rows(typed);
        List<Row> b = rows(bowl);
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).x(), a.get(i).x(), 1e-15);
            assertEquals(b.get(i).loss(), a.get(i).loss(), 1e-14);
        }
    }

    @Test
    void badOptionsAndSpecsGiveOneErrorLineAndExitTwo(@TempDir Path dir) throws IOException {
        String[] base = {"optimize", "--surface", "bowl", "--start", "1,1", "--steps", "5"};
        CliRun.of(concat(base, "--racer", "sgd", "--nope")).assertBadInput("--nope");
        CliRun.of("optimize", "--surface", "bowl", "--racer", "sgd", "--steps", "5").assertBadInput("--start");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1,1", "--steps", "5").assertBadInput("--racer");
        CliRun.of("optimize", "--surface", "bowl", "--expr", "x", "--start", "1,1", "--racer", "sgd",
                "--steps", "5").assertBadInput("mutually exclusive");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1", "--racer", "sgd", "--steps", "5")
                .assertBadInput("--start must be X,Y with two finite numbers, was '1'");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1,NaN", "--racer", "sgd", "--steps", "5")
                .assertBadInput("--start must be X,Y");
        CliRun.of(concat(base, "--racer", "adamm lr=1"))
                .assertBadInput("--racer 'adamm lr=1': optimizer: unknown optimizer 'adamm'; known: sgd, ");
        CliRun.of(concat(base, "--racer", "sgd lr=abc")).assertBadInput("lr must be a number, was 'abc'");
        CliRun.of(concat(base, "--racer", "sgd betta=1")).assertBadInput("unknown parameter 'betta'");
        CliRun.of(concat(base, "--racer", "sgd lr")).assertBadInput("'lr' in spec 'sgd lr' is not key=value");
        CliRun.of(concat(base, "--racer", "sgd colour=blue")).assertBadInput("colour must be #rrggbb, was 'blue'");
        CliRun.of(concat(base, "--racer", "sgd", "--schedule", "nosuch"))
                .assertBadInput("--schedule 'nosuch': unknown schedule 'nosuch'");
        CliRun.of(concat(base, "--racer", "sgd", "--schedule", "step"))
                .assertBadInput("--schedule 'step': step: step_size is required");
        CliRun.of(concat(base, "--racer", "sgd", "--racer", "adagrad", "--schedule", "cyclic max_lr=0.1"))
                .assertBadInput("--schedule 'cyclic max_lr=0.1' with --racer 'adagrad': ");
        CliRun.of("optimize", "--expr", "", "--start", "1,1", "--racer", "sgd", "--steps", "5")
                .assertBadInput("--expr is empty");
        CliRun.of("optimize", "--expr", "(x + y))", "--start", "1,1", "--racer", "sgd", "--steps", "5")
                .assertBadInput("error: expression: unexpected ')' at 7"); // the README's example
        CliRun.of(concat(base, "--racer", "sgd", "--clip-norm", "-1")).assertBadInput("--clip-norm must be >= 0");
        CliRun.of(concat(base, "--racer", "sgd", "--clip-value", "x")).assertBadInput("--clip-value");
        CliRun.of("optimize", "--surface", "nosuch", "--start", "1,1", "--racer", "sgd", "--steps", "5")
                .assertBadInput("surface: unknown surface 'nosuch'");
        CliRun.of("optimize", "--surface", "bowl", "--param", "k=2", "--start", "1,1", "--racer", "sgd",
                "--steps", "5").assertBadInput("unknown parameter 'k'");
        CliRun.of("optimize", "--surface", "bowl", "--param", "k", "--start", "1,1", "--racer", "sgd",
                "--steps", "5").assertBadInput("--param must be key=value, was 'k'");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1,1", "--racer", "sgd", "--steps", "-1")
                .assertBadInput("--steps must be >= 0");
        CliRun.of("optimize", "--surface", "bowl", "--start", "1,1", "--racer", "sgd", "--steps", "many")
                .assertBadInput("--steps");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun.of(concat(base, "--racer", "sgd", "--csv", file.resolve("out.csv").toString()))
                .assertBadInput("cannot write");
    }

    @Test
    void writeErrorsNameTheUsersFileAndTheReasonNeverTheTemporaryFile(@TempDir Path dir) {
        String[] base = {"optimize", "--surface", "bowl", "--start", "1,1", "--steps", "5", "--racer", "sgd"};
        CliRun folder = CliRun.of(concat(base, "--summary", dir.toString()))
                .assertBadInput("cannot write '" + dir + "': is a folder");
        assertFalse(folder.err().contains(".tmp"), folder.err());
        assertTrue(Files.isDirectory(dir), "the folder is untouched");
        // Linux's /proc refuses new files even for root: the failure comes from creating the temporary file
        if (Files.isDirectory(Path.of("/proc/self"))) {
            for (String option : List.of("--summary", "--csv")) {
                CliRun proc = CliRun.of(concat(base, option, "/proc/descent-nope.json"))
                        .assertBadInput("cannot write '/proc/descent-nope.json': no such file or folder '/proc/descent-nope.json'");
                assertFalse(proc.err().contains(".tmp"), proc.err());
            }
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] out = new String[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        assertFalse(names.isEmpty());
        return names;
    }
}
