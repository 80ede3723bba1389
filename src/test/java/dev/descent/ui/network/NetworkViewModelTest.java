package dev.descent.ui.network;

import dev.descent.core.compute.Activation;
import dev.descent.core.config.ConfigException;
import dev.descent.core.data.DataGenerators;
import dev.descent.core.data.Dataset;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.preset.NetworkConfig;
import dev.descent.core.race.EarlyStopping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkViewModelTest {
    private final NetworkViewModel m = new NetworkViewModel();
    private final Dataset moons = DataGenerators.create("moons", 50, 0.1, 1);

    private List<Integer> rowWidths() {
        return m.layers().stream().map(r -> r.widthProperty().get()).toList();
    }

    @Test
    void rowsFollowTheWidthsTextAndTheTextFollowsTheRows() {
        m.hiddenProperty().set("8, 4, 2");
        assertEquals(List.of(8, 4, 2), rowWidths());
        m.layers().get(1).widthProperty().set(5);
        assertEquals("8, 5, 2", m.hiddenProperty().get());
        m.hiddenProperty().set("8");
        assertEquals(List.of(8), rowWidths());
        m.hiddenProperty().set("8, x");
        assertEquals(List.of(8), rowWidths(), "a text that does not parse leaves the rows");
        assertThrows(ConfigException.class, () -> m.spec(moons));
    }

    @Test
    void eachLayerHasItsOwnSettingsAndTheAllLayersControlsSetEveryRow() {
        m.hiddenProperty().set("6, 5");
        m.activationProperty().set("relu");
        m.layers().get(1).activationProperty().set("tanh");
        m.layers().get(0).batchNormProperty().set(true);
        m.layers().get(1).dropoutProperty().set(0.25);
        MlpSpec s = m.spec(moons);
        assertEquals(Activation.RELU, s.activation(0).function());
        assertEquals(Activation.TANH, s.activation(1).function());
        assertTrue(s.batchNorm(0));
        assertFalse(s.batchNorm(1));
        assertEquals(0.0, s.dropout(0));
        assertEquals(0.25, s.dropout(1));
        m.activationProperty().set("gelu");
        m.dropoutProperty().set(0.1);
        s = m.spec(moons);
        assertEquals(Activation.GELU, s.activation(0).function());
        assertEquals(Activation.GELU, s.activation(1).function());
        assertEquals(0.1, s.dropout(0));
        assertEquals(0.1, s.dropout(1));
        m.hiddenProperty().set("6, 5, 3");
        assertEquals("gelu", m.layers().get(2).activationProperty().get(), "a new row takes the all-layers settings");
    }

    @Test
    void aBadRowIsReportedWithItsLayerNumber() {
        m.hiddenProperty().set("6, 5");
        m.layers().get(1).activationProperty().set("swish_typo");
        ConfigException e = assertThrows(ConfigException.class, () -> m.spec(moons));
        assertTrue(e.getMessage().startsWith("layer 2: unknown activation 'swish_typo'"), e.getMessage());
    }

    @Test
    void oneEditCountsOnceInTheRevision() {
        m.hiddenProperty().set("6, 5, 4");
        int before = m.revisionProperty().get();
        m.activationProperty().set("sigmoid");
        assertEquals(before + 1, m.revisionProperty().get());
        m.hiddenProperty().set("6, 5");
        assertEquals(before + 2, m.revisionProperty().get());
        m.layers().get(0).widthProperty().set(7);
        assertEquals(before + 3, m.revisionProperty().get());
    }

    @Test
    void loadShowsAPresetNetworkAndToConfigWritesItBack() {
        NetworkConfig n = new NetworkConfig(List.of(8, 4), List.of("relu", "elu alpha=0.5"), "he_normal bias=0.1",
                List.of(true, false), List.of(0.0, 0.2), "ce", 0.001, 0.01, 16, "patience=7 min_delta=0.001 "
                + "restore_best_weights=false baseline=0.6");
        m.earlyStoppingProperty().set(false);
        m.load(n);
        assertEquals("8, 4", m.hiddenProperty().get());
        assertEquals("elu alpha=0.5", m.layers().get(1).activationProperty().get());
        assertEquals("he_normal", m.initProperty().get());
        assertEquals(0.1, m.biasInitProperty().get());
        assertTrue(m.earlyStoppingProperty().get());
        assertEquals(7, m.patienceProperty().get());
        assertEquals(0.001, m.minDeltaProperty().get());
        assertFalse(m.restoreBestProperty().get());
        EarlyStopping.Options s = m.stopping();
        assertEquals(0.6, s.baseline(), "what the editor does not show comes from the preset");
        NetworkConfig back = m.toConfig(moons);
        assertEquals(n.layers(), back.layers());
        assertEquals(n.activation(), back.activation());
        assertEquals(n.batchnorm(), back.batchnorm());
        assertEquals(n.dropout(), back.dropout());
        assertEquals(n.l1(), back.l1());
        assertEquals(n.l2(), back.l2());
        assertEquals(n.batchSize(), back.batchSize());
        assertEquals(n.earlyStoppingOptions().baseline(), back.earlyStoppingOptions().baseline());
        assertEquals(n.earlyStoppingOptions().patience(), back.earlyStoppingOptions().patience());
        assertEquals(dev.descent.core.nn.Init.parse(n.init()), dev.descent.core.nn.Init.parse(back.init()));
    }

    @Test
    void loadingANetworkWithoutEarlyStoppingSwitchesItOffAndResetsItsSettings() {
        m.earlyStoppingProperty().set(true);
        m.patienceProperty().set(3);
        m.minDeltaProperty().set(0.5);
        m.restoreBestProperty().set(false);
        m.biasInitProperty().set(0.7);
        m.load(NetworkConfig.DEFAULT);
        assertNull(m.stopping());
        assertEquals(10, m.patienceProperty().get());
        assertEquals(0.0, m.minDeltaProperty().get());
        assertTrue(m.restoreBestProperty().get());
        assertEquals(0.0, m.biasInitProperty().get());
    }
}
