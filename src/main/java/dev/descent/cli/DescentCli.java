package dev.descent.cli;

import dev.descent.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The headless command line. Bad input prints one {@code error: ...} line on stderr and
 * exits 2; an internal failure exits 1; never a stack trace for bad input.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, version = "Descent 0.1.0",
        description = "A lab for how deep networks are trained. Without arguments the app window opens.",
        subcommands = {CommandLine.HelpCommand.class, ListCommand.class, OptimizeCommand.class,
                RunCommand.class, DataCommand.class, BenchCommand.class, TrainCommand.class, ExportCommand.class})
public final class DescentCli {

    /** Exit code for bad input (options, files, specs). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an internal failure. */
    public static final int EXIT_INTERNAL = 1;

    private DescentCli() {
    }

    /** Runs the command line with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new DescentCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof ConfigException || cause instanceof BadInputException) {
                err.println("error: " + cause.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("error: internal failure: " + cause);
            cause.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
