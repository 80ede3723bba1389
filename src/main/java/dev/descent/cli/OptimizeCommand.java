package dev.descent.cli;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.preset.SurfaceProblem;
import dev.descent.core.race.RaceOptions;
import dev.descent.core.race.RacerColours;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.SurfaceRace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code optimize}: races optimizers on a 2-D surface headless and writes the trajectories.
 * The contract (options, CSV and JSON formats) is issue 2's and other tools rely on it.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Race optimizers on a 2-D surface and write their trajectories.",
                "A racer SPEC is an optimizer name and key=value pairs (\"adam lr=0.01 beta1=0.8\");",
                "label=NAME (no spaces) sets its label, colour=#rrggbb its colour; the label is",
                "otherwise the spec text. Without --csv a short table is printed."})
public final class OptimizeCommand implements Callable<Integer> {

    static final class SurfaceChoice {
        @Option(names = "--expr", paramLabel = "F", description = "a typed f(x,y), e.g. \"x^2 + 3*y^2\"")
        String expression;

        @Option(names = "--surface", paramLabel = "NAME", description = "a catalogue surface (see `list`)")
        String surface;
    }

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SurfaceChoice choice;

    @Option(names = "--param", paramLabel = "k=v", arity = "1..*",
            description = "surface parameters (with --surface): --param a=1 b=100, or --param a=1 --param b=100")
    List<String> params = new ArrayList<>();

    @Option(names = "--start", required = true, paramLabel = "X,Y", description = "the common start point")
    String start;

    @Option(names = "--racer", required = true, paramLabel = "SPEC", description = "an optimizer spec; repeat for more racers")
    List<String> racers = new ArrayList<>();

    @Option(names = "--steps", required = true, paramLabel = "N", description = "optimizer steps per racer")
    long steps;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "a learning-rate schedule for every racer")
    String schedule;

    @Option(names = "--clip-norm", paramLabel = "C", description = "clip gradients to this global norm (0 = off)")
    double clipNorm;

    @Option(names = "--clip-value", paramLabel = "C", description = "clamp gradient coordinates to [-C, C] (0 = off)")
    double clipValue;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "write the trajectories CSV (- = standard output)")
    String csv;

    @Option(names = "--summary", paramLabel = "FILE", description = "write a JSON summary per racer")
    Path summary;

    @Override
    public Integer call() {
        if (steps < 0) {
            throw new BadInputException("--steps must be >= 0, was " + steps);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new BadInputException("--clip-norm must be >= 0 (0 = off), was " + clipNorm);
        }
        if (!(clipValue >= 0) || Double.isInfinite(clipValue)) {
            throw new BadInputException("--clip-value must be >= 0 (0 = off), was " + clipValue);
        }
        if (choice.expression != null && choice.expression.isBlank()) {
            throw new BadInputException("--expr is empty: type an f(x,y) such as \"x^2 + 3*y^2\"");
        }
        double[] xy = parseStart(start);
        SurfaceProblem problem = new SurfaceProblem(surfaceSpec(), choice.expression, null, xy[0], xy[1]);
        List<RacerConfig> configs = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            RacerConfig config = racerConfig(racers.get(i), i, null, clipNorm, clipValue);
            if (schedule != null) {
                ScheduleOption.check(schedule, config.createOptimizer(2), racers.get(i));
                config = config.withSchedule(schedule);
            }
            configs.add(config);
        }
        SurfaceRace race = new SurfaceRace(problem.createSurface(), xy[0], xy[1], configs,
                new RaceOptions(16, steps));
        PrintWriter out = spec.commandLine().getOut();
        if (csv != null) {
            SurfaceRaceOutput.runWithCsv(race, steps, csv, out);
        } else {
            SurfaceRaceOutput.run(race, steps);
        }
        if (summary != null) {
            SurfaceRaceOutput.writeSummary(race, summary);
        }
        if (csv == null) {
            SurfaceRaceOutput.writeText(race, out);
        }
        return 0;
    }

    private String surfaceSpec() {
        if (choice.surface == null) {
            if (!params.isEmpty()) {
                throw new BadInputException("--param needs --surface; a typed --expr has no parameters");
            }
            return null;
        }
        StringBuilder text = new StringBuilder(choice.surface.trim());
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1 || p.contains(" ")) {
                throw new BadInputException("--param must be key=value, was '" + p + "'");
            }
            text.append(' ').append(p);
        }
        return text.toString();
    }

    /** "X,Y" with two finite numbers. */
    static double[] parseStart(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length == 2) {
            try {
                double x = Double.parseDouble(parts[0].trim());
                double y = Double.parseDouble(parts[1].trim());
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    return new double[] {x, y};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new BadInputException("--start must be X,Y with two finite numbers, was '" + text + "'");
    }

    /**
     * A racer from its command-line spec: {@code label=} and {@code colour=} are taken out,
     * the rest is the optimizer spec; the label defaults to the spec text without them.
     */
    static RacerConfig racerConfig(String text, int index, String schedule, double clipNorm, double clipValue) {
        try {
            Spec parsed = Spec.parse(text);
            String label = parsed.values().get("label");
            String colour = parsed.values().getOrDefault("colour", RacerColours.colour(index));
            List<String> words = new ArrayList<>();
            for (String word : text.trim().split("\\s+")) {
                if (!word.startsWith("label=") && !word.startsWith("colour=")) {
                    words.add(word);
                }
            }
            String optimizer = String.join(" ", words);
            return new RacerConfig(label != null ? label : optimizer, colour, optimizer, schedule,
                    clipNorm, clipValue, true);
        } catch (ConfigException e) {
            throw new ConfigException("--racer '" + text.trim() + "': " + e.getMessage(), e);
        }
    }
}
