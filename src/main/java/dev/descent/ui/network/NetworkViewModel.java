package dev.descent.ui.network;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.NetworkData;
import dev.descent.core.race.EarlyStopping;
import dev.descent.core.race.TrainingRaceOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The network editor's state: architecture (hidden widths, activation, batch norm, dropout,
 * loss), initialisation, regularisation (L1/L2), batch size, epochs, early stopping, and what
 * the racers differ in. The engine applies one activation, batch-norm flag and dropout rate to
 * every hidden layer. {@link #spec}, {@link #options} and {@link #stopping} build the engine's
 * records and throw {@link ConfigException} naming the field that is wrong.
 */
public final class NetworkViewModel {
    /** "auto" picks ce for classification and mse for regression. */
    public static final String AUTO_LOSS = "auto";

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
    private final IntegerProperty epochs = new SimpleIntegerProperty(200);
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(false);
    private final IntegerProperty patience = new SimpleIntegerProperty(10);
    private final ObjectProperty<Double> minDelta = new SimpleObjectProperty<>(0.0);
    private final BooleanProperty restoreBest = new SimpleBooleanProperty(true);
    private final ObjectProperty<RaceKind> raceKind = new SimpleObjectProperty<>(RaceKind.OPTIMIZERS);
    private final StringProperty racedInits = new SimpleStringProperty("normal std=0.01; normal std=1; glorot_uniform; he_normal");
    private final StringProperty racedActivations = new SimpleStringProperty("sigmoid; tanh; relu; gelu");

    // Properties

    /** Hidden widths, comma-separated ("16, 16"); empty for a linear model. */
    public StringProperty hiddenProperty() {
        return hidden;
    }

    public StringProperty activationProperty() {
        return activation;
    }

    public StringProperty initProperty() {
        return init;
    }

    public ObjectProperty<Double> biasInitProperty() {
        return biasInit;
    }

    public BooleanProperty batchNormProperty() {
        return batchNorm;
    }

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

    /** The architecture for a data set. */
    public MlpSpec spec(Dataset train) {
        Loss l = loss(train);
        return new MlpSpec(train.dimension(), hiddenWidths(), NetworkData.outputsFor(train, l),
                ActivationSpec.parse(activation.get()), batchNorm.get(), dropout.get(), l);
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

    /** Early stopping on the validation loss, or null when it is off. */
    public EarlyStopping.Options stopping() {
        if (!earlyStopping.get()) {
            return null;
        }
        return new EarlyStopping.Options("val_loss", EarlyStopping.Mode.MIN, minDelta.get(), patience.get(), null,
                restoreBest.get(), 0);
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

    /** A short name for a spec in legends ("normal std=1"). */
    static String shortName(Spec s) {
        return s.toString();
    }
}
