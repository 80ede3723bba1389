package dev.descent.cli;

import dev.descent.core.data.DataGenerator;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code data NAME --samples N --noise X --seed S --csv FILE}: writes a generated data set as
 * CSV, {@code x1,x2,label} (label = class index) for classification or {@code x,y} for
 * regression. Numbers are written with {@link Double#toString}, which reads back to the same
 * double, so the file re-imports bit for bit. A file is written to a temporary sibling and
 * moved into place, so a failed run leaves no half-written file.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Write a generated data set as CSV.",
                "Classification sets have the header x1,x2,label (label = class index 0..k-1);",
                "regression sets (linear, sine) have x,y."})
public final class DataCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = GeneratorNames.class)
    String name;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "200", description = "number of samples (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--noise", paramLabel = "X", defaultValue = "0.1",
            description = "standard deviation of the Gaussian noise (default: ${DEFAULT-VALUE})")
    double noise;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE|-", defaultValue = "-",
            description = "output file; - writes to standard output (default)")
    String csv;

    @Override
    public Integer call() {
        Dataset data = DataGenerators.create(name, samples, noise, seed);
        PrintWriter out = spec.commandLine().getOut();
        if ("-".equals(csv)) {
            write(data, out);
            out.flush();
            return 0;
        }
        Path target = Path.of(csv);
        writeAtomically(data, target);
        out.println("wrote " + data.size() + " samples of " + name + " to " + target);
        return 0;
    }

    /** The CSV text of {@code data}: header, then one row per sample. */
    static void write(Dataset data, PrintWriter w) {
        if (data.isClassification()) {
            w.print(String.join(",", data.featureNames()) + ",label\n");
        } else {
            w.print(String.join(",", data.featureNames()) + ",y\n");
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
            w.print(line.append('\n'));
        }
    }

    private static void writeAtomically(Dataset data, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new BadInputException("cannot write --csv " + target + ": it is a folder");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 PrintWriter w = new PrintWriter(writer)) {
                write(data, w);
                if (w.checkError()) {
                    throw new IOException("write failed");
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new BadInputException("cannot write --csv " + target + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : "I/O failure";
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the temporary file stays behind; the error already reported says why
        }
    }

    /** The generator names, for the help text and shell completion. */
    static final class GeneratorNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DataGenerators.all().stream().map(DataGenerator::name).collect(Collectors.toList()).iterator();
        }
    }
}
