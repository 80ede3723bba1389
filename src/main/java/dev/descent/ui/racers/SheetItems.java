package dev.descent.ui.racers;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.optim.OptimizerFactory;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.schedule.ScheduleFactory;
import dev.descent.core.schedule.Schedules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a racer's property-sheet rows from the registries' hyper-parameter metadata. */
public final class SheetItems {
    public static final String GENERAL = "Racer";
    public static final String OPTIMIZER = "Optimizer";
    public static final String SCHEDULE = "Schedule";
    public static final String CLIPPING = "Gradient clipping";

    private SheetItems() {
    }

    public static List<SheetItem> of(RacerViewModel r) {
        List<SheetItem> items = new ArrayList<>();
        items.add(new SheetItem(GENERAL, "label", "legend text", SheetItem.Editor.TEXT, List.of(),
                () -> r.labelProperty().get(), t -> {
                    if (t.isBlank()) {
                        return false;
                    }
                    r.labelProperty().set(t.trim());
                    return true;
                }, () -> "label must not be empty"));
        items.add(new SheetItem(OPTIMIZER, "optimizer", "the update rule",
                SheetItem.Editor.CHOICE, Optimizers.all().stream().map(OptimizerFactory::name).toList(),
                () -> r.optimizerProperty().get().name(), t -> {
                    r.chooseOptimizer(t);
                    return true;
                }, () -> ""));
        for (HyperParameter p : r.optimizerProperty().get().parameters()) {
            items.add(item(OPTIMIZER, p, () -> r.optimizerProperty().get().value(p.name()),
                    t -> r.setOptimizerValue(p.name(), t), r));
        }
        items.add(new SheetItem(SCHEDULE, "schedule", "learning-rate schedule",
                SheetItem.Editor.CHOICE, Schedules.all().stream().map(ScheduleFactory::name).toList(),
                () -> r.scheduleProperty().get().name(), t -> {
                    r.chooseSchedule(t);
                    return true;
                }, () -> ""));
        for (HyperParameter p : r.scheduleProperty().get().parameters()) {
            items.add(item(SCHEDULE, p, () -> r.scheduleProperty().get().value(p.name()),
                    t -> r.setScheduleValue(p.name(), t), r));
        }
        items.add(new SheetItem(CLIPPING, "clip_norm", "rescale the gradient to at most this norm; 0 = off ([0, inf))",
                SheetItem.Editor.TEXT, List.of(), () -> Double.toString(r.clipNorm()),
                t -> r.setClip(true, t), () -> r.errorProperty().get()));
        items.add(new SheetItem(CLIPPING, "clip_value", "clamp each gradient component to +-this; 0 = off ([0, inf))",
                SheetItem.Editor.TEXT, List.of(), () -> Double.toString(r.clipValue()),
                t -> r.setClip(false, t), () -> r.errorProperty().get()));
        return items;
    }

    private static SheetItem item(String category, HyperParameter p, java.util.function.Supplier<String> value,
                                  java.util.function.Predicate<String> commit, RacerViewModel r) {
        String description = p.help() + " - range " + p.range()
                + (p.defaultValue() != null ? ", default " + p.defaultValue() : ", required");
        SheetItem.Editor editor = switch (p.kind()) {
            case BOOLEAN -> SheetItem.Editor.BOOLEAN;
            case CHOICE -> SheetItem.Editor.CHOICE;
            default -> SheetItem.Editor.TEXT;
        };
        List<String> choices = p.kind() == HyperParameter.Kind.CHOICE
                ? Arrays.asList(p.range().split("\\|")) : List.of();
        return new SheetItem(category, p.name(), description, editor, choices, value, commit,
                () -> r.errorProperty().get());
    }
}
