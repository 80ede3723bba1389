package dev.descent.ui.racers;

import dev.descent.ui.Styles;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;

/** The racers list (swatch, enable toggle, label; add, duplicate, remove) and the selected racer's sheet. */
public final class RacersView extends VBox {
    public static final String LIST_ID = "racerList";
    public static final String SHEET_ID = "racerSheet";
    public static final String ERROR_ID = "racerError";
    public static final String ADD_ID = "addRacer";
    public static final String DUPLICATE_ID = "duplicateRacer";
    public static final String REMOVE_ID = "removeRacer";

    private final RacersViewModel model;
    private final ListView<RacerViewModel> list = new ListView<>();
    private final java.util.Map<String, PropertySheet> sheets = new java.util.LinkedHashMap<>();
    private final VBox sheetBox = new VBox(2);
    private final Label error = new Label();
    private final Button add = new Button("", new FontIcon("mdi2p-plus"));
    private final Button duplicate = new Button("", new FontIcon("mdi2c-content-copy"));
    private final Button remove = new Button("", new FontIcon("mdi2d-delete-outline"));
    private final ChangeListener<Object> rebuildOnAlgorithm = (o, a, b) -> rebuildIfAlgorithmChanged();
    private RacerViewModel shown;
    private String shownAlgorithms = "";

    public RacersView(RacersViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        setSpacing(6);
        Label title = new Label("Racers");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        add.setId(ADD_ID);
        duplicate.setId(DUPLICATE_ID);
        remove.setId(REMOVE_ID);
        add.setTooltip(new Tooltip("Add a racer"));
        duplicate.setTooltip(new Tooltip("Duplicate the selected racer (then change e.g. its lr)"));
        remove.setTooltip(new Tooltip("Remove the selected racer"));
        HBox header = new HBox(4, title, new HBox(), add, duplicate, remove);
        HBox.setHgrow(header.getChildren().get(1), Priority.ALWAYS);
        list.setId(LIST_ID);
        list.setPrefHeight(190);
        list.setMinHeight(110);
        sheetBox.setId(SHEET_ID);
        for (String category : java.util.List.of(SheetItems.GENERAL, SheetItems.OPTIMIZER, SheetItems.SCHEDULE,
                SheetItems.CLIPPING)) {
            PropertySheet sheet = new PropertySheet();
            sheet.setModeSwitcherVisible(false);
            sheet.setSearchBoxVisible(false);
            sheet.setMode(PropertySheet.Mode.NAME);
            sheet.setPropertyEditorFactory(SheetEditors::create);
            Label heading = new Label(category);
            heading.getStyleClass().add(Styles.HINT);
            sheets.put(category, sheet);
            sheetBox.getChildren().addAll(heading, sheet);
        }
        error.setId(ERROR_ID);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        error.setWrapText(true);
        getChildren().addAll(header, list, error, sheetBox);
    }

    private void bindViewModel() {
        list.setItems(model.racers());
        list.setCellFactory(v -> new RacerCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            list.getSelectionModel().select(b);
            show(b);
        });
        add.setOnAction(e -> model.add());
        duplicate.setOnAction(e -> model.duplicate());
        remove.setOnAction(e -> model.remove());
        add.disableProperty().bind(javafx.beans.binding.Bindings.size(model.racers())
                .greaterThanOrEqualTo(RacersViewModel.MAX_RACERS));
        duplicate.disableProperty().bind(model.selectedProperty().isNull().or(add.disableProperty()));
        remove.disableProperty().bind(model.selectedProperty().isNull());
        show(model.selectedProperty().get());
    }

    private void show(RacerViewModel r) {
        if (shown != null) {
            shown.optimizerProperty().removeListener(rebuildOnAlgorithm);
            shown.scheduleProperty().removeListener(rebuildOnAlgorithm);
        }
        shown = r;
        error.textProperty().unbind();
        error.setText("");
        if (r == null) {
            sheets.values().forEach(sh -> sh.getItems().clear());
            return;
        }
        r.optimizerProperty().addListener(rebuildOnAlgorithm);
        r.scheduleProperty().addListener(rebuildOnAlgorithm);
        error.textProperty().bind(r.errorProperty());
        rebuild();
    }

    private void rebuildIfAlgorithmChanged() {
        if (shown != null && !algorithms(shown).equals(shownAlgorithms)) {
            rebuild();
        }
    }

    private void rebuild() {
        shownAlgorithms = algorithms(shown);
        java.util.List<SheetItem> items = SheetItems.of(shown);
        sheets.forEach((category, sh) -> sh.getItems().setAll(
                items.stream().filter(i -> i.getCategory().equals(category)).toList()));
    }

    private static String algorithms(RacerViewModel r) {
        return r.optimizerProperty().get().name() + "/" + r.scheduleProperty().get().name();
    }

    /** Swatch, enable toggle, label and the optimizer spec. */
    private static final class RacerCell extends ListCell<RacerViewModel> {
        private final Rectangle swatch = new Rectangle(14, 14);
        private final CheckBox enabled = new CheckBox();
        private final Label label = new Label();
        private final Label spec = new Label();
        private final HBox box = new HBox(swatch, enabled, new VBox(label, spec));
        private RacerViewModel bound;

        RacerCell() {
            swatch.getStyleClass().add(Styles.SWATCH);
            spec.getStyleClass().add(Styles.HINT);
            box.getStyleClass().add(Styles.RACER_CELL);
            enabled.setTooltip(new Tooltip("Race this racer"));
        }

        @Override
        protected void updateItem(RacerViewModel item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                enabled.selectedProperty().unbindBidirectional(bound.enabledProperty());
                label.textProperty().unbind();
                spec.textProperty().unbind();
            }
            bound = empty ? null : item;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            swatch.setFill(Color.web(item.colourProperty().get()));
            enabled.selectedProperty().bindBidirectional(item.enabledProperty());
            label.textProperty().bind(item.labelProperty());
            spec.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> item.optimizerProperty().get().shortText() + scheduleText(item),
                    item.optimizerProperty(), item.scheduleProperty()));
            setGraphic(box);
        }

        private static String scheduleText(RacerViewModel r) {
            return "constant".equals(r.scheduleProperty().get().name()) ? "" : " | " + r.scheduleProperty().get().shortText();
        }
    }
}
