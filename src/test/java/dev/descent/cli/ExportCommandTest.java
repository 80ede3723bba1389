package dev.descent.cli;

import dev.descent.ui.export.ImageChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code export} command end to end. The main test starts a separate JVM with no DISPLAY
 * and none of the test run's JavaFX properties, as a user's shell would run the jar.
 */
class ExportCommandTest {
    /** Two racers: one converges, one (lr = 1.5 on f = x^2 + y^2) diverges at step 50. */
    static final String BOWL = """
            {"title": "Bowl export", "problem": {"surface": "bowl", "start": {"x": 1, "y": -1}},
             "racers": [{"label": "slow", "colour": "#1f77b4", "optimizer": "sgd lr=0.1"},
                        {"label": "wild", "colour": "#d62728", "optimizer": "sgd lr=1.5"}],
             "steps": 80}
            """;

    /** Layout of a two-racer figure at 1x (FigureRenderer): margins 16, title 52, map block 590, gap 16, curves 540, plots 564 high, one legend row 30. */
    static final int BOTH_WIDTH = 16 + 590 + 16 + 540 + 16;
    static final int HEIGHT = 16 + 52 + 564 + 30 + 16;

    @Test
    void exportRendersPngGifAndCsvInAJvmWithoutDisplay(@TempDir Path dir) throws Exception {
        Path preset = Files.writeString(dir.resolve("bowl.json"), BOWL);
        Path png = dir.resolve("figure.png");
        Path gif = dir.resolve("race.gif");
        Path csv = dir.resolve("out/trajectories.csv");
        Process p = headlessJvm(dir, "export", preset.toString(), "--png", png.toString(), "--gif", gif.toString(),
                "--frames", "12", "--csv", csv.toString());
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "export finished");
        assertEquals(0, p.exitValue(), "stderr: " + err);
        assertEquals("", err);
        assertTrue(out.contains("wrote " + png + " (" + BOTH_WIDTH + " x " + HEIGHT + " px)"), out);

        BufferedImage image = ImageChecks.png(png);
        assertEquals(BOTH_WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(ImageChecks.distinctColours(image) > 100, "heatmap, trails, text: many colours");

        ImageChecks.Gif g = ImageChecks.gif(gif);
        assertEquals(12, g.frames());
        assertEquals(0, g.loopCount(), "NETSCAPE2.0 loop count 0 = loop for ever");
        assertEquals(8, g.delays()[0]);
        assertEquals(200, g.delays()[11], "the last frame is held");
        assertEquals(BOTH_WIDTH > 900 ? 900 : BOTH_WIDTH, g.width());

        // the same CSV as `run` writes for the preset
        CliRun.of("run", preset.toString(), "--out", dir.toString()).assertOk();
        assertEquals(Files.readAllLines(dir.resolve("trajectories.csv")), Files.readAllLines(csv));
    }

    @Test
    void aMissingPresetExitsTwoWithOneErrorLine(@TempDir Path dir) {
        CliRun.of("export", dir.resolve("none.json").toString(), "--png", dir.resolve("x.png").toString())
                .assertBadInput("none.json: no such file");
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void badOptionsExitTwoBeforeAnythingIsRendered(@TempDir Path dir) throws IOException {
        Path preset = Files.writeString(dir.resolve("bowl.json"), BOWL);
        String png = dir.resolve("x.png").toString();
        CliRun.of("export", preset.toString()).assertBadInput("nothing to export");
        CliRun.of("export", preset.toString(), "--png", png, "--scale", "9").assertBadInput("scale must be in [1, 4], was 9");
        CliRun.of("export", preset.toString(), "--png", png, "--what", "table")
                .assertBadInput("what must be one of map, curves, both, was 'table'");
        CliRun.of("export", preset.toString(), "--gif", png, "--frames", "1").assertBadInput("frames must be in [2, 600]");
        CliRun.of("export", preset.toString(), "--png", png, "--steps", "-1").assertBadInput("--steps must be >= 0");
        CliRun.of("export", preset.toString(), "--png", png, "--scale", "two").assertBadInput("--scale");
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    static final Path XOR = Path.of("presets/xor-hidden-layer.json").toAbsolutePath();

    @Test
    void dataSetPresetExportsPngGifAndCsvHeadlessTrainedAsRunTrainsIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("xor.png");
        Path png2 = dir.resolve("xor2.png");
        Path gif = dir.resolve("xor.gif");
        Path csv = dir.resolve("epochs-export.csv");
        // 300 training rows, batch 32: 10 steps an epoch, 120 steps in 12 epochs
        Process p = headlessJvm(dir, "export", XOR.toString(), "--epochs", "12", "--png", png.toString(),
                "--gif", gif.toString(), "--frames", "25", "--csv", csv.toString());
        Process p2 = headlessJvm(dir, "export", XOR.toString(), "--epochs", "12", "--png", png2.toString(),
                "--scale", "2");
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p2.waitFor(300, TimeUnit.SECONDS), "export finished");
        assertEquals(0, p.exitValue(), "stderr: " + err);
        assertEquals(0, p2.exitValue(), new String(p2.getErrorStream().readAllBytes()));
        assertEquals("", err);
        assertTrue(out.contains("wrote " + gif + " (25 frames)"), out);

        BufferedImage one = ImageChecks.png(png);
        BufferedImage two = ImageChecks.png(png2);
        assertTrue(out.contains("wrote " + png + " (" + one.getWidth() + " x " + one.getHeight() + " px)"), out);
        assertTrue(one.getWidth() > 900 && one.getHeight() > 600, "boundaries, curves and insides: "
                + one.getWidth() + " x " + one.getHeight());
        assertArrayEquals(new int[] {2 * one.getWidth(), 2 * one.getHeight()}, new int[] {two.getWidth(), two.getHeight()},
                "the same layout at 2x");
        assertTrue(ImageChecks.distinctColours(one) > 200, "class maps, curves and text: not blank");

        ImageChecks.Gif g = ImageChecks.gif(gif);
        assertEquals(25, g.frames(), "frame cap");
        assertEquals(0, g.loopCount(), "loops for ever");
        assertEquals(8, g.delays()[0]);
        assertEquals(200, g.delays()[24], "the last frame is held");
        assertTrue(g.width() <= 1100 && g.width() > 600, "width " + g.width());
        assertTrue(differingPixels(gif, 0, 24) > 0.05, "the race moves between the first and the last frame");

        CliRun.of("run", XOR.toString(), "--epochs", "12", "--out", dir.toString()).assertOk();
        List<String> run = Files.readAllLines(dir.resolve("epochs.csv"));
        List<String> exported = Files.readAllLines(csv);
        assertEquals(run.get(0), exported.get(0), "run's epochs.csv header");
        assertEquals(1 + 2 * 12, exported.size());
        assertEquals(run.size(), exported.size());
        for (int i = 1; i < run.size(); i++) {
            String[] a = run.get(i).split(",", -1);
            String[] b = exported.get(i).split(",", -1);
            assertEquals(String.join(",", a[0], a[1], a[2], a[3]), String.join(",", b[0], b[1], b[2], b[3]), "row " + i);
            for (int c = 4; c < 9; c++) {
                double x = Double.parseDouble(a[c]);
                assertEquals(x, Double.parseDouble(b[c]), 1e-9 * Math.max(1, Math.abs(x)), "row " + i + " column " + c);
            }
        }
    }

    /** Fraction of pixels that differ between two frames of a GIF. */
    static double differingPixels(Path gif, int a, int b) throws IOException {
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            BufferedImage x = reader.read(a);
            BufferedImage y = reader.read(b);
            int differ = 0;
            for (int j = 0; j < x.getHeight(); j++) {
                for (int i = 0; i < x.getWidth(); i++) {
                    differ += x.getRGB(i, j) != y.getRGB(i, j) ? 1 : 0;
                }
            }
            return differ / (double) (x.getWidth() * x.getHeight());
        }
    }

    @Test
    void aSurfacePresetWithoutAStepBudgetExportsTheDefaultSteps(@TempDir Path dir) throws Exception {
        // sessions saved from the app and twelve-racers.json have steps 0: the figure was blank
        Path preset = Files.writeString(dir.resolve("open.json"), BOWL.replace("\"steps\": 80", "\"steps\": 0"));
        Path csv = dir.resolve("t.csv");
        Process p = headlessJvm(dir, "export", preset.toString(), "--csv", csv.toString());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
        List<String> lines = Files.readAllLines(csv);
        // the diverging racer stops at step 50; the other runs all ExportCommand.DEFAULT_STEPS
        assertTrue(lines.get(lines.size() - 1).startsWith("0,slow," + ExportCommand.DEFAULT_STEPS + ","),
                lines.get(lines.size() - 1));
    }

    @Test
    void dataSetOptionsAreCheckedWithOneErrorLine(@TempDir Path dir) {
        String png = dir.resolve("x.png").toString();
        CliRun.of("export", XOR.toString(), "--png", png, "--what", "map")
                .assertBadInput("--what for a data-set preset must be one of boundaries, curves, both, inside, all");
        CliRun.of("export", XOR.toString(), "--png", png, "--steps", "10").assertBadInput("--steps is for surface presets");
        CliRun.of("export", XOR.toString(), "--png", png, "--epochs", "0").assertBadInput("--epochs must be >= 1");
        CliRun.of("export", XOR.toString(), "--png", png, "--scale", "5").assertBadInput("--scale must be in [1, 4]");
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void aSurfacePresetRefusesEpochs(@TempDir Path dir) throws IOException {
        Path preset = Files.writeString(dir.resolve("bowl.json"), BOWL);
        CliRun.of("export", preset.toString(), "--png", dir.resolve("x.png").toString(), "--epochs", "3")
                .assertBadInput("--epochs is for data-set presets");
    }

    /** The test class path in a fresh JVM: no DISPLAY, no glass/monocle/prism properties. */
    static Process headlessJvm(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.descent.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        return pb.start();
    }

    @Test
    void scalesMultiplyThePixelSize(@TempDir Path dir) throws Exception {
        Path preset = Files.writeString(dir.resolve("bowl.json"), BOWL);
        Path one = dir.resolve("map1.png");
        Path two = dir.resolve("curves2.png");
        Path four = dir.resolve("map4.png");
        Process p1 = headlessJvm(dir, "export", preset.toString(), "--png", one.toString(), "--what", "map");
        Process p2 = headlessJvm(dir, "export", preset.toString(), "--png", two.toString(), "--what", "curves",
                "--scale", "2");
        Process p4 = headlessJvm(dir, "export", preset.toString(), "--png", four.toString(), "--what", "map",
                "--scale", "4");
        for (Process p : List.of(p1, p2, p4)) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
        }
        BufferedImage a = ImageChecks.png(one);
        BufferedImage b = ImageChecks.png(two);
        BufferedImage c = ImageChecks.png(four);
        assertArrayEquals(new int[] {16 + 590 + 16, HEIGHT}, new int[] {a.getWidth(), a.getHeight()});
        assertArrayEquals(new int[] {2 * (16 + 540 + 16), 2 * HEIGHT}, new int[] {b.getWidth(), b.getHeight()});
        assertArrayEquals(new int[] {4 * a.getWidth(), 4 * a.getHeight()}, new int[] {c.getWidth(), c.getHeight()});
        for (BufferedImage image : List.of(a, b, c)) {
            assertTrue(ImageChecks.distinctColours(image) > 30, "not blank");
        }
    }
}
