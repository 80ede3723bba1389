package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.nn.Init;
import dev.descent.ui.Styles;
import dev.descent.ui.data.Fields;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/** The network editor: layers, activation, init, batch norm, dropout, loss, L1/L2, batch, epochs, early stopping, race kind. */
public final class NetworkEditorView extends VBox {
    public static final String HIDDEN_ID = "hiddenLayers";
    public static final String EPOCHS_ID = "epochs";
    public static final String RACE_KIND_ID = "raceKind";

    public NetworkEditorView(NetworkViewModel m) {
        setSpacing(6);
        Label title = new Label("Network");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        ComboBox<String> activation = combo(m.activationProperty(),
                Arrays.stream(Activation.values()).map(Activation::cliName).toArray(String[]::new));
        ComboBox<String> init = combo(m.initProperty(),
                Arrays.stream(Init.Kind.values()).map(Init.Kind::cliName).toArray(String[]::new));
        ComboBox<String> loss = combo(m.lossProperty(), NetworkViewModel.AUTO_LOSS, "ce", "bce", "mse");
        CheckBox bn = new CheckBox("batch norm");
        bn.selectedProperty().bindBidirectional(m.batchNormProperty());
        CheckBox early = new CheckBox("early stopping (val loss)");
        early.selectedProperty().bindBidirectional(m.earlyStoppingProperty());
        CheckBox restore = new CheckBox("restore best weights");
        restore.selectedProperty().bindBidirectional(m.restoreBestProperty());
        ComboBox<RaceKind> kind = new ComboBox<>();
        kind.setId(RACE_KIND_ID);
        kind.getItems().setAll(RaceKind.values());
        kind.valueProperty().bindBidirectional(m.raceKindProperty());
        int r = 0;
        g.addRow(r++, new Label("Hidden widths"), Fields.ofText(HIDDEN_ID, m.hiddenProperty()));
        g.addRow(r++, new Label("Activation"), activation);
        g.addRow(r++, new Label("Init"), init);
        g.addRow(r++, new Label("Bias init"), Fields.ofDouble("biasInit", m.biasInitProperty()));
        g.addRow(r++, new Label("Dropout"), Fields.ofDouble("dropout", m.dropoutProperty()));
        g.addRow(r++, new Label(""), bn);
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
        Label hint = new Label("One activation, batch norm and dropout for every hidden layer. \"Race\": optimizers "
                + "uses the racers below; initialisations/activations race the selected racer's optimizer.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.HINT);
        getChildren().addAll(title, g, hint);
    }

    private static ComboBox<String> combo(javafx.beans.property.StringProperty p, String... items) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(items);
        c.setEditable(true);
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
