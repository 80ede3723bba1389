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
