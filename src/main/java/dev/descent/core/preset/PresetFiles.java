package dev.descent.core.preset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.core.config.ConfigException;
import dev.descent.core.race.RacerColours;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.surface.ViewWindow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes presets as JSON (DESIGN.md, "Presets").
 *
 * <p>Reading: unknown keys are ignored, absent keys take the defaults below, and a wrong
 * value is a {@link ConfigException} whose message names the file and the JSON path
 * ({@code "rosenbrock.json: racers[1].optimizer: unknown optimizer 'adamm'; known: ..."}).
 * Nesting deeper than {@link #MAX_DEPTH} and files over {@link #MAX_BYTES} are refused. A read
 * either returns a complete new {@link Preset} or throws: nothing is half-loaded.
 *
 * <p>Defaults: schemaVersion 1, title "Untitled", lesson "", seed 0, problem kind "surface"
 * with surface "bowl" from (1, 1) and the surface's own window; a racer's label is its
 * optimizer spec, its colour the palette colour of its index, optimizer "sgd", no schedule,
 * no clipping, enabled; steps 500, epochs 50, stepsPerSecond 100; data sets: samples 200,
 * noise 0.1, split 0.2, normalize "standard", no augment (within one: copies 0, sigma 0.1);
 * the network of {@link NetworkConfig#DEFAULT}.
 *
 * <p>Writing is atomic (temporary file, then one move), so a crash never leaves half a preset.
 */
public final class PresetFiles {
    /** Deepest JSON nesting accepted (a preset needs 4). */
    public static final int MAX_DEPTH = 64;
    /** Largest preset file accepted, in bytes. */
    public static final long MAX_BYTES = 4L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PresetFiles() {
    }

    /** Reads a preset file; errors start with the file name. */
    public static Preset load(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(name + ": larger than " + MAX_BYTES + " bytes; not a preset");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, name);
    }

    /**
     * Parses preset JSON.
     *
     * @param source named at the start of error messages (a file name); may be empty
     */
    public static Preset parse(String json, String source) {
        String prefix = source == null || source.isEmpty() ? "" : source + ": ";
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ConfigException(prefix + "JSON nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(prefix + "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(prefix + "empty file; expected a preset object");
        }
        try {
            return read(JsonFields.object(root, ""));
        } catch (ConfigException e) {
            throw new ConfigException(prefix + e.getMessage(), e);
        }
    }

    /** Writes a preset atomically as indented JSON. */
    public static void save(Path file, Preset preset) throws IOException {
        AtomicFiles.write(file, toJson(preset));
    }

    /** The preset as indented JSON text (what {@link #save} writes). */
    public static String toJson(Preset preset) {
        try {
            return MAPPER.writeValueAsString(toTree(preset)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a preset tree", e);
        }
    }

    // Reading

    private static Preset read(JsonFields root) {
        int schemaVersion = root.intValue("schemaVersion", Preset.SCHEMA_VERSION);
        if (schemaVersion > Preset.SCHEMA_VERSION) {
            throw root.error("schemaVersion", schemaVersion + " is newer than this Descent reads ("
                    + Preset.SCHEMA_VERSION + ")");
        }
        String title = root.text("title", "Untitled");
        String lesson = root.text("lesson", "");
        long seed = root.integer("seed", 0);
        String topic = root.text("topic", "");
        JsonFields problemFields = root.objectOrNull("problem");
        Problem problem = problemFields == null ? defaultProblem() : readProblem(problemFields);
        JsonFields networkFields = root.objectOrNull("network");
        NetworkConfig network = networkFields != null ? readNetwork(networkFields, NetworkConfig.DEFAULT)
                : problem.isSurface() ? null : NetworkConfig.DEFAULT;
        List<RacerConfig> racers = new ArrayList<>();
        List<RacerVariant> variants = new ArrayList<>();
        List<JsonNode> racerNodes = root.array("racers");
        for (int i = 0; i < racerNodes.size(); i++) {
            JsonFields r = JsonFields.object(racerNodes.get(i), "racers[" + i + "]");
            racers.add(readRacer(r, i));
            variants.add(readVariant(r, network));
        }
        if (variants.stream().allMatch(RacerVariant.NONE::equals)) {
            variants.clear();
        }
        long steps = root.integer("steps", 500);
        int epochs = root.intValue("epochs", 50);
        double stepsPerSecond = root.number("stepsPerSecond", 100);
        return JsonFields.build("", () -> new Preset(schemaVersion, title, lesson, seed, problem, racers, network,
                steps, epochs, stepsPerSecond, topic, variants));
    }

    private static Problem defaultProblem() {
        return Problem.of(new SurfaceProblem("bowl", null, null, 1, 1));
    }

    private static Problem readProblem(JsonFields p) {
        String kind = p.text("kind", Problem.SURFACE);
        if (Problem.SURFACE.equals(kind)) {
            String surface = p.text("surface", null);
            String expression = p.text("expression", null);
            if (surface == null && expression == null) {
                surface = "bowl";
            }
            ViewWindow window = readWindow(p.objectOrNull("window"));
            JsonFields start = p.objectOrNull("start");
            double x = start == null ? 1 : start.number("x", 1);
            double y = start == null ? 1 : start.number("y", 1);
            String s = surface;
            return Problem.of(JsonFields.build(p.path(), () -> new SurfaceProblem(s, expression, window, x, y)));
        }
        if (Problem.DATASET.equals(kind)) {
            String name = p.text("dataset", null);
            String file = p.text("file", null);
            int samples = p.intValue("samples", 200);
            double noise = p.number("noise", 0.1);
            double split = p.number("split", 0.2);
            String normalize = p.text("normalize", "standard");
            String label = p.text("label", null);
            Augmentation augment = readAugment(p.objectOrNull("augment"));
            return Problem.of(JsonFields.build(p.path(),
                    () -> new DatasetProblem(name, file, samples, noise, split, normalize, label, augment)));
        }
        throw p.error("kind", "must be surface or dataset, was \"" + kind + "\"");
    }

    /** A data section's {@code "augment"}: copies 0 and sigma 0.1 when absent. */
    private static Augmentation readAugment(JsonFields a) {
        if (a == null) {
            return Augmentation.NONE;
        }
        int copies = a.intValue("copies", 0);
        double sigma = a.number("sigma", Augmentation.DEFAULT_SIGMA);
        return JsonFields.build(a.path(), () -> new Augmentation(copies, sigma));
    }

    private static ViewWindow readWindow(JsonFields w) {
        if (w == null) {
            return null;
        }
        double xMin = w.number("xMin", -2);
        double xMax = w.number("xMax", 2);
        double yMin = w.number("yMin", -2);
        double yMax = w.number("yMax", 2);
        try {
            return new ViewWindow(xMin, xMax, yMin, yMax);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(w.path() + ": " + e.getMessage(), e);
        }
    }

    private static RacerConfig readRacer(JsonFields r, int index) {
        String optimizer = r.text("optimizer", "sgd");
        String label = r.text("label", optimizer);
        String colour = r.text("colour", RacerColours.colour(index));
        String schedule = r.text("schedule", null);
        double clipNorm = r.number("clipNorm", 0);
        double clipValue = r.number("clipValue", 0);
        boolean enabled = r.bool("enabled", true);
        return JsonFields.build(r.path(),
                () -> new RacerConfig(label, colour, optimizer, schedule, clipNorm, clipValue, enabled));
    }

    /**
     * A racer's {@code "network"} (keys override the preset's network) and {@code "normalize"}
     * (overrides the problem's scaling).
     */
    private static RacerVariant readVariant(JsonFields r, NetworkConfig shared) {
        JsonFields n = r.objectOrNull("network");
        String normalize = r.text("normalize", null);
        if (n == null && normalize == null) {
            return RacerVariant.NONE;
        }
        if (shared == null) {
            throw r.error(n != null ? "network" : "normalize", "only racers of a data-set preset can change it");
        }
        NetworkConfig network = n == null ? null : readNetwork(n, shared);
        return JsonFields.build(r.path(), () -> new RacerVariant(network, normalize));
    }

    private static NetworkConfig readNetwork(JsonFields n, NetworkConfig d) {
        List<Integer> layers = new ArrayList<>();
        if (n.has("layers")) {
            List<JsonNode> nodes = n.array("layers");
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode node = nodes.get(i);
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new ConfigException(n.child("layers") + "[" + i + "]: expected a whole number, was "
                            + JsonFields.kind(node));
                }
                layers.add(node.intValue());
            }
        } else {
            layers.addAll(d.layers());
        }
        List<String> activation = n.texts("activation", d.activation());
        String init = n.text("init", d.init());
        List<Boolean> batchnorm = n.bools("batchnorm", d.batchnorm());
        List<Double> dropout = n.numbers("dropout", d.dropout());
        String loss = n.text("loss", d.loss());
        double l1 = n.number("l1", d.l1());
        double l2 = n.number("l2", d.l2());
        int batchSize = n.intValue("batchSize", d.batchSize());
        String earlyStopping = n.text("earlyStopping", d.earlyStopping());
        return JsonFields.build(n.path(), () -> new NetworkConfig(layers, activation, init, batchnorm, dropout, loss,
                l1, l2, batchSize, earlyStopping));
    }

    // Writing

    private static ObjectNode toTree(Preset preset) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", preset.schemaVersion());
        root.put("title", preset.title());
        if (!preset.topic().isEmpty()) {
            root.put("topic", preset.topic());
        }
        root.put("lesson", preset.lesson());
        root.put("seed", preset.seed());
        root.set("problem", problemTree(preset.problem()));
        ArrayNode racers = root.putArray("racers");
        for (int i = 0; i < preset.racers().size(); i++) {
            RacerConfig r = preset.racers().get(i);
            ObjectNode node = racers.addObject();
            node.put("label", r.label());
            node.put("colour", r.colour());
            node.put("optimizer", r.optimizer());
            if (r.schedule() != null) {
                node.put("schedule", r.schedule());
            }
            node.put("clipNorm", r.clipNorm());
            node.put("clipValue", r.clipValue());
            node.put("enabled", r.enabled());
            RacerVariant variant = preset.variant(i);
            if (variant.network() != null) {
                node.set("network", networkTree(variant.network()));
            }
            if (variant.normalize() != null) {
                node.put("normalize", variant.normalize());
            }
        }
        if (preset.network() != null) {
            root.set("network", networkTree(preset.network()));
        }
        root.put("steps", preset.steps());
        root.put("epochs", preset.epochs());
        root.put("stepsPerSecond", preset.stepsPerSecond());
        return root;
    }

    private static ObjectNode problemTree(Problem problem) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", problem.kind());
        if (problem.isSurface()) {
            SurfaceProblem s = problem.surface();
            if (s.surface() != null) {
                node.put("surface", s.surface());
            } else {
                node.put("expression", s.expression());
            }
            if (s.window() != null) {
                ObjectNode w = node.putObject("window");
                w.put("xMin", s.window().xMin());
                w.put("xMax", s.window().xMax());
                w.put("yMin", s.window().yMin());
                w.put("yMax", s.window().yMax());
            }
            ObjectNode start = node.putObject("start");
            start.put("x", s.startX());
            start.put("y", s.startY());
        } else {
            DatasetProblem d = problem.dataset();
            if (d.name() != null) {
                node.put("dataset", d.name());
            } else {
                node.put("file", d.file());
            }
            node.put("samples", d.samples());
            node.put("noise", d.noise());
            node.put("split", d.split());
            node.put("normalize", d.normalize());
            if (d.label() != null) {
                node.put("label", d.label());
            }
            if (d.augment().copies() > 0) {
                ObjectNode a = node.putObject("augment");
                a.put("copies", d.augment().copies());
                a.put("sigma", d.augment().sigma());
            }
        }
        return node;
    }

    private static ObjectNode networkTree(NetworkConfig n) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode layers = node.putArray("layers");
        n.layers().forEach(layers::add);
        if (n.activation().size() == 1) {
            node.put("activation", n.activation().get(0));
        } else {
            n.activation().forEach(node.putArray("activation")::add);
        }
        node.put("init", n.init());
        if (n.batchnorm().size() == 1) {
            node.put("batchnorm", n.batchnorm().get(0));
        } else {
            n.batchnorm().forEach(node.putArray("batchnorm")::add);
        }
        if (n.dropout().size() == 1) {
            node.put("dropout", n.dropout().get(0));
        } else {
            n.dropout().forEach(node.putArray("dropout")::add);
        }
        node.put("loss", n.loss());
        node.put("l1", n.l1());
        node.put("l2", n.l2());
        node.put("batchSize", n.batchSize());
        if (n.earlyStopping() != null) {
            node.put("earlyStopping", n.earlyStopping());
        }
        return node;
    }
}
