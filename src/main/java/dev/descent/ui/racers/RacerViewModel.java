package dev.descent.ui.racers;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.schedule.Schedules;
import dev.descent.core.race.RacerConfig;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One racer in the list: label, colour, enabled, optimizer and schedule with their values,
 * clipping. Every edit is checked by building the algorithm; a refused edit changes nothing
 * and its reason is in {@link #errorProperty()}. The running race only sees
 * {@link #toSetup()} copies taken at reset.
 */
public final class RacerViewModel {
    /** Builds an optimizer from a spec, so the registry validates values (ranges, types). */
    static final java.util.function.Consumer<Spec> OPTIMIZER_CHECK = spec -> Optimizers.create(spec, 2);

    private final StringProperty label = new SimpleStringProperty();
    private final StringProperty colour = new SimpleStringProperty();
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<ParameterGroup> optimizer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ParameterGroup> schedule = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Double> clipNorm = new SimpleObjectProperty<>(0.0);
    private final ObjectProperty<Double> clipValue = new SimpleObjectProperty<>(0.0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private long id;

    public RacerViewModel(String label, String colour, ParameterGroup optimizer, ParameterGroup schedule) {
        this.label.set(label);
        this.colour.set(colour);
        this.optimizer.set(optimizer);
        this.schedule.set(schedule);
    }

    /** A racer with the named optimizer at its defaults (lr overridden) and a constant schedule. */
    public static RacerViewModel of(String label, String colour, String optimizerName, String lr) {
        ParameterGroup opt = ParameterGroup.withDefaults(optimizerName,
                Optimizers.factory(optimizerName).hyperParameters());
        if (lr != null) {
            opt = opt.with("lr", lr, OPTIMIZER_CHECK);
        }
        return new RacerViewModel(label, colour, opt,
                ParameterGroup.withDefaults("constant", Schedules.factory("constant").hyperParameters()));
    }

    /** The racer a preset describes (its specs are already validated by {@link RacerConfig}). */
    public static RacerViewModel fromConfig(RacerConfig c) {
        Spec opt = Spec.parse(c.optimizer());
        ParameterGroup optimizer = ParameterGroup.withDefaults(opt.name(), Optimizers.factory(opt.name()).hyperParameters())
                .withAll(opt.values());
        Spec sched = Spec.parse(c.schedule() == null ? "constant" : c.schedule());
        ParameterGroup schedule = ParameterGroup.withDefaults(sched.name(), Schedules.factory(sched.name()).hyperParameters())
                .withAll(sched.values());
        RacerViewModel r = new RacerViewModel(c.label(), c.colour(), optimizer, schedule);
        r.clipNorm.set(c.clipNorm());
        r.clipValue.set(c.clipValue());
        r.enabled.set(c.enabled());
        return r;
    }

    // Properties

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyObjectProperty<ParameterGroup> optimizerProperty() {
        return optimizer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ParameterGroup> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    /** Counts accepted edits of the optimizer, schedule or clipping. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Which racer of the session this is (given by the {@link RacersViewModel} it joins; 0
     * before). It stays while the label and colour are edited, so a race under way still
     * finds this racer in its snapshot ({@link RacerConfig#id()}).
     */
    public long id() {
        return id;
    }

    void assignId(long newId) {
        id = newId;
    }

    public double clipNorm() {
        return clipNorm.get();
    }

    public double clipValue() {
        return clipValue.get();
    }

    // Commands

    /** Switches the optimizer, keeping lr when the new one accepts it. */
    public void chooseOptimizer(String name) {
        ParameterGroup next = ParameterGroup.withDefaults(name, Optimizers.factory(name).hyperParameters());
        String lr = optimizer.get().value("lr");
        try {
            if (lr != null && next.parameters().stream().anyMatch(p -> p.name().equals("lr"))) {
                next = next.with("lr", lr, OPTIMIZER_CHECK);
            }
        } catch (ConfigException e) {
            // the old lr is out of the new optimizer's range: keep its default
        }
        optimizer.set(next);
        error.set("");
    }

    /** Switches the schedule; a schedule with required values reports what it still needs. */
    public void chooseSchedule(String name) {
        schedule.set(ParameterGroup.withDefaults(name, Schedules.factory(name).hyperParameters()));
        error.set(checkSchedule(schedule.get()));
    }

    /** Sets an optimizer value; returns false and sets the error when the value is refused. */
    public boolean setOptimizerValue(String key, String text) {
        return apply(() -> optimizer.set(optimizer.get().with(key, text, OPTIMIZER_CHECK)));
    }

    public boolean setScheduleValue(String key, String text) {
        return apply(() -> schedule.set(schedule.get().with(key, text, this::buildSchedule)));
    }

    /** Sets a clipping threshold (0 = off); refuses negative or non-numeric text. */
    public boolean setClip(boolean norm, String text) {
        String field = norm ? "clip_norm" : "clip_value";
        return apply(() -> {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(field + " must be a number, was '" + text + "'");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new ConfigException(field + " must be in [0, inf) (0 = off), was " + text.trim());
            }
            (norm ? clipNorm : clipValue).set(v);
        });
    }

    /** An independent copy with another label/colour (duplicate). */
    public RacerViewModel copy(String newLabel, String newColour) {
        RacerViewModel c = new RacerViewModel(newLabel, newColour, optimizer.get(), schedule.get());
        c.clipNorm.set(clipNorm.get());
        c.clipValue.set(clipValue.get());
        c.enabled.set(enabled.get());
        return c;
    }

    /** The immutable config the race receives; throws ConfigException when it does not build. */
    public RacerConfig toConfig() {
        ParameterGroup s = schedule.get();
        String scheduleSpec = "constant".equals(s.name()) && s.values().isEmpty() ? null : s.spec().toString();
        return new RacerConfig(label.get(), colour.get(), optimizer.get().spec().toString(), scheduleSpec,
                clipNorm.get(), clipValue.get(), enabled.get(), id);
    }

    /** The update rule the optimizer computes, one formula per line. */
    public String updateRule() {
        return Optimizers.create(optimizer.get().spec(), 2).updateRule();
    }

    private boolean apply(Runnable edit) {
        try {
            edit.run();
            revision.set(revision.get() + 1);
            error.set(checkSchedule(schedule.get()));
            return true;
        } catch (ConfigException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    private String checkSchedule(ParameterGroup group) {
        try {
            buildSchedule(group.spec());
            return "";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    private void buildSchedule(Spec spec) {
        var opt = Optimizers.create(optimizer.get().spec(), 2);
        Schedules.create(spec, opt.baseLearningRate(), opt.baseMomentum());
    }
}
