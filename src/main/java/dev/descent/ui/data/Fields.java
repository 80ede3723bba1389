package dev.descent.ui.data;

import dev.descent.ui.Styles;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;

import java.util.function.Function;

/** Text fields bound to view-model properties: committed on Enter or when focus leaves; bad text is marked and not committed. */
public final class Fields {
    private Fields() {
    }

    public static TextField ofInt(String id, IntegerProperty p) {
        return field(id, () -> Integer.toString(p.get()), t -> {
            p.set(Integer.parseInt(t.trim()));
            return true;
        }, p);
    }

    public static TextField ofDouble(String id, ObjectProperty<Double> p) {
        return field(id, () -> Double.toString(p.get()), t -> {
            double v = Double.parseDouble(t.trim());
            if (!Double.isFinite(v)) {
                return false;
            }
            p.set(v);
            return true;
        }, p);
    }

    public static TextField ofText(String id, StringProperty p) {
        return field(id, p::get, t -> {
            p.set(t.trim());
            return true;
        }, p);
    }

    private static TextField field(String id, java.util.function.Supplier<String> text, Function<String, Boolean> commit,
                                   javafx.beans.Observable source) {
        TextField f = new TextField(text.get());
        f.setId(id);
        f.setPrefColumnCount(6);
        Runnable apply = () -> {
            boolean ok;
            try {
                ok = commit.apply(f.getText());
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                f.getStyleClass().remove(Styles.INVALID);
            } else if (!f.getStyleClass().contains(Styles.INVALID)) {
                f.getStyleClass().add(Styles.INVALID);
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        source.addListener(o -> {
            if (!f.isFocused()) {
                f.setText(text.get());
            }
        });
        return f;
    }
}
