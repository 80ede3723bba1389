package dev.descent.ui.racers;

import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One row of a racer's property sheet. The value is text; {@link #commit} asks the racer's
 * view-model, which refuses invalid values (and says why) instead of storing them.
 */
public final class SheetItem implements PropertySheet.Item {

    /** How the row is edited. */
    public enum Editor { TEXT, BOOLEAN, CHOICE }

    private final String category;
    private final String name;
    private final String description;
    private final Editor editor;
    private final List<String> choices;
    private final Supplier<String> value;
    private final Predicate<String> commit;
    private final Supplier<String> error;

    /**
     * @param commit applies a value; false when refused (the reason is then in {@code error})
     */
    public SheetItem(String category, String name, String description, Editor editor, List<String> choices,
                     Supplier<String> value, Predicate<String> commit, Supplier<String> error) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.editor = editor;
        this.choices = List.copyOf(choices);
        this.value = value;
        this.commit = commit;
        this.error = error;
    }

    public Editor editor() {
        return editor;
    }

    public List<String> choices() {
        return choices;
    }

    /** Applies {@code text}; returns the refusal reason, or empty when accepted. */
    public Optional<String> commit(String text) {
        return commit.test(text) ? Optional.empty() : Optional.of(error.get());
    }

    public String text() {
        String v = value.get();
        return v == null ? "" : v;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return text();
    }

    @Override
    public void setValue(Object v) {
        commit(String.valueOf(v));
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
