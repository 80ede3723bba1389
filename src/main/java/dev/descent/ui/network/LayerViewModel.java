package dev.descent.ui.network;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One hidden layer's row in the network editor: width, activation, batch norm, dropout. */
public final class LayerViewModel {
    private final IntegerProperty width;
    private final StringProperty activation;
    private final BooleanProperty batchNorm;
    private final ObjectProperty<Double> dropout;

    public LayerViewModel(int width, String activation, boolean batchNorm, double dropout) {
        this.width = new SimpleIntegerProperty(width);
        this.activation = new SimpleStringProperty(activation);
        this.batchNorm = new SimpleBooleanProperty(batchNorm);
        this.dropout = new SimpleObjectProperty<>(dropout);
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    /** An activation spec ("relu", "leaky_relu alpha=0.2"). */
    public StringProperty activationProperty() {
        return activation;
    }

    public BooleanProperty batchNormProperty() {
        return batchNorm;
    }

    public ObjectProperty<Double> dropoutProperty() {
        return dropout;
    }
}
