package dev.descent.cli;

import dev.descent.core.config.ConfigException;
import dev.descent.core.data.BundledDatasets;
import dev.descent.core.data.DataGenerator;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.preset.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code data NAME [--samples N] [--noise X] [--seed S] [--csv FILE]}: writes a generated data
 * set as CSV, {@code x1,x2,label} (label = class index) for classification or {@code x,y} for
 * regression. Numbers are written with {@link Double#toString}, which reads back to the same
 * double, so the file re-imports bit for bit. A bundled real set (iris, ...) is written as
 * shipped, byte for byte; {@code --samples}, {@code --noise} and {@code --seed} do not apply
 * to it and are an error when given. A file is written atomically ({@link AtomicFiles}), so a
 * failed run leaves no half-written file.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Write a generated or bundled data set as CSV.",
                "Generated classification sets have the header x1,x2,label (label = class index 0..k-1);",
                "regression sets (linear, sine) have x,y. Bundled real sets (iris, wine, breast_cancer,",
                "digits8x8) are written as shipped, with their own header and class names; --samples,",
                "--noise and --seed apply to generated sets only."})
public final class DataCommand implements Callable<Integer> {

    private static final int DEFAULT_SAMPLES = 200;
    private static final double DEFAULT_NOISE = 0.1;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = DataNames.class)
    String name;

    @Option(names = "--samples", paramLabel = "N", description = "number of samples (default: " + DEFAULT_SAMPLES + ")")
    Integer samples;

    @Option(names = "--noise", paramLabel = "X",
            description = "standard deviation of the Gaussian noise (default: " + DEFAULT_NOISE + ")")
    Double noise;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: 0)")
    Long seed;

    @Option(names = "--csv", paramLabel = "FILE|-", defaultValue = "-",
            description = "output file; - writes to standard output (default)")
    String csv;

    @Override
    public Integer call() {
        AtomicFiles.Content content;
        int rows;
        if (BundledDatasets.contains(name)) {
            rejectGeneratorOptions();
            byte[] bytes = BundledDatasets.csvBytes(name);
            rows = BundledDatasets.load(name).size();
            String text = new String(bytes, StandardCharsets.UTF_8);
            content = w -> w.write(text);
        } else {
            Dataset data = generate();
            rows = data.size();
            content = w -> write(data, w);
        }
        PrintWriter out = spec.commandLine().getOut();
        if ("-".equals(csv)) {
            try {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a PrintWriter does not throw
            }
            out.flush();
            return 0;
        }
        Path target = Path.of(csv);
        if (Files.isDirectory(target)) {
            throw new BadInputException("cannot write --csv " + target + ": it is a folder");
        }
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new BadInputException("cannot write --csv " + target + ": " + IoMessages.describe(e));
        }
        out.println("wrote " + rows + " samples of " + name + " to " + target);
        return 0;
    }

    private Dataset generate() {
        try {
            return DataGenerators.create(name, samples == null ? DEFAULT_SAMPLES : samples,
                    noise == null ? DEFAULT_NOISE : noise, seed == null ? 0 : seed);
        } catch (ConfigException e) {
            if (e.getMessage().startsWith("unknown data set")) {
                throw new ConfigException(e.getMessage() + "; bundled: " + String.join(", ", BundledDatasets.names()), e);
            }
            throw e;
        }
    }

    private void rejectGeneratorOptions() {
        List<String> given = new ArrayList<>();
        if (samples != null) {
            given.add("--samples");
        }
        if (noise != null) {
            given.add("--noise");
        }
        if (seed != null) {
            given.add("--seed");
        }
        if (!given.isEmpty()) {
            throw new BadInputException(String.join(", ", given) + (given.size() == 1 ? " does" : " do")
                    + " not apply to " + name + ": it is a bundled real data set, written as shipped");
        }
    }

    /** The CSV text of {@code data}: header, then one row per sample. */
    static void write(Dataset data, Writer w) throws IOException {
        if (data.isClassification()) {
            w.write(String.join(",", data.featureNames()) + ",label\n");
        } else {
            w.write(String.join(",", data.featureNames()) + ",y\n");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            line.setLength(0);
            for (double v : data.features()[i]) {
                line.append(v).append(',');
            }
            if (data.isClassification()) {
                line.append(data.label(i));
            } else {
                line.append(data.targets()[i]);
            }
            w.append(line.append('\n'));
        }
    }

    /** The generator and bundled names, for the help text and shell completion. */
    static final class DataNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = DataGenerators.all().stream().map(DataGenerator::name).collect(Collectors.toList());
            names.addAll(BundledDatasets.names());
            return names.iterator();
        }
    }
}
