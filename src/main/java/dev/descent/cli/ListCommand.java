package dev.descent.cli;

import dev.descent.core.compute.BackendProvider;
import dev.descent.core.compute.BackendStatus;
import dev.descent.core.compute.Backends;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.optim.OptimizerFactory;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.schedule.ScheduleFactory;
import dev.descent.core.schedule.Schedules;
import dev.descent.core.surface.SurfaceFactory;
import dev.descent.core.surface.Surfaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code list}: the surfaces, optimizers and schedules with their parameters and defaults, from
 * the registries, and the compute backends with whether each is usable here (and why not).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List surfaces, optimizers and schedules with their parameters and defaults, "
                + "and the compute backends usable here.")
public final class ListCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Surfaces (--surface NAME --param key=value):");
        for (SurfaceFactory f : Surfaces.all()) {
            entry(out, f.name(), f.description(), f.hyperParameters());
        }
        out.println();
        out.println("Optimizers (--racer \"NAME key=value ...\"):");
        for (OptimizerFactory f : Optimizers.all()) {
            entry(out, f.name(), f.description(), f.hyperParameters());
        }
        out.println();
        out.println("Schedules (--schedule \"NAME key=value ...\"; none = constant):");
        for (ScheduleFactory f : Schedules.all()) {
            entry(out, f.name(), f.description(), f.hyperParameters());
        }
        out.println();
        out.println("Compute backends (--backend auto|cpu|cuda; auto takes the first usable one):");
        for (BackendProvider p : Backends.providers()) {
            BackendStatus status = p.probe();
            String state = status.available() ? status.reason() : "not usable: " + status.reason();
            out.printf("  %-16s %s%n", p.name(), state);
        }
        out.flush();
        return 0;
    }

    private static void entry(PrintWriter out, String name, String description, List<HyperParameter> parameters) {
        out.printf("  %-16s %s%n", name, description);
        for (HyperParameter p : parameters) {
            String value = p.required() ? "(required)" : "= " + p.defaultValue();
            out.printf("      %-22s %-14s %-22s %s%n", p.name(), value, p.range(), p.help());
        }
    }
}
