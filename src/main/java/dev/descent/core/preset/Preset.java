package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.RaceOptions;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.SurfaceRace;

import java.util.List;

/**
 * One lecture demonstration as a file (DESIGN.md, "Presets"): the problem, the racers,
 * the network for data-set problems, the budget and the playback speed. Immutable and
 * validated; {@link PresetFiles} reads and writes it as JSON.
 *
 * @param schemaVersion  the file format version, 1 (= {@link #SCHEMA_VERSION})
 * @param title          shown in the preset picker
 * @param lesson         the teaching point in a few sentences
 * @param seed           seed for everything random in the run (data, init, minibatches)
 * @param problem        the surface or data set
 * @param racers         the racers in order (may be empty)
 * @param network        the network for data-set problems (null for surfaces)
 * @param steps          step budget of a surface race, >= 0
 * @param epochs         epoch budget of a training race, >= 0
 * @param stepsPerSecond playback speed, in [1, 100000]
 * @param topic          the lesson topic the preset picker groups by ("Learning rate"); "" for none
 * @param variants       for data-set presets: per racer, what it changes about the shared network
 *                       and scaling (same size as {@code racers}), or empty when no racer does
 */
public record Preset(int schemaVersion, String title, String lesson, long seed, Problem problem,
                     List<RacerConfig> racers, NetworkConfig network, long steps, int epochs,
                     double stepsPerSecond, String topic, List<RacerVariant> variants) {

    /** The newest file format this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public Preset {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new ConfigException("schemaVersion must be in [1, " + SCHEMA_VERSION + "], was " + schemaVersion);
        }
        if (title == null || title.isBlank()) {
            throw new ConfigException("title must not be blank");
        }
        if (lesson == null) {
            lesson = "";
        }
        if (problem == null) {
            throw new ConfigException("problem is required");
        }
        racers = List.copyOf(racers);
        topic = topic == null ? "" : topic.strip();
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (!variants.isEmpty() && variants.size() != racers.size()) {
            throw new ConfigException("variants must be empty or one per racer (" + racers.size() + "), was "
                    + variants.size());
        }
        if (!variants.isEmpty() && problem.isSurface()
                && variants.stream().anyMatch(v -> !v.equals(RacerVariant.NONE))) {
            throw new ConfigException("a surface preset's racers cannot change the network or the scaling");
        }
        if (steps < 0) {
            throw new ConfigException("steps must be >= 0, was " + steps);
        }
        if (epochs < 0) {
            throw new ConfigException("epochs must be >= 0, was " + epochs);
        }
        if (!(stepsPerSecond >= 1 && stepsPerSecond <= 100_000)) {
            throw new ConfigException("stepsPerSecond must be in [1, 100000], was " + stepsPerSecond);
        }
    }

    /** A preset without topic and racer variants (the first form of the record). */
    public Preset(int schemaVersion, String title, String lesson, long seed, Problem problem,
                  List<RacerConfig> racers, NetworkConfig network, long steps, int epochs, double stepsPerSecond) {
        this(schemaVersion, title, lesson, seed, problem, racers, network, steps, epochs, stepsPerSecond, "", List.of());
    }

    /** This preset with another step budget. */
    public Preset withSteps(long newSteps) {
        return new Preset(schemaVersion, title, lesson, seed, problem, racers, network, newSteps, epochs, stepsPerSecond,
                topic, variants);
    }

    /** This preset with another epoch budget. */
    public Preset withEpochs(int newEpochs) {
        return new Preset(schemaVersion, title, lesson, seed, problem, racers, network, steps, newEpochs, stepsPerSecond,
                topic, variants);
    }

    /**
     * This preset with other racers (the app's racer list). Racer variants are kept when the
     * count is unchanged and dropped otherwise (the app cannot tell which racer went where).
     */
    public Preset withRacers(List<RacerConfig> newRacers) {
        List<RacerVariant> kept = newRacers.size() == racers.size() ? variants : List.of();
        return new Preset(schemaVersion, title, lesson, seed, problem, newRacers, network, steps, epochs, stepsPerSecond,
                topic, kept);
    }

    /** The variant of racer {@code index}: what it changes, or {@link RacerVariant#NONE}. */
    public RacerVariant variant(int index) {
        return variants.isEmpty() ? RacerVariant.NONE : variants.get(index);
    }

    /**
     * A fresh race of a surface preset: its surface, start and enabled racers, with the
     * preset's step budget.
     *
     * @param traceCapacity points kept per racer before the trace thins (>= 4)
     * @throws ConfigException for a data-set preset
     */
    public SurfaceRace createSurfaceRace(int traceCapacity) {
        if (!problem.isSurface()) {
            throw new ConfigException("'" + title + "' is a data-set preset, not a surface race");
        }
        SurfaceProblem s = problem.surface();
        return new SurfaceRace(s.createSurface(), s.startX(), s.startY(), racers,
                new RaceOptions(traceCapacity, steps));
    }
}
