package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.Init;
import dev.descent.ui.Styles;
import dev.descent.ui.data.Fields;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/**
 * The network editor: hidden widths, one row per hidden layer (width, activation, batch norm,
 * dropout) under an "all layers" row that sets every layer, then init, bias init, loss, L1/L2,
 * batch, epochs, early stopping and the race kind.
 */
public final class NetworkEditorView extends VBox {
    public static final String HIDDEN_ID = "hiddenLayers";
    public static final String EPOCHS_ID = "epochs";
    public static final String RACE_KIND_ID = "raceKind";
    public static final String LAYERS_ID = "layerRows";
    public static final String ALL_ACTIVATION_ID = "allActivation";
    public static final String ALL_BN_ID = "allBatchNorm";
    public static final String ALL_DROPOUT_ID = "allDropout";
    /** Row ids are these prefixes plus the 1-based layer number ("layerActivation2"). */
    public static final String LAYER_WIDTH_ID = "layerWidth";
    public static final String LAYER_ACTIVATION_ID = "layerActivation";
    public static final String LAYER_BN_ID = "layerBatchNorm";
    public static final String LAYER_DROPOUT_ID = "layerDropout";

    private static final String[] ACTIVATIONS =
            Arrays.stream(Activation.values()).map(Activation::cliName).toArray(String[]::new);

    private final NetworkViewModel model;
    private final GridPane layerGrid = new GridPane();
    private final java.util.Map<LayerViewModel, Node[]> rows = new java.util.IdentityHashMap<>();
    private Node[] allRow;

    public NetworkEditorView(NetworkViewModel m) {
        this.model = m;
        setSpacing(6);
        Label title = new Label("Network");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        ComboBox<String> init = combo(m.initProperty(),
                Arrays.stream(Init.Kind.values()).map(Init.Kind::cliName).toArray(String[]::new));
        ComboBox<String> loss = combo(m.lossProperty(), NetworkViewModel.AUTO_LOSS, "ce", "bce", "mse");
        CheckBox early = new CheckBox("early stopping (val loss)");
        early.selectedProperty().bindBidirectional(m.earlyStoppingProperty());
        CheckBox restore = new CheckBox("restore best weights");
        restore.selectedProperty().bindBidirectional(m.restoreBestProperty());
        ComboBox<RaceKind> kind = new ComboBox<>();
        kind.setId(RACE_KIND_ID);
        kind.getItems().setAll(RaceKind.values());
        kind.valueProperty().bindBidirectional(m.raceKindProperty());
        layerGrid.setId(LAYERS_ID);
        layerGrid.setHgap(6);
        layerGrid.setVgap(4);
        int r = 0;
        g.addRow(r++, new Label("Hidden widths"), Fields.ofText(HIDDEN_ID, m.hiddenProperty()));
        g.add(layerGrid, 0, r++, 2, 1);
        g.addRow(r++, new Label("Init"), init);
        g.addRow(r++, new Label("Bias init"), Fields.ofDouble("biasInit", m.biasInitProperty()));
        g.addRow(r++, new Label("Loss"), loss);
        g.addRow(r++, new Label("L1"), Fields.ofDouble("l1", m.l1Property()));
        g.addRow(r++, new Label("L2"), Fields.ofDouble("l2", m.l2Property()));
        g.addRow(r++, new Label("Batch size"), Fields.ofInt("batch", m.batchProperty()));
        g.addRow(r++, new Label("Epochs"), Fields.ofInt(EPOCHS_ID, m.epochsProperty()));
        g.add(early, 0, r++, 2, 1);
        g.addRow(r++, new Label("Patience"), Fields.ofInt("patience", m.patienceProperty()));
        g.addRow(r++, new Label("min_delta"), Fields.ofDouble("minDelta", m.minDeltaProperty()));
        g.add(restore, 0, r++, 2, 1);
        g.addRow(r++, new Label("Race"), kind);
        g.addRow(r++, new Label("Inits (;)"), Fields.ofText("racedInits", m.racedInitsProperty()));
        g.addRow(r, new Label("Activations (;)"), Fields.ofText("racedActivations", m.racedActivationsProperty()));
        Label hint = new Label("Each hidden layer has its own activation, batch norm and dropout; the \"all\" row "
                + "sets every layer. \"Race\": optimizers uses the racers below; initialisations/activations race "
                + "the selected racer's optimizer.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.HINT);
        getChildren().addAll(title, g, hint);
        layoutRows();
        m.layers().addListener((ListChangeListener<LayerViewModel>) c -> layoutRows());
    }

    /** The header, the all-layers row and one row per hidden layer (controls made once per row). */
    private void layoutRows() {
        layerGrid.getChildren().clear();
        layerGrid.addRow(0, hint(""), hint("width"), hint("activation"), hint("BN"), hint("dropout"));
        if (allRow == null) {
            ComboBox<String> allActivation = combo(model.activationProperty(), ACTIVATIONS);
            allActivation.setId(ALL_ACTIVATION_ID);
            CheckBox allBn = new CheckBox();
            allBn.setId(ALL_BN_ID);
            allBn.selectedProperty().bindBidirectional(model.batchNormProperty());
            allRow = new Node[] {fixed(new Label("all layers")), new Label(""), allActivation, allBn,
                    narrow(Fields.ofDouble(ALL_DROPOUT_ID, model.dropoutProperty()))};
        }
        layerGrid.addRow(1, allRow);
        rows.keySet().retainAll(new java.util.HashSet<>(model.layers()));
        for (int i = 0; i < model.layers().size(); i++) {
            LayerViewModel row = model.layers().get(i);
            Node[] controls = rows.computeIfAbsent(row, this::rowControls);
            int n = i + 1;
            ((Label) controls[0]).setText("layer " + n);
            controls[1].setId(LAYER_WIDTH_ID + n);
            controls[2].setId(LAYER_ACTIVATION_ID + n);
            controls[3].setId(LAYER_BN_ID + n);
            controls[4].setId(LAYER_DROPOUT_ID + n);
            layerGrid.addRow(i + 2, controls);
        }
    }

    private Node[] rowControls(LayerViewModel row) {
        ComboBox<String> act = combo(row.activationProperty(), ACTIVATIONS);
        CheckBox bn = new CheckBox();
        bn.selectedProperty().bindBidirectional(row.batchNormProperty());
        return new Node[] {fixed(new Label()), narrow(Fields.ofInt(null, row.widthProperty())), act, bn,
                narrow(Fields.ofDouble(null, row.dropoutProperty()))};
    }

    /** A row label that keeps its text whole when the panel is narrow. */
    private static Label fixed(Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.HINT);
        return l;
    }

    private static TextField narrow(TextField f) {
        f.setPrefColumnCount(3);
        return f;
    }

    private static ComboBox<String> combo(javafx.beans.property.StringProperty p, String... items) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(items);
        c.setEditable(true);
        c.setPrefWidth(110);
        c.setValue(p.get());
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                p.set(b.trim());
            }
        });
        p.addListener((o, a, b) -> c.setValue(b));
        return c;
    }
}
