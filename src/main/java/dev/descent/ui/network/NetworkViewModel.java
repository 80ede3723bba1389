package dev.descent.ui.network;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.HiddenLayer;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.NetworkData;
import dev.descent.core.preset.NetworkConfig;
import dev.descent.core.race.EarlyStopping;
import dev.descent.core.race.TrainingRaceOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The network editor's state: architecture (hidden layers, each with its width, activation,
 * batch norm and dropout; loss), initialisation, regularisation (L1/L2), batch size, epochs,
 * early stopping, and what the racers differ in. The hidden widths text and the layer rows
 * follow each other; the "all layers" activation, batch norm and dropout set every row.
 * {@link #spec}, {@link #options} and {@link #stopping} build the engine's records and throw
 * {@link ConfigException} naming the field that is wrong; {@link #load} and {@link #toConfig}
 * read and write a preset's network.
 */
public final class NetworkViewModel {
    /** "auto" picks ce for classification and mse for regression. */
    public static final String AUTO_LOSS = "auto";
    /** Epochs of a fresh editor (and of a preset that sets none). */
    public static final int DEFAULT_EPOCHS = 200;

    private final StringProperty hidden = new SimpleStringProperty("16, 16");
    private final StringProperty activation = new SimpleStringProperty("tanh");
    private final StringProperty init = new SimpleStringProperty("glorot_uniform");
    private final ObjectProperty<Double> biasInit = new SimpleObjectProperty<>(0.0);
    private final BooleanProperty batchNorm = new SimpleBooleanProperty(false);
    private final ObjectProperty<Double> dropout = new SimpleObjectProperty<>(0.0);
    private final StringProperty loss = new SimpleStringProperty(AUTO_LOSS);
    private final ObjectProperty<Double> l1 = new SimpleObjectProperty<>(0.0);
    private final ObjectProperty<Double> l2 = new SimpleObjectProperty<>(0.0);
    private final IntegerProperty batch = new SimpleIntegerProperty(32);
    private final IntegerProperty epochs = new SimpleIntegerProperty(DEFAULT_EPOCHS);
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(false);
    private final IntegerProperty patience = new SimpleIntegerProperty(10);
    private final ObjectProperty<Double> minDelta = new SimpleObjectProperty<>(0.0);
    private final BooleanProperty restoreBest = new SimpleBooleanProperty(true);
    private final ObjectProperty<RaceKind> raceKind = new SimpleObjectProperty<>(RaceKind.OPTIMIZERS);
    private final StringProperty racedInits = new SimpleStringProperty("normal std=0.01; normal std=1; glorot_uniform; he_normal");
    private final StringProperty racedActivations = new SimpleStringProperty("sigmoid; tanh; relu; gelu");
    private final ObservableList<LayerViewModel> layers = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    /** Early stopping's settings the editor does not show (monitor, mode, baseline, warm-up), from a preset. */
    private EarlyStopping.Options stoppingTemplate = DEFAULT_STOPPING;
    private int bulk;

    /** What the editor's early stopping means by default: val_loss, min, patience 10, restore best. */
    static final EarlyStopping.Options DEFAULT_STOPPING =
            new EarlyStopping.Options("val_loss", EarlyStopping.Mode.MIN, 0, 10, null, true, 0);

    public NetworkViewModel() {
        layers.addListener((ListChangeListener<LayerViewModel>) c -> {
            while (c.next()) {
                for (LayerViewModel row : c.getAddedSubList()) {
                    row.widthProperty().addListener((o, was, now) -> rowWidthChanged());
                    row.activationProperty().addListener((o, was, now) -> changed());
                    row.batchNormProperty().addListener((o, was, now) -> changed());
                    row.dropoutProperty().addListener((o, was, now) -> changed());
                }
            }
            changed();
        });
        hidden.addListener((o, was, now) -> syncRowsFromText());
        activation.addListener((o, a, b) -> setEveryRow(r -> r.activationProperty().set(b)));
        batchNorm.addListener((o, a, b) -> setEveryRow(r -> r.batchNormProperty().set(b)));
        dropout.addListener((o, a, b) -> setEveryRow(r -> r.dropoutProperty().set(b)));
        syncRowsFromText();
    }

    // Properties

    /** Hidden widths, comma-separated ("16, 16"); empty for a linear model. */
    public StringProperty hiddenProperty() {
        return hidden;
    }

    /** The hidden layers, one row each (width, activation, batch norm, dropout). */
    public ObservableList<LayerViewModel> layers() {
        return layers;
    }

    /** Counts edits of the architecture (widths, any row, the all-layers settings): one per edit. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The activation for all layers: setting it sets every row. */
    public StringProperty activationProperty() {
        return activation;
    }

    public StringProperty initProperty() {
        return init;
    }

    public ObjectProperty<Double> biasInitProperty() {
        return biasInit;
    }

    /** Batch norm for all layers: setting it sets every row. */
    public BooleanProperty batchNormProperty() {
        return batchNorm;
    }

    /** Dropout for all layers: setting it sets every row. */
    public ObjectProperty<Double> dropoutProperty() {
        return dropout;
    }

    /** ce, bce, mse or auto. */
    public StringProperty lossProperty() {
        return loss;
    }

    public ObjectProperty<Double> l1Property() {
        return l1;
    }

    public ObjectProperty<Double> l2Property() {
        return l2;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public BooleanProperty earlyStoppingProperty() {
        return earlyStopping;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public ObjectProperty<Double> minDeltaProperty() {
        return minDelta;
    }

    public BooleanProperty restoreBestProperty() {
        return restoreBest;
    }

    public ObjectProperty<RaceKind> raceKindProperty() {
        return raceKind;
    }

    /** Initialisations raced in {@link RaceKind#INITS}, separated by ';'. */
    public StringProperty racedInitsProperty() {
        return racedInits;
    }

    /** Activations raced in {@link RaceKind#ACTIVATIONS}, separated by ';'. */
    public StringProperty racedActivationsProperty() {
        return racedActivations;
    }

    // Builders

    /** The hidden widths, parsed. */
    public List<Integer> hiddenWidths() {
        List<Integer> out = new ArrayList<>();
        String text = hidden.get() == null ? "" : hidden.get().trim();
        if (text.isEmpty()) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            try {
                int w = Integer.parseInt(part);
                if (w < 1 || w > 1024) {
                    throw new ConfigException("hidden layers: each width must be in [1, 1024], was " + w);
                }
                out.add(w);
            } catch (NumberFormatException e) {
                throw new ConfigException("hidden layers: widths must be whole numbers separated by commas, was '"
                        + part + "'");
            }
        }
        if (out.size() > 8) {
            throw new ConfigException("hidden layers: at most 8, was " + out.size());
        }
        return out;
    }

    public Loss loss(Dataset train) {
        if (AUTO_LOSS.equals(loss.get())) {
            return train.isClassification() ? Loss.CE : Loss.MSE;
        }
        return Loss.parse(loss.get());
    }

    /** The architecture for a data set, layer by layer as the rows say. */
    public MlpSpec spec(Dataset train) {
        Loss l = loss(train);
        List<Integer> widths = hiddenWidths();
        List<HiddenLayer> hiddenLayers = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            LayerViewModel row = layers.get(i);
            ActivationSpec f;
            try {
                f = ActivationSpec.parse(row.activationProperty().get());
            } catch (ConfigException e) {
                throw new ConfigException("layer " + (i + 1) + ": " + e.getMessage(), e);
            }
            double p = row.dropoutProperty().get();
            if (!(p >= 0 && p < 1)) {
                throw new ConfigException("layer " + (i + 1) + ": dropout must be in [0, 1), was " + p);
            }
            hiddenLayers.add(new HiddenLayer(widths.get(i), f, row.batchNormProperty().get(), p));
        }
        return new MlpSpec(train.dimension(), hiddenLayers, NetworkData.outputsFor(train, l), l);
    }

    /**
     * The network as a preset stores it (per-layer lists collapse when the layers agree; the
     * loss "auto" is resolved for {@code train}).
     */
    public NetworkConfig toConfig(Dataset train) {
        List<Integer> widths = hiddenWidths();
        List<String> acts = new ArrayList<>();
        List<Boolean> bns = new ArrayList<>();
        List<Double> drops = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            LayerViewModel row = layers.get(i);
            acts.add(row.activationProperty().get());
            bns.add(row.batchNormProperty().get());
            drops.add(row.dropoutProperty().get());
        }
        if (widths.isEmpty()) {
            acts.add(activation.get());
            bns.add(batchNorm.get());
            drops.add(dropout.get());
        }
        Init i = initialisation();
        EarlyStopping.Options s = stopping();
        return new NetworkConfig(widths, acts, i.kind() == Init.Kind.TORCH ? "default" : i.toString(), bns, drops,
                loss(train).cliName(), l1.get(), l2.get(), batch.get(), s == null ? null : stoppingSpec(s));
    }

    /**
     * Shows a preset's network: widths, every layer's activation, batch norm and dropout, init
     * with its bias, loss, L1/L2, batch size and early stopping (off when the preset has none);
     * what the preset does not say takes the editor's defaults.
     */
    public void load(NetworkConfig n) {
        Init i = Init.parse(n.init());
        bulk++;
        try {
            hidden.set(n.layers().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            resizeRows(n.layers());
            activation.set(n.activationOf(0));
            batchNorm.set(n.batchnormOf(0));
            dropout.set(n.dropoutOf(0));
            for (int l = 0; l < layers.size(); l++) {
                layers.get(l).activationProperty().set(n.activationOf(l));
                layers.get(l).batchNormProperty().set(n.batchnormOf(l));
                layers.get(l).dropoutProperty().set(n.dropoutOf(l));
            }
            Spec spec = Spec.parse(n.init());
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>(spec.values());
            values.remove("bias");
            init.set(new Spec(spec.name(), values).toString());
            biasInit.set(i.bias());
            loss.set(n.loss());
            l1.set(n.l1());
            l2.set(n.l2());
            batch.set(n.batchSize());
            EarlyStopping.Options s = n.earlyStoppingOptions();
            stoppingTemplate = s == null ? DEFAULT_STOPPING : s;
            earlyStopping.set(s != null);
            patience.set(stoppingTemplate.patience());
            minDelta.set(stoppingTemplate.minDelta());
            restoreBest.set(stoppingTemplate.restoreBestWeights());
        } finally {
            bulk--;
        }
        changed();
    }

    /** Early-stopping options in the {@link EarlyStopping.Options#parse} form. */
    static String stoppingSpec(EarlyStopping.Options s) {
        StringBuilder sb = new StringBuilder("monitor=" + s.monitor() + " mode="
                + s.mode().name().toLowerCase(java.util.Locale.ROOT) + " min_delta=" + s.minDelta()
                + " patience=" + s.patience() + " restore_best_weights=" + s.restoreBestWeights());
        if (s.baseline() != null) {
            sb.append(" baseline=").append(s.baseline());
        }
        if (s.startFromEpoch() > 0) {
            sb.append(" start_from_epoch=").append(s.startFromEpoch());
        }
        return sb.toString();
    }

    /** The initialisation with the bias init applied. */
    public Init initialisation() {
        return withBias(Init.parse(init.get()));
    }

    private Init withBias(Init i) {
        return i.kind() == Init.Kind.TORCH ? i : new Init(i.kind(), i.value(), biasInit.get());
    }

    public TrainingRaceOptions options(long seed) {
        return new TrainingRaceOptions(epochs.get(), batch.get(), l1.get(), l2.get(), seed, initialisation(), null);
    }

    /**
     * Early stopping (on the validation loss unless a preset named another monitor), or null
     * when it is off.
     */
    public EarlyStopping.Options stopping() {
        if (!earlyStopping.get()) {
            return null;
        }
        EarlyStopping.Options t = stoppingTemplate;
        return new EarlyStopping.Options(t.monitor(), t.mode(), minDelta.get(), patience.get(), t.baseline(),
                restoreBest.get(), t.startFromEpoch());
    }

    /** The raced initialisations (bias init applied). */
    public List<Init> racedInits() {
        List<Init> out = new ArrayList<>();
        for (String s : split(racedInits.get(), "initialisations")) {
            out.add(withBias(Init.parse(s)));
        }
        return out;
    }

    public List<ActivationSpec> racedActivations() {
        List<ActivationSpec> out = new ArrayList<>();
        for (String s : split(racedActivations.get(), "activations")) {
            out.add(ActivationSpec.parse(s));
        }
        return out;
    }

    private static List<String> split(String text, String what) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty() || out.size() > 12) {
            throw new ConfigException("raced " + what + ": give 1 to 12, separated by ';', was " + out.size());
        }
        return out;
    }

    private void changed() {
        if (bulk == 0) {
            revision.set(revision.get() + 1);
        }
    }

    private void setEveryRow(java.util.function.Consumer<LayerViewModel> set) {
        bulk++;
        try {
            layers.forEach(set);
        } finally {
            bulk--;
        }
        changed();
    }

    /** The widths text was edited: rows follow (new rows take the all-layers settings). */
    private void syncRowsFromText() {
        if (bulk > 0) {
            return;
        }
        bulk++;
        try {
            resizeRows(hiddenWidths());
        } catch (ConfigException e) {
            // the text is not valid yet: the rows stay, and spec() reports the error
        } finally {
            bulk--;
        }
        changed();
    }

    private void resizeRows(List<Integer> widths) {
        while (layers.size() > widths.size()) {
            layers.remove(layers.size() - 1);
        }
        for (int i = 0; i < widths.size(); i++) {
            if (i < layers.size()) {
                layers.get(i).widthProperty().set(widths.get(i));
            } else {
                layers.add(new LayerViewModel(widths.get(i), activation.get(), batchNorm.get(), dropout.get()));
            }
        }
    }

    /** A row's width was edited: the widths text follows. */
    private void rowWidthChanged() {
        if (bulk > 0) {
            return;
        }
        bulk++;
        try {
            hidden.set(layers.stream().map(r -> String.valueOf(r.widthProperty().get()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        } finally {
            bulk--;
        }
        changed();
    }

    /** A short name for a spec in legends ("normal std=1"). */
    static String shortName(Spec s) {
        return s.toString();
    }
}
