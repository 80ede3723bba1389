package dev.descent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.race.SurfaceRace;
import dev.descent.core.race.SurfaceRacer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a {@link SurfaceRace} for the command line and writes what the {@code optimize}
 * contract promises: the trajectory CSV (streamed, so a long run costs no memory), the
 * summary JSON, or a short text table.
 *
 * <p>CSV: header {@code racer,label,step,x,y,loss,grad_norm,lr}; {@code racer} is the
 * 0-based index of the racer, row {@code step=0} is the start and row k the point after k
 * steps; {@code loss} and {@code grad_norm} (of the unclipped gradient) are at that point;
 * {@code lr} is the rate step k used (row 0: the rate step 1 will use). Numbers are
 * {@link Double#toString} (full precision). Rows come step by step, racers in order within a
 * step; a diverged racer has no rows after its last finite point.
 */
final class SurfaceRaceOutput {
    static final String CSV_HEADER = "racer,label,step,x,y,loss,grad_norm,lr";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SurfaceRaceOutput() {
    }

    /** Runs {@code steps} steps (or until every racer stopped), writing the CSV as it goes. */
    static void runWithCsv(SurfaceRace race, long steps, Writer out) throws IOException {
        List<SurfaceRacer> racers = race.racers();
        out.write(CSV_HEADER);
        out.write('\n');
        writeRows(racers, 0, out);
        for (long k = 1; k <= steps && !race.isFinished(); k++) {
            race.step();
            writeRows(racers, k, out);
        }
        out.flush();
    }

    /** Runs without writing rows. */
    static void run(SurfaceRace race, long steps) {
        for (long k = 1; k <= steps && !race.isFinished(); k++) {
            race.step();
        }
    }

    /** Runs and writes the CSV to a file atomically, or to {@code stdout} for "-". */
    static void runWithCsv(SurfaceRace race, long steps, String target, PrintWriter stdout) {
        if ("-".equals(target)) {
            try {
                runWithCsv(race, steps, stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Path path = Path.of(target);
        try {
            AtomicFiles.write(path, w -> runWithCsv(race, steps, w));
        } catch (IOException e) {
            throw new BadInputException("cannot write '" + target + "': " + IoMessages.describe(e));
        }
    }

    private static void writeRows(List<SurfaceRacer> racers, long step, Writer out) throws IOException {
        StringBuilder row = new StringBuilder(128);
        for (int i = 0; i < racers.size(); i++) {
            SurfaceRacer r = racers.get(i);
            if (r.stepsRun() != step || (step == 0 && r.diverged() && r.divergedAt() == 0)) {
                continue;
            }
            row.setLength(0);
            row.append(i).append(',').append(csvField(r.label())).append(',').append(step).append(',')
                    .append(r.x()).append(',').append(r.y()).append(',').append(r.loss()).append(',')
                    .append(r.gradNorm()).append(',').append(r.learningRate()).append('\n');
            out.append(row);
        }
    }

    /** RFC 4180 quoting for a label that holds a comma, quote or line break. */
    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code {"racers":[{"label":..,"steps_run":..,"final":{"x":..,"y":..,"loss":..},"diverged_at":null|k}]}};
     * {@code final} is the last finite point (null only when the start itself was not finite).
     */
    static String summaryJson(SurfaceRace race) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode racers = root.putArray("racers");
        for (SurfaceRacer r : race.racers()) {
            ObjectNode node = racers.addObject();
            node.put("label", r.label());
            node.put("steps_run", r.stepsRun());
            if (Double.isNaN(r.x())) {
                node.putNull("final");
            } else {
                ObjectNode fin = node.putObject("final");
                fin.put("x", r.x());
                fin.put("y", r.y());
                fin.put("loss", r.loss());
            }
            if (r.diverged()) {
                node.put("diverged_at", r.divergedAt());
            } else {
                node.putNull("diverged_at");
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary", e);
        }
    }

    static void writeSummary(SurfaceRace race, Path target) {
        try {
            AtomicFiles.write(target, summaryJson(race));
        } catch (IOException e) {
            throw new BadInputException("cannot write '" + target + "': " + IoMessages.describe(e));
        }
    }

    /** One line per racer for a reader: label, steps, final point and loss, divergence. */
    static void writeText(SurfaceRace race, PrintWriter out) {
        for (SurfaceRacer r : race.racers()) {
            out.printf("%-30s steps %-8d x %-24s y %-24s loss %s%s%n", r.label(), r.stepsRun(),
                    r.x(), r.y(), r.loss(),
                    r.diverged() ? "  diverged at step " + r.divergedAt() + ": " + r.divergenceReason() : "");
        }
        out.flush();
    }
}
