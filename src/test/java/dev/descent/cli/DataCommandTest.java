package dev.descent.cli;

import dev.descent.core.data.BundledDatasets;
import dev.descent.core.data.CsvImporter;
import dev.descent.core.data.CsvOptions;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DescentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesAClassificationSetThatReimportsBitForBit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("moons.csv");
        Result r = run("data", "moons", "--samples", "150", "--noise", "0.2", "--seed", "7", "--csv", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals("wrote 150 samples of moons to " + file + "\n", r.out().replace("\r\n", "\n"));
        List<String> lines = Files.readAllLines(file);
        assertEquals("x1,x2,label", lines.get(0));
        assertEquals(151, lines.size());
        Dataset expected = DataGenerators.create("moons", 150, 0.2, 7);
        Dataset back = CsvImporter.read(file, CsvOptions.DEFAULTS);
        assertArrayEquals(expected.features(), back.features());
        assertArrayEquals(expected.targets(), back.targets());
        assertEquals(List.of("0", "1"), back.classNames());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void writesARegressionSetWithHeaderXY(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sine.csv");
        assertEquals(0, run("data", "sine", "--samples", "40", "--noise", "0.05", "--seed", "3", "--csv",
                file.toString()).code());
        assertEquals("x,y", Files.readAllLines(file).get(0));
        Dataset back = CsvImporter.read(file, CsvOptions.DEFAULTS);
        assertEquals(0, back.classes());
        assertArrayEquals(DataGenerators.create("sine", 40, 0.05, 3).targets(), back.targets());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        String a = run("data", "spiral3", "--samples", "30", "--seed", "5").out();
        String b = run("data", "spiral3", "--samples", "30", "--seed", "5", "--csv", "-").out();
        String c = run("data", "spiral3", "--samples", "30", "--seed", "6").out();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.startsWith("x1,x2,label\n"));
        assertEquals(31, a.split("\n").length);
    }

    @Test
    void writesABundledSetAsShippedIntoANewFolderWithTheUsualPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("new/iris.csv");
        Result r = run("data", "iris", "--csv", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 150 samples of iris to " + file + "\n", r.out().replace("\r\n", "\n"));
        byte[] shipped;
        try (var in = DataCommandTest.class.getResourceAsStream("/datasets/iris.csv")) {
            shipped = in.readAllBytes();
        }
        assertArrayEquals(shipped, Files.readAllBytes(file));
        Dataset back = CsvImporter.read(file, CsvOptions.DEFAULTS);
        Dataset bundled = BundledDatasets.load("iris");
        assertArrayEquals(bundled.features(), back.features());
        assertEquals(List.of("setosa", "versicolor", "virginica"), back.classNames());
        assertEquals(new String(shipped, StandardCharsets.UTF_8), run("data", "iris").out());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                    "the permissions of any new file, not owner-only");
        }
    }

    @Test
    void replacesAnExistingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("xor.csv");
        Files.writeString(file, "old");
        assertEquals(0, run("data", "xor", "--samples", "4", "--csv", file.toString()).code());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("x1,x2,label\n"));
    }

    @Test
    void badOptionsExitTwoWithOneErrorLineAndWriteNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        String[][] cases = {
            {"data", "moon", "--csv", file.toString()},
            {"data", "moons", "--samples", "0", "--csv", file.toString()},
            {"data", "moons", "--samples", "many", "--csv", file.toString()},
            {"data", "moons", "--noise", "-0.5", "--csv", file.toString()},
            {"data", "moons", "--noise", "NaN", "--csv", file.toString()},
            {"data", "--csv", file.toString()},
            {"data", "moons", "--bogus", "--csv", file.toString()},
            {"data", "moons", "--csv", dir.toString()},
            {"data", "iris", "--samples", "50", "--csv", file.toString()},
            {"data", "wine", "--noise", "0.2", "--seed", "3", "--csv", file.toString()},
            {"data", "moons", "--csv", dir.resolve("plain.txt/out.csv").toString()},
        };
        String[] messages = {
            "error: unknown data set 'moon'; known: xor, circles, moons, gauss, spiral, spiral3, checkerboard, linear, sine;"
                    + " bundled: iris, wine, breast_cancer, digits8x8",
            "error: samples must be in [1, 1000000], was 0",
            "error: Invalid value for option '--samples': 'many' is not an int",
            "error: noise must be finite and >= 0, was -0.5",
            "error: noise must be finite and >= 0, was NaN",
            "error: Missing required parameter: 'NAME'",
            "error: Unknown option: '--bogus'",
            "error: cannot write --csv " + dir + ": it is a folder",
            "error: --samples does not apply to iris: it is a bundled real data set, written as shipped",
            "error: --noise, --seed do not apply to wine: it is a bundled real data set, written as shipped",
            "error: cannot write --csv " + dir.resolve("plain.txt/out.csv") + ": '" + dir.resolve("plain.txt")
                    + "' is in the way (a file where a folder is needed)",
        };
        Files.writeString(dir.resolve("plain.txt"), "x");
        for (int i = 0; i < cases.length; i++) {
            Result r = run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]));
            assertEquals(messages[i] + "\n", r.err().replace("\r\n", "\n"), String.join(" ", cases[i]));
            assertFalse(Files.exists(file));
        }
    }
}
