package dev.descent.ui.racers;

import dev.descent.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

import java.util.Optional;

/**
 * Editors for {@link SheetItem}s. Text commits on Enter or when focus leaves; a refused
 * value stays in the field, marked, with the reason as its tooltip (Escape restores the
 * accepted value).
 */
public final class SheetEditors {
    private SheetEditors() {
    }

    public static PropertyEditor<?> create(PropertySheet.Item item) {
        SheetItem s = (SheetItem) item;
        return switch (s.editor()) {
            case BOOLEAN -> bool(s);
            case CHOICE -> choice(s);
            case TEXT -> text(s);
        };
    }

    private static PropertyEditor<?> text(SheetItem item) {
        TextField field = new TextField(item.text());
        field.setId("sheet-" + item.getName());
        Tooltip tip = new Tooltip(item.getDescription());
        field.setTooltip(tip);
        Runnable commit = () -> {
            if (field.getText().equals(item.text()) && !field.getStyleClass().contains(Styles.INVALID)) {
                return;
            }
            Optional<String> refused = item.commit(field.getText());
            field.getStyleClass().remove(Styles.INVALID);
            if (refused.isPresent()) {
                field.getStyleClass().add(Styles.INVALID);
                tip.setText(refused.get());
            } else {
                tip.setText(item.getDescription());
                field.setText(item.text());
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(item.text());
                field.getStyleClass().remove(Styles.INVALID);
                tip.setText(item.getDescription());
            }
        });
        return new Simple<>(field, field::getText, v -> field.setText(String.valueOf(v)));
    }

    private static PropertyEditor<?> bool(SheetItem item) {
        CheckBox box = new CheckBox();
        box.setId("sheet-" + item.getName());
        box.setSelected(Boolean.parseBoolean(item.text()));
        box.setOnAction(e -> {
            if (item.commit(Boolean.toString(box.isSelected())).isPresent()) {
                box.setSelected(Boolean.parseBoolean(item.text()));
            }
        });
        return new Simple<>(box, box::isSelected, v -> box.setSelected(Boolean.parseBoolean(String.valueOf(v))));
    }

    private static PropertyEditor<?> choice(SheetItem item) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId("sheet-" + item.getName());
        combo.getItems().setAll(item.choices());
        combo.setValue(item.text());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setOnAction(e -> {
            if (combo.getValue() != null && !combo.getValue().equals(item.text())) {
                if (item.commit(combo.getValue()).isPresent()) {
                    combo.setValue(item.text());
                }
            }
        });
        return new Simple<>(combo, combo::getValue, v -> combo.setValue(String.valueOf(v)));
    }

    /** An editor whose node commits by itself; PropertySheet only reads and seeds it. */
    private static final class Simple<T> implements PropertyEditor<T> {
        private final Node node;
        private final java.util.function.Supplier<T> get;
        private final java.util.function.Consumer<Object> set;

        Simple(Node node, java.util.function.Supplier<T> get, java.util.function.Consumer<Object> set) {
            this.node = node;
            this.get = get;
            this.set = set;
        }

        @Override
        public Node getEditor() {
            return node;
        }

        @Override
        public T getValue() {
            return get.get();
        }

        @Override
        public void setValue(T value) {
            set.accept(value);
        }
    }
}
