package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.core.compute.Backend;
import dev.descent.core.compute.Backends;
import dev.descent.core.config.ConfigException;
import dev.descent.core.data.CsvOptions;
import dev.descent.core.data.DataSources;
import dev.descent.core.data.DataSplit;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.Normalization;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.NetworkData;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.preset.AtomicFiles;
import dev.descent.core.preset.Augmentation;
import dev.descent.core.preset.NetworkConfig;
import dev.descent.core.preset.TrainingPlan;
import dev.descent.core.race.EarlyStopping;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRaceResult;
import dev.descent.core.race.TrainingRacerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec.Target;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code train}: races optimizers training one MLP architecture on a data set, headless.
 * Writes one CSV row per epoch and racer and a summary JSON.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one network architecture with several optimizers side by side.")
public final class TrainCommand implements Callable<Integer> {

    /** The CSV header, one row per epoch and racer. */
    public static final String CSV_HEADER = "racer,label,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr";

    @picocli.CommandLine.Spec(Target.SELF)
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--data", required = true, paramLabel = "NAME|FILE.csv",
            description = "xor, circles, moons, gauss, spiral, spiral3, checkerboard, linear, sine, a bundled set "
                    + "(iris, wine, breast_cancer, digits8x8) or a CSV file (last column the label)")
    String data;

    @Option(names = "--label", paramLabel = "NAME",
            description = "the label column of a CSV file, by header name (default: the last column)")
    String label;

    @Option(names = "--samples", defaultValue = "200", description = "rows of a generated data set, as the data command (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--noise", defaultValue = "0.1", description = "noise of a generated data set (default ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--layers", required = true, paramLabel = "N,N,...", description = "hidden units per layer, e.g. 32,32")
    String layers;

    @Option(names = "--activation", defaultValue = "relu",
            description = "hidden activation, optionally with alpha (\"leaky_relu alpha=0.2\"), one for every layer or"
                    + " one per layer (relu,tanh); default ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--init", defaultValue = "torch",
            description = "weight initialisation (\"he_uniform bias=0.1\", \"normal std=0.01\"); default ${DEFAULT-VALUE}")
    String init;

    @Option(names = "--loss", description = "ce|bce|mse; default ce for classes, mse for regression")
    String loss;

    @Option(names = "--batchnorm", description = "batch normalisation after each hidden linear layer")
    boolean batchNorm;

    @Option(names = "--dropout", defaultValue = "0",
            description = "drop probability of hidden outputs, one or one per layer (0,0.2); alpha dropout with selu")
    String dropout;

    @Option(names = "--l1", defaultValue = "0", description = "L1 penalty on the weights")
    double l1;

    @Option(names = "--l2", defaultValue = "0", description = "L2 penalty l2*sum(w^2) on the weights")
    double l2;

    @Option(names = "--racer", required = true, paramLabel = "SPEC",
            description = "optimizer spec plus label=, init=, clip_norm=, clip_value= (repeatable)")
    List<String> racers;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "learning-rate schedule for every racer")
    String schedule;

    @Option(names = "--epochs", required = true, description = "passes over the training rows")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "minibatch rows (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--val", defaultValue = "0.2", description = "validation fraction (default ${DEFAULT-VALUE})")
    double validation;

    @Option(names = "--normalize", defaultValue = "none", description = "none|standard|minmax (default ${DEFAULT-VALUE})")
    String normalize;

    @Option(names = "--augment", paramLabel = "SPEC",
            description = "\"copies=3 sigma=0.1\": noisy copies of each training row, after the scaling (sigma in scaled units)")
    String augment;

    @Option(names = "--early-stopping", paramLabel = "SPEC",
            description = "\"patience=5 min_delta=0 baseline=X restore_best_weights=true\" on the validation loss")
    String earlyStopping;

    @Option(names = "--seed", defaultValue = "0", description = "seeds data, split, initialisation, minibatches, dropout")
    long seed;

    @Option(names = "--backend", defaultValue = "auto", description = "auto|cpu|cuda (default ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "per-epoch CSV (- for standard output)")
    String csv;

    @Option(names = "--summary", paramLabel = "FILE", description = "summary JSON (standard output when neither this nor --csv - is given)")
    String summary;

    @Override
    public Integer call() throws IOException {
        Dataset dataset = loadData();
        Loss lossKind = loss == null ? (dataset.isClassification() ? Loss.CE : Loss.MSE) : Loss.parse(loss);
        // the architecture only (l1, l2 and the batch are checked by the training options below)
        MlpSpec spec = TrainingPlan.mlpSpec(new NetworkConfig(parseLayers(layers), List.of(activation.split(",")),
                init, List.of(batchNorm), parseDropouts(dropout), lossKind.cliName(), 0, 0, 1, null), dataset);
        List<TrainingRacerSpec> racerSpecs = racers.stream().map(this::racerSpec).toList();
        TrainingRaceOptions options = new TrainingRaceOptions(epochs, batch, l1, l2, seed, Init.parse(init),
                schedule == null ? null : ScheduleOption.parse(schedule));
        EarlyStopping.Options stopping = earlyStopping == null ? null : EarlyStopping.Options.parse(earlyStopping);
        if (!(validation >= 0 && validation < 1)) {
            throw new ConfigException("val must be in [0, 1), was " + validation);
        }
        Normalization scaling = Normalization.of(normalize);
        Augmentation noise = augmentation();
        DataSplit split = TrainingPlan.prepare(dataset, validation, scaling, noise, scaling, seed);
        Backends.Opened opened = Backends.open(backend);
        PrintWriter stdout = command.commandLine().getOut();
        boolean hasVal = split.validation().size() > 0;
        boolean classification = dataset.isClassification();
        try (Backend compute = opened.backend();
             TrainingRace race = new TrainingRace(compute, spec, split.train(), split.validation(), racerSpecs,
                     options, stopping)) {
            race.recordStepTraces(false); // no inspector here: the same bits without per-step trace copies
            if (csv == null) {
                race.run();
            } else if (csv.equals("-")) {
                runWithCsv(race, stdout, hasVal, classification);
            } else {
                Path target = outputPath("--csv", csv);
                try {
                    AtomicFiles.write(target, w -> runWithCsv(race, w, hasVal, classification));
                } catch (IOException e) {
                    throw new BadInputException("cannot write --csv " + csv + ": " + IoMessages.describe(e));
                }
            }
            String json = summaryJson(opened.why(), race.results());
            if (summary != null) {
                writeFile(summary, json);
            } else if (!"-".equals(csv)) {
                stdout.println(json);
            }
        }
        return 0;
    }

    /** Runs the race writing the header and one row per epoch and racer as each epoch ends. */
    private static void runWithCsv(TrainingRace race, Writer out, boolean hasVal, boolean classification)
            throws IOException {
        PrintWriter csvOut = new PrintWriter(out);
        csvOut.println(CSV_HEADER);
        race.addListener(e -> {
            csvOut.println(row(e, hasVal, classification));
            csvOut.flush();
        });
        race.run();
        csvOut.flush();
        if (csvOut.checkError()) {
            throw new IOException("the CSV could not be written");
        }
    }

    private Dataset loadData() {
        if (label == null) {
            return DataSources.open(data, samples, noise, seed, CsvOptions.DEFAULTS);
        }
        if (label.isBlank()) {
            throw new BadInputException("--label is empty: give the header name of the label column");
        }
        if (!DataSources.isFile(data)) {
            throw new BadInputException("--label names a column of a CSV file; '" + data
                    + "' is a generated or bundled set");
        }
        return DataSources.open(data, samples, noise, seed, CsvOptions.labelColumn(label));
    }

    /** The {@code --augment} spec, whose errors name it: {@code --augment 'sigma=1': augment: copies is required}. */
    private Augmentation augmentation() {
        if (augment == null) {
            return Augmentation.NONE;
        }
        try {
            return Augmentation.parse(augment);
        } catch (ConfigException e) {
            throw new ConfigException("--augment '" + augment.trim() + "': " + e.getMessage(), e);
        }
    }

    /** A racer spec whose errors name it: {@code --racer 'adamm': unknown optimizer 'adamm'; ...}. */
    private TrainingRacerSpec racerSpec(String text) {
        try {
            TrainingRacerSpec racer = TrainingRacerSpec.parse(text);
            Optimizer optimizer = Optimizers.create(racer.optimizer(), 1);
            if (schedule != null) {
                ScheduleOption.check(schedule, optimizer, text);
            }
            return racer;
        } catch (ConfigException e) {
            if (e.getMessage().startsWith("--schedule ")) {
                throw e;
            }
            throw new ConfigException("--racer '" + text.trim() + "': " + e.getMessage(), e);
        }
    }

    private static Path outputPath(String option, String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException("cannot write " + option + " " + text + ": not a valid path (" + e.getReason()
                    + ")");
        }
    }

    static List<Integer> parseLayers(String text) {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank() || text.trim().equals("none")) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                int units = Integer.parseInt(part.trim());
                if (units < 1) {
                    throw new ConfigException("layers: every hidden layer needs >= 1 unit, was " + units);
                }
                out.add(units);
            } catch (NumberFormatException e) {
                throw new ConfigException("layers must be comma-separated unit counts such as 32,32, was '" + text + "'");
            }
        }
        return out;
    }

    /** "0.1" or one rate per layer, "0,0.2". */
    static List<Double> parseDropouts(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                out.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("dropout must be a rate or one per layer such as 0,0.2, was '" + text + "'");
            }
        }
        return out;
    }

    private static void writeFile(String path, String text) {
        try {
            AtomicFiles.write(outputPath("--summary", path), text + System.lineSeparator());
        } catch (IOException e) {
            throw new BadInputException("cannot write --summary " + path + ": " + IoMessages.describe(e));
        }
    }

    static String row(TrainingRaceEpoch e, boolean hasVal, boolean classification) {
        return e.racer() + "," + csvText(e.label()) + "," + e.epoch() + "," + e.step() + "," + e.trainLoss() + ","
                + (hasVal ? Double.toString(e.valLoss()) : "") + ","
                + (classification ? Double.toString(e.trainAccuracy()) : "") + ","
                + (hasVal && classification ? Double.toString(e.valAccuracy()) : "") + "," + e.learningRate();
    }

    private static String csvText(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String summaryJson(String backendWhy, List<TrainingRaceResult> results) {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("backend", backendWhy);
        ArrayNode list = root.putArray("racers");
        for (TrainingRaceResult r : results) {
            ObjectNode o = list.addObject();
            o.put("label", r.label());
            o.put("epochs_run", r.epochsRun());
            number(o, "train_loss", r.trainLoss());
            number(o, "val_loss", r.valLoss());
            number(o, "train_accuracy", r.trainAccuracy());
            number(o, "val_accuracy", r.valAccuracy());
            if (r.divergedAt() == null) {
                o.putNull("diverged_at");
            } else {
                o.put("diverged_at", r.divergedAt());
            }
            if (r.stoppedEarlyAt() == null) {
                o.putNull("stopped_early_at");
            } else {
                o.put("stopped_early_at", r.stoppedEarlyAt());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON has no NaN: a missing or non-finite number is null. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
