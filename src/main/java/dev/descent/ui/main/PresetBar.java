package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.ui.Styles;
import dev.descent.ui.presets.PresetEntry;
import dev.descent.ui.presets.PresetTopics;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.List;

/**
 * The preset picker (bundled and folder presets grouped by lesson topic, their lesson as
 * tooltip) with Open and Save.
 */
public final class PresetBar extends HBox {
    public static final String PICKER_ID = "presetPicker";

    private final MainViewModel model;
    private final ComboBox<PresetEntry> picker = new ComboBox<>();
    private final Button open = new Button("", new FontIcon("mdi2f-folder-open-outline"));
    private final Button save = new Button("", new FontIcon("mdi2c-content-save-outline"));
    /** The entry shown when the popup opened: clicking it again reloads it (the value does not change). */
    private PresetEntry shownWhenOpened;
    /** True while the picker is set to follow the model's title: that must not load the entry again. */
    private boolean following;

    public PresetBar(MainViewModel model, List<PresetEntry> presets) {
        this.model = model;
        setSpacing(4);
        picker.setId(PICKER_ID);
        picker.setPromptText("Presets");
        picker.getStyleClass().add(Styles.PRESET_PICKER);
        ObservableList<PresetEntry> items = FXCollections.observableArrayList(PresetTopics.grouped(presets));
        picker.setItems(items);
        picker.setCellFactory(v -> {
            LessonCell cell = new LessonCell();
            // a ComboBox fires no action when its value is picked again; a teacher does that to
            // start a lesson over, so a click on the entry already chosen reloads it
            cell.setOnMouseReleased(e -> {
                if (!cell.isEmpty() && cell.getItem() != null && cell.getItem() == shownWhenOpened
                        && cell.getItem() == picker.getValue()) {
                    load(cell.getItem());
                }
            });
            return cell;
        });
        picker.setOnShowing(e -> shownWhenOpened = picker.getValue());
        picker.setTooltip(new Tooltip("Classic lecture demonstrations: pick one to load it"));
        open.setTooltip(new Tooltip("Open a preset file"));
        save.setTooltip(new Tooltip("Save this session as a preset file"));
        getChildren().addAll(picker, open, save);
        picker.setOnAction(e -> {
            if (!following && picker.getValue() != null) {
                load(picker.getValue());
            }
        });
        // a lesson that came back with the last session (or was opened from a file) is named
        // in the picker as if it had been picked there
        model.titleProperty().addListener((o, was, now) -> follow(now));
        follow(model.titleProperty().get());
        open.setOnAction(e -> {
            File f = chooser().showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.open(f.toPath());
            }
        });
        save.setOnAction(e -> {
            File f = chooser().showSaveDialog(getScene().getWindow());
            if (f != null) {
                model.save(f.getName().endsWith(".json") ? f.toPath() : new File(f.getPath() + ".json").toPath());
            }
        });
    }

    /**
     * Picks the entry at {@code index} (0-based, in picker order) and loads it, again when it
     * is the one already picked; false when there is none.
     */
    public boolean select(int index) {
        if (index < 0 || index >= picker.getItems().size()) {
            return false;
        }
        if (picker.getSelectionModel().getSelectedIndex() == index) {
            load(picker.getItems().get(index));
        } else {
            picker.getSelectionModel().select(index);
        }
        return true;
    }

    /** Shows the entry titled {@code title} without loading it; leaves the picker as it is when there is none. */
    private void follow(String title) {
        if (title == null || title.isEmpty()) {
            return;
        }
        PresetEntry shown = picker.getValue();
        if (shown != null && title.equals(shown.preset().title())) {
            return;
        }
        picker.getItems().stream().filter(e -> title.equals(e.preset().title())).findFirst().ifPresent(match -> {
            following = true;
            try {
                picker.setValue(match);
            } finally {
                following = false;
            }
        });
    }

    private void load(PresetEntry entry) {
        try {
            model.apply(entry.preset());
        } catch (ConfigException ex) {
            model.report("not loaded: " + ex.getMessage());
        }
    }

    /** Picks the next ({@code +1}) or previous ({@code -1}) entry, wrapping around. */
    public void selectNext(int delta) {
        int n = picker.getItems().size();
        if (n > 0) {
            int current = picker.getSelectionModel().getSelectedIndex();
            select(Math.floorMod(current < 0 ? (delta > 0 ? -1 : 0) + delta : current + delta, n));
        }
    }

    private static FileChooser chooser() {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Descent presets (*.json)", "*.json"));
        File presets = new File("presets");
        if (presets.isDirectory()) {
            c.setInitialDirectory(presets);
        }
        return c;
    }

    /** Title, with the lesson as tooltip; the first preset of a topic carries the topic as a heading. */
    private static final class LessonCell extends ListCell<PresetEntry> {
        @Override
        protected void updateItem(PresetEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.preset().title());
            setGraphic(null);
            if (!empty && item != null && getListView() != null && getIndex() >= 0
                    && PresetTopics.startsTopic(getListView().getItems(), getIndex())) {
                Label heading = new Label(PresetTopics.heading(item.preset().topic()));
                heading.getStyleClass().add(Styles.TOPIC_HEADING);
                setGraphic(new VBox(2, heading, new Label(item.preset().title())));
                setText(null);
            }
            setTooltip(empty || item == null || item.preset().lesson().isEmpty() ? null
                    : new Tooltip(item.preset().lesson()));
            if (getTooltip() != null) {
                getTooltip().setWrapText(true);
                getTooltip().setMaxWidth(420);
            }
        }
    }
}
